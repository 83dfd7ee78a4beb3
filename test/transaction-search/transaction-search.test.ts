/**
 * A card holder searches a card's transactions through the gateway: by date range, wallet,
 * status, merchant text and amount range, each alone and together, paged by cursor; bad
 * filters are refused field by field, and another customer's card reads as absent.
 */
import { randomUUID } from 'node:crypto';
import { TransactionEntity } from '@cardweave/clearing-subgraph';
import { insertCustomer, type FixtureCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';

type Status = 'PENDING' | 'APPROVED' | 'DECLINED' | 'REVERSED';

interface Row {
  id: string;
  cardId: string;
  walletPlatform: string;
  merchantName: string;
  amountFen: bigint;
  status: Status;
  createdAt: Date;
}

interface Filter {
  from?: string;
  to?: string;
  walletPlatform?: string;
  status?: Status[];
  merchantText?: string;
  minAmountFen?: number;
  maxAmountFen?: number;
}

interface Page {
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

type Result = { data?: { card: { transactions: Page } | null }; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

const SEARCH = `query($id: ID!, $filter: TransactionFilter, $first: Int, $after: String) {
  card(id: $id) { transactions(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`;

// Names chosen so that case, LIKE's own metacharacters and Chinese text each decide a match.
const MERCHANTS = [
  '星巴克 Starbucks 静安店',
  'STARBUCKS Reserve',
  '100% Juice Bar',
  '1000 Juice Bar',
  'a_b Store',
  'axb Store',
  '盒马鲜生',
  'Back\\slash Books',
];
const STATUSES: Status[] = ['APPROVED', 'APPROVED', 'DECLINED', 'APPROVED', 'REVERSED', 'PENDING'];
const BASE = Date.parse('2026-10-01T00:00:00Z');

let system: TestSystem;
let holder: FixtureCustomer;
let other: FixtureCustomer;
let wallets: string[];
let rows: Row[];
let secondCardRows: Row[];
let otherRows: Row[];
let token: string;

function makeRows(cardId: string, count: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    cardId,
    walletPlatform: wallets[i % 3 === 0 ? 1 : 0],
    merchantName: MERCHANTS[i % MERCHANTS.length],
    // Distinct amounts in no order of time, so amount and date filters each decide on their own.
    amountFen: BigInt((((i * 7) % 48) + 1) * 1_000),
    status: STATUSES[i % STATUSES.length],
    createdAt: new Date(BASE + i * 3_600_000),
  }));
}

async function insertRows(list: Row[]): Promise<void> {
  await system.clearing.database.dataSource.getRepository(TransactionEntity).insert(
    list.map((r) => ({
      ...r,
      networkPlatform: 'unionpay',
      merchantCategory: '5411',
      declineCode: r.status === 'DECLINED' ? 'LIMIT_EXCEEDED' : null,
    })),
  );
}

/** What the search should give, newest first: the same rules written plainly. */
function expected(filter: Filter, list: Row[] = rows): string[] {
  const text = filter.merchantText?.trim().toLowerCase();
  return list
    .filter((r) => filter.from === undefined || r.createdAt.getTime() >= Date.parse(filter.from))
    .filter((r) => filter.to === undefined || r.createdAt.getTime() <= Date.parse(filter.to))
    .filter((r) => filter.walletPlatform === undefined || r.walletPlatform === filter.walletPlatform)
    .filter((r) => filter.status === undefined || filter.status.includes(r.status))
    .filter((r) => !text || r.merchantName.toLowerCase().includes(text))
    .filter((r) => filter.minAmountFen === undefined || r.amountFen >= BigInt(filter.minAmountFen))
    .filter((r) => filter.maxAmountFen === undefined || r.amountFen <= BigInt(filter.maxAmountFen))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((r) => r.id);
}

const search = (variables: { id?: string; filter?: Filter; first?: number; after?: string | null }, as = token) =>
  system.queryAs(as, SEARCH, { id: holder.cardIds[0], first: 100, ...variables }) as Promise<Result>;

async function ids(filter: Filter): Promise<string[]> {
  const result = await search({ filter });
  expect(result.errors).toBeUndefined();
  return result.data!.card!.transactions.edges.map((e) => e.node.id);
}

