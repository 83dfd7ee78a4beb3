/**
 * Writes the demo data into the three subgraphs' databases, each through its own data
 * source. Runs once: a database that already has customers is left as it is.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { UsageRow, DemoData } from './generate-demo-data';
import { BillItemEntity, BillEntity, CardEntity, CreditLineEntity, CustomerEntity } from '@cardweave/issuer-subgraph';
import { TransactionEntity } from '@cardweave/clearing-subgraph';
import { CardBindingEntity, WalletAccountEntity } from '@cardweave/wallet-subgraph';

export interface SubgraphDataSources {
  issuer: DataSource;
  wallet: DataSource;
  clearing: DataSource;
}

const CHUNK = 500;

async function insertAll<T extends object>(manager: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await manager.insert(entity, rows.slice(i, i + CHUNK) as never);
}

async function insertUsage(manager: EntityManager, schema: string, rows: UsageRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await manager.query(
      `INSERT INTO ${schema}.limit_usage (scope_key, rule_window, window_key, amount_fen, payment_count)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::int[])`,
      [
        chunk.map((r) => r.scopeKey),
        chunk.map((r) => r.window),
        chunk.map((r) => r.windowKey),
        chunk.map((r) => r.amountFen.toString()),
        chunk.map((r) => r.count),
      ],
    );
  }
}

export async function hasDemoData(sources: SubgraphDataSources): Promise<boolean> {
  return (await sources.issuer.getRepository(CustomerEntity).count()) > 0;
}

/** Each subgraph's rows in one transaction of its own database. */
export async function writeDemoData(sources: SubgraphDataSources, data: DemoData): Promise<void> {
  await sources.issuer.transaction(async (m) => {
    await insertAll(m, CustomerEntity, data.issuer.customers);
    await insertAll(m, CreditLineEntity, data.issuer.creditLines);
    await insertAll(m, CardEntity, data.issuer.cards);
    await insertAll(m, BillEntity, data.issuer.bills);
    await insertAll(m, BillItemEntity, data.issuer.billItems);
    const postings = data.issuer.penaltyPostings ?? [];
    for (let i = 0; i < postings.length; i += CHUNK) {
      const chunk = postings.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO issuer.penalty_postings (bill_id, accrual_date, principal_fen, amount_fen, posted_at)
         SELECT * FROM unnest($1::uuid[], $2::date[], $3::bigint[], $4::bigint[], $5::timestamptz[])`,
        [
          chunk.map((p) => p.billId),
          chunk.map((p) => p.accrualDate),
          chunk.map((p) => p.principalFen.toString()),
          chunk.map((p) => p.amountFen.toString()),
          chunk.map((p) => p.postedAt),
        ],
      );
    }
  });
  await sources.wallet.transaction(async (m) => {
    await insertAll(m, WalletAccountEntity, data.wallet.accounts);
    await insertAll(m, CardBindingEntity, data.wallet.bindings);
    await insertUsage(m, 'wallet', data.wallet.usage);
  });
  await sources.clearing.transaction(async (m) => {
    await insertAll(m, TransactionEntity, data.clearing.transactions);
    await insertUsage(m, 'clearing', data.clearing.usage);
  });
}
