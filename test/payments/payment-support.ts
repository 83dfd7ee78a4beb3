/** Paying through the gateway, and reading each platform's books straight from its database. */
import { randomUUID } from 'node:crypto';
import type { TestSystem } from '../support/test-system';

export const PAY = `mutation Pay($input: PayInput!) {
  pay(input: $input) {
    ok
    payment { id status amountFen transaction { id status } }
    error { code platform platformCode platformMessage decision remedy message { zhCN en } }
  }
}`;

/** The same mutation sent straight to a wallet subgraph, which knows only the transaction's id. */
export const PAY_AT_WALLET = PAY.replace('transaction { id status }', 'transaction { id }');

export interface PayResponse {
  ok: boolean;
  payment: { id: string; status: string; amountFen: number; transaction: { id: string; status: string } | null } | null;
  error: { code: string; platform: string; platformCode: string; decision: string; remedy: string; message: { zhCN: string; en: string } } | null;
}

/** Pays through the gateway as the customer `customerId` (with that customer's token). */
export async function pay(
  system: TestSystem,
  customerId: string,
  bindingId: string,
  amountFen: number,
  idempotencyKey = `key-${randomUUID()}`,
): Promise<{ result?: PayResponse; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> {
  const { data, errors } = await system.queryAs<{ pay: PayResponse }>(system.token(customerId), PAY, {
    input: { idempotencyKey, bindingId, amountFen, merchantName: '永辉超市', merchantCategoryCode: '5411' },
  });
  return { result: data?.pay, errors };
}

export async function bindingsOf(system: TestSystem, cardId: string): Promise<Array<{ id: string; platform: string }>> {
  return system.wallet.database.dataSource.query(`SELECT id, platform FROM wallet.card_bindings WHERE card_id = $1 ORDER BY platform`, [cardId]);
}

/** What each platform's own database says about a card: used credit, network usage, approved legs. */
export async function books(system: TestSystem, cardId: string) {
  const [line] = await system.issuer.database.dataSource.query(
    `SELECT l.used_fen FROM issuer.credit_lines l JOIN issuer.cards c ON c.credit_line_id = l.id WHERE c.id = $1`,
    [cardId],
  );
  const [issuerApproved] = await system.issuer.database.dataSource.query(
    `SELECT COALESCE(SUM(amount_fen), 0) AS total, COUNT(*) AS n FROM issuer.authorizations WHERE card_id = $1 AND status = 'APPROVED'`,
    [cardId],
  );
  const [networkApproved] = await system.clearing.database.dataSource.query(
    `SELECT COALESCE(SUM(amount_fen), 0) AS total FROM clearing.transactions WHERE card_id = $1 AND status = 'APPROVED' AND payment_id IS NOT NULL`,
    [cardId],
  );
  const networkUsage = await system.clearing.database.dataSource.query(
    `SELECT rule_window, window_key, amount_fen, payment_count FROM clearing.limit_usage WHERE scope_key = $1 ORDER BY rule_window, window_key`,
    [cardId],
  );
  const [walletApproved] = await system.wallet.database.dataSource.query(
    `SELECT COALESCE(SUM(amount_fen), 0) AS total FROM wallet.payments WHERE card_id = $1 AND status = 'APPROVED'`,
    [cardId],
  );
  const [open] = await system.wallet.database.dataSource.query(
    `SELECT COUNT(*) AS n FROM wallet.payments WHERE card_id = $1 AND status IN ('RESERVED', 'REVERSING')`,
    [cardId],
  );
  return {
    creditUsed: BigInt(line.used_fen),
    issuerApproved: BigInt(issuerApproved.total),
    networkApproved: BigInt(networkApproved.total),
    walletApproved: BigInt(walletApproved.total),
    networkUsage: networkUsage as Array<{ rule_window: string; window_key: string; amount_fen: string; payment_count: number }>,
    openPayments: Number(open.n),
  };
}

/** The issuer's unbilled purchase postings of a card, with the clearing transactions they name. */
export async function unbilledPostings(system: TestSystem, cardId: string): Promise<Array<{ amount_fen: string; transaction_id: string }>> {
  return system.issuer.database.dataSource.query(
    `SELECT amount_fen, transaction_id FROM issuer.bill_items WHERE card_id = $1 AND bill_id IS NULL AND kind = 'PURCHASE'`,
    [cardId],
  );
}
