/** Bill items and transactions are cursor-paginated connections: every row once, in order. */
import { insertCustomer } from './support/card-fixtures';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false });
});

afterAll(async () => {
  await system?.stop();
});

interface Page {
  edges: Array<{ cursor: string; node: { id?: string; postedAt?: string; createdAt?: string; transaction?: { id: string } } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

it('walks all bill items page by page, newest first, each exactly once', async () => {
  const fixture = await insertCustomer(system, { cards: 3, billItems: 45 });
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const result: { data?: { card: { currentBill: { items: Page & { totalCount: number } } } } } = await system.query(
      `query($id: ID!, $after: String) { card(id: $id) { currentBill { items(first: 20, after: $after) {
         totalCount edges { cursor node { id postedAt transaction { id } } } pageInfo { hasNextPage endCursor } } } } }`,
      { id: fixture.cardIds[0], after },
    );
    const items = result.data!.card.currentBill.items;
    expect(items.totalCount).toBe(45);
    seen.push(...items.edges.map((e) => e.node.transaction!.id));
    pages += 1;
    if (!items.pageInfo.hasNextPage) break;
    after = items.pageInfo.endCursor;
  }
  expect(pages).toBe(3);
  expect(new Set(seen).size).toBe(45);
  expect([...seen].sort()).toEqual([...fixture.transactionIds].sort());
});

it("pages a card's transactions at the clearing subgraph the same way", async () => {
  const fixture = await insertCustomer(system, { cards: 1, billItems: 12 });
  const first = await system.query<{ card: { transactions: Page } }>(
    `query($id: ID!) { card(id: $id) { transactions(first: 5) { edges { cursor node { id createdAt } } pageInfo { hasNextPage endCursor } } } }`,
    { id: fixture.cardIds[0] },
  );
  const page1 = first.data!.card.transactions;
  expect(page1.edges).toHaveLength(5);
  expect(page1.pageInfo.hasNextPage).toBe(true);
  const times = page1.edges.map((e) => Date.parse(e.node.createdAt!));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  const second = await system.query<{ card: { transactions: Page } }>(
    `query($id: ID!, $after: String) { card(id: $id) { transactions(first: 10, after: $after) { edges { node { id } } pageInfo { hasNextPage } } } }`,
    { id: fixture.cardIds[0], after: page1.pageInfo.endCursor },
  );
  expect(second.data!.card.transactions.edges).toHaveLength(7);
  expect(second.data!.card.transactions.pageInfo.hasNextPage).toBe(false);
});

it('refuses a forged cursor and an oversized page with field-level errors', async () => {
  const fixture = await insertCustomer(system, { cards: 1, billItems: 2 });
  const forged = await system.query(
    `query($id: ID!) { card(id: $id) { transactions(first: 5, after: "not-a-cursor") { edges { cursor } } } }`,
    { id: fixture.cardIds[0] },
  );
  expect(forged.errors?.[0].message).toMatch(/after: not a cursor/);
  // Well-encoded pairs of the cursor's own shape, holding what is no instant or no id, never reach SQL.
  const id = '3f2b8c1e-4d5a-4e6f-8a9b-0c1d2e3f4a5b';
  for (const pair of [
    ['not-a-date', id],
    ['2026-11-29 15:48:57+00', 'not-a-uuid'],
  ]) {
    const tampered = await system.query(
      `query($id: ID!, $after: String) { card(id: $id) { transactions(first: 5, after: $after) { edges { cursor } } } }`,
      { id: fixture.cardIds[0], after: Buffer.from(JSON.stringify(pair), 'utf8').toString('base64url') },
    );
    expect(tampered.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
    ]);
  }
  // Just over the page limit reaches the subgraph, which names the field…
  const over = await system.query(`query($id: ID!) { card(id: $id) { transactions(first: 101) { edges { cursor } } } }`, {
    id: fixture.cardIds[0],
  });
  expect(over.errors?.[0].message).toMatch(/first: must be between 1 and 100; got 101/);
  // …and a huge page is refused at the gateway by the query cost limit, before any subgraph.
  const huge = await system.query(`query($id: ID!) { card(id: $id) { transactions(first: 100000) { edges { cursor } } } }`, {
    id: fixture.cardIds[0],
  });
  expect(huge.errors?.[0].message).toMatch(/^query cost [\d,]+ is over the limit of [\d,]+$/);
});
