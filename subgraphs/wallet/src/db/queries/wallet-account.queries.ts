/** A customer's account at each wallet platform, opened on first use. */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { hydrateRows } from '@cardweave/subgraph-kit';
import { WalletAccountEntity } from '../entities/wallet-account.entity';

/** Opens an ACTIVE account unless the customer has one at this platform already. */
export async function openAccountOnce(
  db: SqlRunner,
  account: { id: string; customerId: string; platform: string; at: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO wallet.wallet_accounts (id, customer_id, platform, status, created_at) VALUES ($1, $2, $3, 'ACTIVE', $4)
     ON CONFLICT (customer_id, platform) DO NOTHING`,
    [account.id, account.customerId, account.platform, account.at],
  );
}

export async function accountOfCustomer(db: SqlRunner, customerId: string, platform: string): Promise<WalletAccountEntity> {
  const rows = (await db.query(`SELECT * FROM wallet.wallet_accounts WHERE customer_id = $1 AND platform = $2`, [
    customerId,
    platform,
  ])) as Record<string, unknown>[];
  if (!rows[0]) throw new Error(`no ${platform} account of customer ${customerId}`);
  return hydrateRows(db, WalletAccountEntity, rows)[0];
}

export async function accountById(db: SqlRunner, id: string): Promise<WalletAccountEntity> {
  const rows = (await db.query(`SELECT * FROM wallet.wallet_accounts WHERE id = $1`, [id])) as Record<string, unknown>[];
  if (!rows[0]) throw new Error(`no wallet account ${id}`);
  return hydrateRows(db, WalletAccountEntity, rows)[0];
}
