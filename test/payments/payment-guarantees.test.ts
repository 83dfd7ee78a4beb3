/**
 * The payment chain's guarantees, on the real PostgreSQL with real processes:
 * - 200 concurrent payments against one card, split across two instances of each
 *   subgraph process sharing the database, never exceed a limit, and the approved sum
 *   equals the credit used to the fen;
 * - a hop killed mid-payment leaves no partial payment once recovery runs.
 * On the embedded database these suites are skipped: its server lives inside the test
 * process, which the processes here would have to share it through.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { CLEARING_SCHEMA, clearingEntities, clearingMigrations } from '@cardweave/clearing-subgraph';
import { PanVault, ISSUER_SCHEMA, issuerEntities, issuerMigrations } from '@cardweave/issuer-subgraph';
import type { Identity } from '@cardweave/service-kit';
import { generateLocalKeySet, installKeyring, keyringFromLocalKeySet } from '@cardweave/service-kit';
import { openSubgraphDatabase, type SubgraphDatabase } from '@cardweave/subgraph-kit';
import { WALLET_SCHEMA, walletEntities, walletMigrations } from '@cardweave/wallet-subgraph';
import { insertCustomer } from '../support/card-fixtures';
import { freePort, gatewaySignedQuery, startServiceProcess, type ServiceProcess } from '../support/service-processes';
import { createTestDatabase, usesRealPostgres, type TestDatabase } from '../support/test-database';
import type { TestSystem } from '../support/test-system';
import { books, PAY_AT_WALLET, unbilledPostings, type PayResponse } from './payment-support';

const describeOnPostgres = usesRealPostgres() ? describe : describe.skip;

describeOnPostgres('payment guarantees across replicas and process failures', () => {
  jest.setTimeout(240_000);
  const keys = generateLocalKeySet();
  const registry = loadAdapterRegistry();
  let database: TestDatabase;
  let dbs: SubgraphDatabase[] = [];
  let system: TestSystem;
  const processes: ServiceProcess[] = [];
  let issuerPorts: number[];
  let env: Record<string, string>;
  let wallets: ServiceProcess[];

  beforeAll(async () => {
    installKeyring(keyringFromLocalKeySet(keys));
    database = await createTestDatabase();
    // Migrate once from here, so the replicas start on a ready schema.
    dbs = await Promise.all([
      openSubgraphDatabase({ url: database.url, schema: ISSUER_SCHEMA, entities: issuerEntities, migrations: issuerMigrations }),
      openSubgraphDatabase({ url: database.url, schema: WALLET_SCHEMA, entities: walletEntities, migrations: walletMigrations }),
      openSubgraphDatabase({ url: database.url, schema: CLEARING_SCHEMA, entities: clearingEntities, migrations: clearingMigrations }),
    ]);
    system = {
      issuer: { database: dbs[0] },
      wallet: { database: dbs[1] },
      clearing: { database: dbs[2] },
      vault: PanVault.fromKey(randomBytes(32)),
      registry,
    } as unknown as TestSystem;

    env = {
      CARDWEAVE_KEYS: JSON.stringify(keys),
      ISSUER_DATABASE_URL: database.url,
      WALLET_DATABASE_URL: database.url,
      CLEARING_DATABASE_URL: database.url,
      CARD_DATA_KEY: randomBytes(32).toString('base64'),
      CARDWEAVE_NOW: '2026-11-26T06:00:00.000Z',
      PAYMENT_RECOVERY_INTERVAL_MS: '0',
    };
    issuerPorts = [await freePort(), await freePort()];
    const issuers = [];
    for (const port of issuerPorts) issuers.push(await startServiceProcess('issuer', port, env));
    // Cross-wired: clearing A calls issuer B and clearing B issuer A.
    const clearings = [];
    for (const [i, issuer] of issuers.entries()) {
      clearings.push(await startServiceProcess('clearing', await freePort(), { ...env, ISSUER_URL: issuers[1 - i].url }));
      void issuer;
    }
    wallets = [];
    for (const clearing of clearings)
      wallets.push(await startServiceProcess('wallet', await freePort(), { ...env, CLEARING_URL: clearing.url }));
    processes.push(...issuers, ...clearings, ...wallets);
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop().catch(() => undefined)));
    await Promise.all(dbs.map((d) => d.close()));
    await database?.drop();
  });

  async function cardWithCredit(limitFen: bigint) {
    const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
    await dbs[0].dataSource.query(`UPDATE issuer.credit_lines SET limit_fen = $2 WHERE customer_id = $1`, [
      customer.customerId,
      limitFen.toString(),
    ]);
    const [binding] = await dbs[1].dataSource.query(`SELECT id FROM wallet.card_bindings WHERE card_id = $1 AND platform = 'wechat-pay'`, [
      customer.cardIds[0],
    ]);
    const identity: Identity = { subject: `customer:${customer.customerId}`, customerId: customer.customerId, roles: ['CUSTOMER'] };
    return { customer, bindingId: binding.id as string, identity };
  }

  async function payMany(bindingId: string, identity: Identity, amounts: number[]) {
    return Promise.all(
      amounts.map((amountFen, i) =>
        gatewaySignedQuery<{ pay: PayResponse }>(
          wallets[i % wallets.length].url,
          PAY_AT_WALLET,
          {
            input: { idempotencyKey: `race-${randomUUID()}`, bindingId, amountFen, merchantName: '盒马鲜生', merchantCategoryCode: '5411' },
          },
          identity,
        ),
      ),
    );
  }

  /** Amounts from 1 fen to 1,200 CNY: some over UnionPay's 1,000 CNY per payment. */
  function amounts(n: number): number[] {
    return Array.from({ length: n }, () => 1 + Math.floor(Math.random() * 120_000));
  }

  it.each([
    ['available credit', 450_000n],
    ["UnionPay's daily limit", 5_000_000n],
  ])('200 concurrent payments on two replicas of each hop never exceed a limit (binding: %s)', async (_binding, limitFen) => {
    const { customer, bindingId, identity } = await cardWithCredit(limitFen);
    const started = Date.now();
    const responses = await payMany(bindingId, identity, amounts(200));
    const seconds = (Date.now() - started) / 1000;

    expect(responses.filter((r) => r.status !== 200 || r.errors).map((r) => JSON.stringify(r).slice(0, 300))).toEqual([]);
    const approved = responses.map((r) => r.data!.pay).filter((p) => p.ok);
    const declinedCodes = new Set(responses.map((r) => r.data!.pay.error?.code).filter(Boolean));
    const approvedSum = approved.reduce((s, p) => s + BigInt(p.payment!.amountFen), 0n);
    const b = await books(system, customer.cardIds[0]);
    const daily = b.networkUsage.find((u) => u.rule_window === 'DAILY')!;
    console.log(
      `200 concurrent payments (${_binding} binds): ${approved.length} approved, ${approvedSum} fen, declined with ${[...declinedCodes].join(', ')}, ${seconds.toFixed(1)} s (${(200 / seconds).toFixed(0)} payments/s)`,
    );

    expect(approved.every((p) => BigInt(p.payment!.amountFen) <= 100_000n)).toBe(true);
    expect(approvedSum).toBeLessThanOrEqual(limitFen);
    expect(approvedSum).toBeLessThanOrEqual(500_000n);
    expect(b.creditUsed).toBe(approvedSum);
    expect(b.issuerApproved).toBe(approvedSum);
    expect(b.networkApproved).toBe(approvedSum);
    expect(b.walletApproved).toBe(approvedSum);
    expect(BigInt(daily.amount_fen)).toBe(approvedSum);
    expect(daily.payment_count).toBe(approved.length);
    expect(b.openPayments).toBe(0);
    const postings = await unbilledPostings(system, customer.cardIds[0]);
    expect(postings.reduce((s, p) => s + BigInt(p.amount_fen), 0n)).toBe(approvedSum);
    // The binding limit was actually reached: the last approvals left less than a typical payment.
    expect(declinedCodes.has('LIMIT_EXCEEDED') || declinedCodes.has('INSUFFICIENT_CREDIT')).toBe(true);
  });

  it('leaves no partial payment when an issuer process is killed mid-payment, once recovery runs', async () => {
    const { customer, bindingId, identity } = await cardWithCredit(5_000_000n);
    const issuer = processes.find((p) => p.name === 'issuer' && p.port === issuerPorts[0])!;
    const inFlight = payMany(
      bindingId,
      identity,
      Array.from({ length: 60 }, () => 1 + Math.floor(Math.random() * 8_000)),
    );
    await new Promise((r) => setTimeout(r, 150));
    await issuer.kill();
    const responses = await inFlight;
    const unavailable = responses.filter((r) => r.data?.pay.error?.code === 'PLATFORM_UNAVAILABLE').length;
    const before = await books(system, customer.cardIds[0]);

    const restarted = await startServiceProcess('issuer', issuer.port, env);
    processes.splice(processes.indexOf(issuer), 1, restarted);
    const operator: Identity = { subject: 'operator:test', customerId: null, roles: ['OPERATOR'] };
    for (const wallet of wallets) {
      const report = await gatewaySignedQuery<{ recoverPayments: { examined: number; stillOpen: number } }>(
        wallet.url,
        `mutation { recoverPayments(olderThanSeconds: 0) { examined reversed stillOpen } }`,
        {},
        operator,
      );
      expect(report.errors).toBeUndefined();
      expect(report.data!.recoverPayments.stillOpen).toBe(0);
    }
    const after = await books(system, customer.cardIds[0]);
    console.log(
      `issuer killed mid-payment: ${responses.filter((r) => r.data?.pay.ok).length} approved, ${unavailable} reported unavailable, ${before.openPayments} left open until recovery`,
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(after.openPayments).toBe(0);
    expect(after.issuerApproved).toBe(after.creditUsed);
    expect(after.networkApproved).toBe(after.issuerApproved);
    expect(after.walletApproved).toBe(after.issuerApproved);
    const daily = after.networkUsage.find((u) => u.rule_window === 'DAILY');
    expect(BigInt(daily?.amount_fen ?? '0')).toBe(after.networkApproved);
    const postings = await unbilledPostings(system, customer.cardIds[0]);
    expect(postings.reduce((s, p) => s + BigInt(p.amount_fen), 0n)).toBe(after.issuerApproved);
    // Nothing approved anywhere that the wallet reported otherwise.
    const reportedApproved = responses.filter((r) => r.data?.pay.ok).reduce((s, r) => s + BigInt(r.data!.pay.payment!.amountFen), 0n);
    expect(after.walletApproved).toBe(reportedApproved);
  });
});
