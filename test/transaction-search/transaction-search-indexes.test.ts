/**
 * The statements a transaction search runs are served by the card's indexes, on a history
 * large enough that PostgreSQL's planner would rather scan the table were no index fit:
 * 20,000 transactions on the searched card among 20,000 of other cards, analyzed. Each
 * search goes through the gateway; the statement clearing ran for it is then EXPLAINed
 * with its own parameters. On the real PostgreSQL with CARDWEAVE_TEST_DATABASE=postgres.
 */
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const HISTORY = 20_000;
let system: TestSystem;
let cardId: string;
let rareWallet: string;
let statements: Array<{ sql: string; params: unknown[] }>;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false });
  const fixture = await insertCustomer(system, { cards: 1, billItems: 0 });
  cardId = fixture.cardIds[0];
  const [commonWallet, otherWallet] = system.registry.byRole('wallet').map((w) => w.manifest.id);
  rareWallet = otherWallet;
  const clearing = system.clearing.database.dataSource;
  // One wallet in ten, one payment in twenty declined: the filters a holder searches for are the rare ones.
  const history = (card: string, count: number) =>
    clearing.query(
      `INSERT INTO clearing.transactions (id, card_id, wallet_platform, network_platform, merchant_name, merchant_category, amount_fen, status, created_at)
       SELECT gen_random_uuid(), ${card}, CASE WHEN n % 10 = 0 THEN $2 ELSE $3 END, 'unionpay', 'Merchant ' || (n % 500), '5411',
              (n * 37) % 100000 + 1, CASE WHEN n % 20 = 0 THEN 'DECLINED' WHEN n % 33 = 0 THEN 'REVERSED' ELSE 'APPROVED' END,
              timestamptz '2025-01-01 00:00:00+00' + n * interval '7 minutes'
         FROM generate_series(1, $1::int) AS n`,
      [count, rareWallet, commonWallet],
    );
  await history(`'${cardId}'::uuid`, HISTORY);
  // Other cards' histories: 200 cards of 100 each.
  await history(`(md5((n % 200)::text)::uuid)`, HISTORY);
  await clearing.query(`ANALYZE clearing.transactions`);

  // Every statement clearing runs, with its parameters, as TypeORM hands it to its logger.
  statements = [];
  const logger = clearing.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (sql, params, runner) => {
    statements.push({ sql, params: Array.isArray(params) ? params : [] });
    return logQuery(sql, params, runner);
  };
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** The plan of the search statement clearing ran for one page of `filter`. */
async function planOfSearch(filter: Record<string, unknown> | null, after: string | null = null) {
  statements.length = 0;
  const result = await system.query<{ card: { transactions: { edges: unknown[]; pageInfo: { endCursor: string } } } }>(
    `query($id: ID!, $filter: TransactionFilter, $after: String) {
       card(id: $id) { transactions(filter: $filter, first: 20, after: $after) { edges { node { id } } pageInfo { endCursor } } } }`,
    { id: cardId, filter, after },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.card.transactions.edges).toHaveLength(20);
  const searches = statements.filter((s) => s.sql.includes('FROM clearing.transactions x'));
  expect(searches).toHaveLength(1);
  const [{ sql, params }] = searches;
  const [explained] = (await system.clearing.database.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)) as Array<{
    'QUERY PLAN': Array<{ Plan: PlanNode }>;
  }>;
  const all = nodes(explained['QUERY PLAN'][0].Plan);
  return {
    endCursor: result.data!.card.transactions.pageInfo.endCursor,
    indexScans: all.filter((n) => n['Node Type'] === 'Index Scan' || n['Node Type'] === 'Index Only Scan').map((n) => n['Index Name']),
    seqScans: all.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'transactions'),
  };
}

it('has the history the plans are read against', async () => {
  const [{ n }] = (await system.clearing.database.dataSource.query(
    `SELECT count(*)::int AS n FROM clearing.transactions WHERE card_id = $1`,
    [cardId],
  )) as Array<{ n: number }>;
  expect(n).toBe(HISTORY);
});

it.each<[string, string, () => Record<string, unknown> | null]>([
  ['no filter', 'transactions_card_idx', () => null],
  ['a date range', 'transactions_card_idx', () => ({ from: '2025-02-01T00:00:00Z', to: '2025-03-01T00:00:00Z' })],
  ['a wallet', 'transactions_card_wallet_idx', () => ({ walletPlatform: rareWallet })],
  [
    'a wallet and a date range',
    'transactions_card_wallet_idx',
    () => ({ walletPlatform: rareWallet, from: '2025-01-20T00:00:00Z', to: '2025-03-01T00:00:00Z' }),
  ],
  ['a status', 'transactions_card_status_idx', () => ({ status: ['DECLINED'] })],
])('searches by %s with an Index Scan on %s, first page and next', async (_name, index, filter) => {
  const first = await planOfSearch(filter());
  expect(first.seqScans).toEqual([]);
  expect(first.indexScans).toContain(index);
  const next = await planOfSearch(filter(), first.endCursor);
  expect(next.seqScans).toEqual([]);
  expect(next.indexScans).toContain(index);
});

it('reads every filter together from one of the card indexes, never the whole table', async () => {
  const plan = await planOfSearch({
    walletPlatform: rareWallet,
    status: ['APPROVED', 'REVERSED'],
    merchantText: 'merchant 1',
    minAmountFen: 100,
    maxAmountFen: 90_000,
    from: '2025-01-01T00:00:00Z',
  });
  expect(plan.seqScans).toEqual([]);
  expect(plan.indexScans.some((name) => name?.startsWith('transactions_card'))).toBe(true);
});
