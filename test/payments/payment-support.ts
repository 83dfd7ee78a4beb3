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
  error: {
    code: string;
    platform: string;
    platformCode: string;
    decision: string;
    remedy: string;
    message: { zhCN: string; en: string };
  } | null;
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
  return system.wallet.database.dataSource.query(`SELECT id, platform FROM wallet.card_bindings WHERE card_id = $1 ORDER BY platform`, [
    cardId,
  ]);
}

// The books of the three databases are shared with other suites.
export { books, unbilledPostings } from '../support/payment-books';
