/**
 * The cycle in progress (Card.currentCycle) costs the issuer nothing when it is not asked for
 * or only its dates are, and a fixed 2 statements when its totals and items are (one for the
 * totals of every card's line, one for every line's page of items): as many for 50 cards as for 1.
 */
import { randomUUID } from 'node:crypto';
import { insertCustomer, type FixtureCustomer } from './support/card-fixtures';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false });
});

afterAll(async () => {
  await system?.stop();
});

const cardsQuery = (cycle: string) => `query($customerId: ID!) { customer(id: $customerId) { cards { id maskedNumber ${cycle} } } }`;
const WITHOUT = cardsQuery('');
const DATES_ONLY = cardsQuery('currentCycle { cycleStart statementDate dueDate }');
const FULL = cardsQuery(
  'currentCycle { statementDate chargesFen penaltiesFen repaymentsFen balanceFen items(first: 5) { totalCount edges { node { id kind amountFen } } pageInfo { hasNextPage } } }',
);

/** The issuer's statements for one request: the fewest of three, like the card view's count. */
async function issuerStatements(query: string, customerId: string): Promise<{ count: number; cards: Array<Record<string, any>> }> {
  const counts: number[] = [];
  let cards: Array<Record<string, any>> = [];
  for (let i = 0; i < 3; i += 1) {
    system.resetStatementCount();
    const { data, errors } = await system.query<{ customer: { cards: Array<Record<string, any>> } }>(query, { customerId });
    expect(errors).toBeUndefined();
    counts.push(system.issuer.database.statements.count);
    cards = data!.customer.cards;
  }
  return { count: Math.min(...counts), cards };
}

/** Unbilled purchases on the customer's cards, as the issuer posts them when it approves a payment. */
async function postUnbilled(customer: FixtureCustomer, count: number) {
  for (let i = 0; i < count; i += 1) {
    await system.issuer.database.dataSource.query(
      `INSERT INTO issuer.bill_items (id, bill_id, card_id, kind, amount_fen, posted_at, transaction_id) VALUES ($1, NULL, $2, 'PURCHASE', 1000, $3, NULL)`,
      [randomUUID(), customer.cardIds[i % customer.cardIds.length], new Date(Date.UTC(2026, 10, 12, 0, i))],
    );
  }
}

it('adds no statement unless its totals or items are asked for, and 2 for any number of cards when they are', async () => {
  const small = await insertCustomer(system, { cards: 1, billItems: 3 });
  const large = await insertCustomer(system, { cards: 50, billItems: 200 });
  await postUnbilled(small, 3);
  await postUnbilled(large, 60);
  await issuerStatements(WITHOUT, small.customerId); // warm-up

  const base = await issuerStatements(WITHOUT, small.customerId);
  expect((await issuerStatements(DATES_ONLY, small.customerId)).count).toBe(base.count);
  expect((await issuerStatements(DATES_ONLY, large.customerId)).count).toBe(base.count);

  const one = await issuerStatements(FULL, small.customerId);
  const fifty = await issuerStatements(FULL, large.customerId);
  expect(one.count).toBe(base.count + 2);
  expect(fifty.count).toBe(one.count);

  expect(one.cards[0].currentCycle).toMatchObject({ chargesFen: 3_000, balanceFen: 3_000, items: { totalCount: 3 } });
  expect(fifty.cards).toHaveLength(50);
  // The cycle is the credit line's: every card of it shows the same totals and the same page.
  for (const card of fifty.cards) {
    expect(card.currentCycle).toMatchObject({ chargesFen: 60_000, items: { totalCount: 60, pageInfo: { hasNextPage: true } } });
    expect(card.currentCycle.items.edges).toHaveLength(5);
  }
});