beforeAll(async () => {
  system = await startTestSystem({ demoData: false });
  wallets = system.registry.byRole('wallet').map((w) => w.manifest.id);
  holder = await insertCustomer(system, { cards: 2, billItems: 0 });
  other = await insertCustomer(system, { cards: 1, billItems: 0 });
  token = system.token(holder.customerId);
  rows = makeRows(holder.cardIds[0], 48);
  // The holder's other card and another customer's card, at the same instants, must never show.
  secondCardRows = makeRows(holder.cardIds[1], 12);
  otherRows = makeRows(other.cardIds[0], 12);
  await insertRows([...rows, ...secondCardRows, ...otherRows]);
});

afterAll(async () => {
  await system?.stop();
});

it('lists every transaction of the card, newest first, without a filter', async () => {
  const all = await ids({});
  expect(all).toHaveLength(48);
  expect(all).toEqual(expected({}));
});

describe('each filter alone', () => {
  const at = (hours: number) => new Date(BASE + hours * 3_600_000).toISOString();
  it.each<[string, () => Filter]>([
    ['from (inclusive)', () => ({ from: at(40) })],
    ['to (inclusive)', () => ({ to: at(5) })],
    ['from and to, a date range', () => ({ from: at(10), to: at(20) })],
    ['walletPlatform', () => ({ walletPlatform: wallets[1] })],
    ['one status', () => ({ status: ['DECLINED'] })],
    ['several statuses', () => ({ status: ['REVERSED', 'PENDING'] })],
    ['merchantText, in any case', () => ({ merchantText: 'starbucks' })],
    ['merchantText in Chinese', () => ({ merchantText: '盒马' })],
    ['merchantText with % taken literally', () => ({ merchantText: '100%' })],
    ['merchantText with _ taken literally', () => ({ merchantText: 'a_b' })],
    ['merchantText with \\ taken literally', () => ({ merchantText: 'k\\s' })],
    ['minAmountFen', () => ({ minAmountFen: 40_000 })],
    ['maxAmountFen', () => ({ maxAmountFen: 3_000 })],
    ['minAmountFen and maxAmountFen, an amount range', () => ({ minAmountFen: 10_000, maxAmountFen: 15_000 })],
  ])('%s', async (_name, filter) => {
    const want = expected(filter());
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(48);
    expect(await ids(filter())).toEqual(want);
  });

  it('matches % and _ only as themselves', async () => {
    // As LIKE patterns, '100%' would also match '1000 Juice Bar' and 'a_b' would match 'axb Store'.
    const percent = await ids({ merchantText: '100%' });
    const underscore = await ids({ merchantText: 'a_b' });
    const names = (list: string[]) => new Set(rows.filter((r) => list.includes(r.id)).map((r) => r.merchantName));
    expect(names(percent)).toEqual(new Set(['100% Juice Bar']));
    expect(names(underscore)).toEqual(new Set(['a_b Store']));
  });

  it('takes the instant of a transaction as within both ends', async () => {
    expect(await ids({ from: at(7), to: at(7) })).toEqual([rows[7].id]);
  });

  it('takes a blank merchantText as no merchant filter', async () => {
    expect(await ids({ merchantText: '   ' })).toEqual(expected({}));
  });
});

it('combines every filter: a transaction must match them all', async () => {
  const filter: Filter = {
    from: new Date(BASE + 5 * 3_600_000).toISOString(),
    to: new Date(BASE + 37 * 3_600_000).toISOString(),
    walletPlatform: wallets[0],
    status: ['APPROVED', 'DECLINED', 'REVERSED'],
    merchantText: 'STORE',
    minAmountFen: 20_000,
    maxAmountFen: 44_000,
  };
  const want = expected(filter);
  expect(want.length).toBeGreaterThan(1);
  // Each filter removes some of what the others let through, so none is ignored unnoticed.
  for (const key of Object.keys(filter) as Array<keyof Filter>) {
    const { [key]: _dropped, ...rest } = filter;
    expect(expected(rest).length).toBeGreaterThan(want.length);
  }
  expect(await ids(filter)).toEqual(want);
});

