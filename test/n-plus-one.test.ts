/**
 * No N+1: the unified view costs the same number of SQL statements for a customer with
 * 1 card and 3 bill items as for one with 50 cards and 200 items, because every entity
 * reference and list field is batched (DataLoader) and pages are cut in SQL.
 */
import * as fs from 'node:fs';
import { insertCustomer } from './support/card-fixtures';
import { startTestSystem, type TestSystem } from './support/test-system';

const CARD_VIEW = fs.readFileSync(require.resolve('../client/operations/card-view.graphql'), 'utf8');

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false });
});

afterAll(async () => {
  await system?.stop();
});

const SUBGRAPHS = ['issuer', 'wallet', 'clearing'] as const;

async function statementsOnce(customerId: string): Promise<{ cards: number; bySubgraph: Record<string, number> }> {
  system.resetStatementCount();
  const { data, errors } = await system.query<{ customer: { cards: unknown[] } }>(CARD_VIEW, { customerId });
  expect(errors).toBeUndefined();
  const bySubgraph = Object.fromEntries(SUBGRAPHS.map((name) => [name, system[name].database.statements.count]));
  return { cards: data!.customer.cards.length, bySubgraph };
}

/**
 * The view's statements per subgraph: the fewest of three requests, since the wallet's
 * payment recovery runs a statement of its own every few seconds in the background.
 */
async function statementsFor(customerId: string): Promise<{ count: number; cards: number; bySubgraph: Record<string, number> }> {
  const runs = [await statementsOnce(customerId), await statementsOnce(customerId), await statementsOnce(customerId)];
  const bySubgraph = Object.fromEntries(SUBGRAPHS.map((name) => [name, Math.min(...runs.map((r) => r.bySubgraph[name]))]));
  return { count: Object.values(bySubgraph).reduce((a, b) => a + b, 0), cards: runs[0].cards, bySubgraph };
}

it('runs as many SQL statements for 50 cards and 200 bill items as for 1 card and 3 items', async () => {
  const small = await insertCustomer(system, { cards: 1, billItems: 3 });
  const large = await insertCustomer(system, { cards: 50, billItems: 200 });
  // Warm-up: TypeORM's first statement on a pooled connection is not part of the view's cost.
  await statementsFor(small.customerId);

  const one = await statementsFor(small.customerId);
  const fifty = await statementsFor(large.customerId);
  console.log(`SQL statements for the unified view: 1 card/3 items = ${one.count}, 50 cards/200 items = ${fifty.count}`);
  expect(one.cards).toBe(1);
  expect(fifty.cards).toBe(50);
  expect(fifty.count).toBe(one.count);
  expect(fifty.bySubgraph).toEqual(one.bySubgraph);
  // issuer: the customer; their credit lines and cards; the bills; the first page of items with their count.
  // wallet: the cards' bindings with their accounts; the usage toward the wallets' limits.
  // clearing: the bill items' transactions and the cards' usage toward the network's limits.
  expect(one.bySubgraph.issuer).toBeLessThanOrEqual(5);
  expect(one.bySubgraph.wallet).toBeLessThanOrEqual(2);
  expect(one.bySubgraph.clearing).toBeLessThanOrEqual(2);
  expect(one.count).toBeLessThanOrEqual(9);
});