it('pages a search forward through 3 pages without gaps or repeats', async () => {
  const filter: Filter = { status: ['APPROVED'], minAmountFen: 2_000 };
  const want = expected(filter);
  expect(want).toHaveLength(23);
  const seen: string[] = [];
  const pages: number[] = [];
  let after: string | null = null;
  for (;;) {
    system.resetStatementCount();
    const result = await search({ filter, first: 8, after });
    expect(result.errors).toBeUndefined();
    const page = result.data!.card!.transactions;
    seen.push(...page.edges.map((e) => e.node.id));
    pages.push(page.edges.length);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(pages).toEqual([8, 8, 7]);
  expect(seen).toEqual(want);
});

it('reads a page of many cards in one statement at clearing', async () => {
  const query = `query($id: ID!, $filter: TransactionFilter) { customer(id: $id) { cards { id transactions(filter: $filter, first: 5) { edges { node { id } } } } } }`;
  const filter: Filter = { walletPlatform: wallets[0], merchantText: 'store' };
  await system.queryAs(token, query, { id: holder.customerId, filter });
  const before = system.clearing.database.statements.count;
  const result = await system.queryAs<{ customer: { cards: Array<{ id: string; transactions: Page }> } }>(token, query, {
    id: holder.customerId,
    filter,
  });
  expect(result.errors).toBeUndefined();
  expect(system.clearing.database.statements.count - before).toBe(1);
  const cards = result.data!.customer.cards;
  expect(cards).toHaveLength(2);
  for (const card of cards) {
    const own = card.id === holder.cardIds[0] ? rows : secondCardRows;
    expect(card.transactions.edges.map((e) => e.node.id)).toEqual(expected(filter, own).slice(0, 5));
  }
});

describe('a filter that cannot match as asked', () => {
  it.each<[string, Filter, string]>([
    ['from after to', { from: '2026-10-02T00:00:00Z', to: '2026-10-01T00:00:00Z' }, 'filter.from'],
    ['a minimum above the maximum', { minAmountFen: 2_000, maxAmountFen: 1_999 }, 'filter.minAmountFen'],
    ['a negative minimum', { minAmountFen: -1 }, 'filter.minAmountFen'],
    ['a negative maximum', { maxAmountFen: -100 }, 'filter.maxAmountFen'],
    ['too long a merchant text', { merchantText: 'x'.repeat(101) }, 'filter.merchantText'],
    ['an empty status list', { status: [] }, 'filter.status'],
    ['an unknown wallet', { walletPlatform: 'no-such-wallet' }, 'filter.walletPlatform'],
    ['an instant PostgreSQL cannot hold', { from: '-010000-01-01T00:00:00Z' }, 'filter.from'],
    ['a NUL in merchant text', { merchantText: 'a\u0000b' }, 'filter.merchantText'],
  ])('is refused: %s', async (_name, filter, field) => {
    const result = await search({ filter });
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`${field}:`),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      }),
    ]);
    expect(result.data?.card ?? null).toBeNull();
  });

  it('accepts a merchant text of exactly 100 characters', async () => {
    expect(await ids({ merchantText: 'x'.repeat(100) })).toEqual([]);
  });

  it('accepts the first and the last instants of the years it takes', async () => {
    expect(await ids({ from: '0001-01-01T00:00:00Z', to: '9999-12-31T23:59:59.999Z' })).toEqual(expected({}));
  });

  it('refuses a cursor this API did not issue', async () => {
    const result = await search({ filter: { status: ['APPROVED'] }, after: 'bm90LWEtY3Vyc29y' });
    expect(result.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
  });
});

describe("another customer's card", () => {
  it('reads as absent, with or without a filter', async () => {
    for (const filter of [undefined, { status: ['APPROVED'] as Status[] }, { minAmountFen: 5, maxAmountFen: 1 }]) {
      const result = await search({ id: other.cardIds[0], filter });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ card: null });
    }
  });

  it('is searched for its own holder', async () => {
    const filter: Filter = { walletPlatform: wallets[1] };
    const result = await search({ id: other.cardIds[0], filter }, system.token(other.customerId));
    expect(result.data!.card!.transactions.edges.map((e) => e.node.id)).toEqual(expected(filter, otherRows));
  });
});
