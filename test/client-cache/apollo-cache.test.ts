/**
 * Every example operation (client/operations) and a payment through Apollo Client 4's real
 * InMemoryCache against the running system, one cache throughout as a client app keeps it: the
 * signed-in customer's card view stays watched while the other operations run, and after each
 * one it must still read complete from the cache, with no warning printed (data lost on a merge,
 * a field missing). After a payment the cached view must equal the view read fresh from the
 * gateway: the payment's own result carries what it changed (available credit, payable amounts,
 * the network's usage), so the page updates without asking again; so do the holder's spending
 * controls, a lock and an unlock (what each wallet can pay now), and a repayment with the view
 * read again, as a client does after it. Within one answer, objects
 * with the same type and id must agree: an id that is not unique would merge two things.
 */
import { captureConsoleWarnings, apolloClientFor } from './apollo-test-client';
import { isDeepStrictEqual as isEqual } from 'node:util';
import { parse, print, Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { ApolloClient } from '@apollo/client';
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { readOperationDocuments } from '@cardweave/gateway';
import type { JdFinanceSimulator } from '@cardweave/adapter-jd-finance/simulator';
import { fixedClock } from '@cardweave/service-kit';
import { CACHE_TYPE_POLICIES } from '../../client/cache/type-policies';
import { DEMO_APPLICANTS, demoApplicantId, demoMobile } from '../../scripts/demo-data/generate-demo-data';
import { simulatedPlatforms } from '../../scripts/system/simulated-platforms';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

// Each operation as a client sends it, with the shared fragments it spreads.
const operations = new Map<string, DocumentNode>(
  [...readOperationDocuments().values()].map((text) => {
    const document = parse(text);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    return [operation.name!.value, document];
  }),
);
const ran = new Set<string>();
function operation(name: string): DocumentNode {
  const document = operations.get(name);
  if (!document) throw new Error(`no example operation ${name}`);
  ran.add(name);
  return document;
}

const registry = loadAdapterRegistry();
const platforms = simulatedPlatforms(registry, fixedClock(TEST_NOW));
const jd = platforms.http('jd-finance') as JdFinanceSimulator;
const PAYMENT_PASSWORD = '135790';

let system: TestSystem;
let client: ApolloClient;
let printed: ReturnType<typeof captureConsoleWarnings>;
let customerId: string;
let cardId: string;
let bindingId: string;
const problems: string[] = [];

beforeAll(async () => {
  system = await startTestSystem({ demoData: true, now: TEST_NOW, registry, platformHttp: platforms.http, eventRelays: true });
  // A demo customer in good standing whose card can pay through an active binding.
  const { data } = await system.query<{ customers: { edges: Array<{ node: any }> } }>(
    `{ customers(first: 40) { edges { node { id status cards { id status overdue { isOverdue } walletBindings { id status } payableNow { amountFen binding { id } } } } } } }`,
  );
  const holder = data!.customers.edges
    .map((e) => e.node)
    .find(
      (c) =>
        c.status === 'ACTIVE' &&
        c.cards.some(
          (card: any) => card.status === 'ACTIVE' && !card.overdue.isOverdue && card.payableNow.some((p: any) => p.amountFen >= 50_000),
        ),
    );
  customerId = holder.id;
  const card = holder.cards.find((c: any) => c.status === 'ACTIVE' && c.payableNow.some((p: any) => p.amountFen >= 50_000));
  cardId = card.id;
  bindingId = card.payableNow.find((p: any) => p.amountFen >= 50_000).binding.id;
  printed = captureConsoleWarnings();
  client = apolloClientFor(system.gateway.url, system.token(customerId), CACHE_TYPE_POLICIES, (conflicts) => problems.push(...conflicts));
});

afterAll(async () => {
  client?.stop();
  printed?.restore();
  await system?.stop();
});

const cardViewVariables = () => ({ customerId });

/** What the cache holds for the watched card view: complete, or the fields it misses. */
function cachedCardView() {
  return client.cache.diff<any>({
    query: operation('CardView'),
    variables: cardViewVariables(),
    returnPartialData: true,
    optimistic: false,
  });
}

/** After each step: nothing printed, and the card view still complete in the cache. */
function check(step: string) {
  for (const warning of printed.take()) problems.push(`${step}: console.${warning.level}: ${warning.text.split('\n')[0]}`);
  const view = cachedCardView();
  if (!view.complete) problems.push(`${step}: the cached card view misses ${view.missing?.message.split('\n')[0]}`);
}

/** The cached card view against the view the gateway answers now: equal, or a problem naming the first difference. */
async function viewIsCurrent(step: string) {
  const fresh = await system.queryAs<{ customer: unknown }>(system.token(customerId), print(operation('CardView')), cardViewVariables());
  const cached = cachedCardView();
  const [have, want] = [withoutTypenames(cached.result), withoutTypenames(fresh.data)];
  if (!cached.complete || !isEqual(have, want))
    problems.push(`${step}: the cached card view is not the view after it: ${firstDifference(have, want)}`);
  return want as any;
}

async function query(name: string, variables: Record<string, unknown>, context: Record<string, unknown> = {}) {
  const result = await client.query<any>({ query: operation(name), variables, context, fetchPolicy: 'network-only' });
  expect(result.error).toBeUndefined();
  check(name);
  return result.data;
}

async function mutate(
  name: string,
  variables: Record<string, unknown>,
  options: { context?: Record<string, unknown>; noCache?: boolean; refetch?: string[] } = {},
) {
  const result = await client.mutate<any>({
    mutation: operation(name),
    variables,
    context: options.context ?? {},
    fetchPolicy: options.noCache ? 'no-cache' : undefined,
    refetchQueries: options.refetch,
    awaitRefetchQueries: true,
  });
  expect(result.error).toBeUndefined();
  check(name);
  return Object.values(result.data!)[0] as any;
}

let key = 0;
const idempotencyKey = (what: string) => `cache-test-${what}-${(key += 1)}`;

it('keeps the watched card view complete through every example operation, and a payment updates it', async () => {
  const watched = client.watchQuery<any>({ query: operation('CardView'), variables: cardViewVariables() });
  const seen: any[] = [];
  const watching = watched.subscribe((result) => seen.push(result.data));
  await watched.refetch();
  check('CardView');

  // The customer's reads, each into the same cache.
  await query('DemoCustomers', { first: 40 }, { token: system.token('operator') });
  await query('Eligibility', { customerId });
  await query('WalletChoices', { customerId });
  await query('CardLimits', { cardId });
  await query('BillView', { customerId });
  await query('TransactionSearch', { cardId, first: 5 });

  // A payment: its result alone brings the watched view up to date.
  const before = cachedCardView().result;
  const paid = await mutate('Pay', {
    input: { bindingId, amountFen: 12_345, merchantName: '永辉超市', merchantCategoryCode: '5411', idempotencyKey: idempotencyKey('pay') },
  });
  expect(paid).toMatchObject({ ok: true, payment: { status: 'APPROVED' } });
  const fresh = await system.queryAs<{ customer: any }>(system.token(customerId), print(operation('CardView')), cardViewVariables());
  const after = cachedCardView();
  const freshView = withoutTypenames(fresh.data);
  expect(fresh.data!.customer.creditLine.availableFen).toBe(before.customer.creditLine.availableFen - 12_345);
  if (!after.complete || !isEqual(withoutTypenames(after.result), freshView)) {
    problems.push(
      `Pay: the cached card view is not the view after the payment: ${firstDifference(withoutTypenames(after.result), freshView)}`,
    );
  }

  // A decline by the holder's own limit, read by its canonical code.
  await mutate('SetSpendingControls', { cardId, input: { perPaymentFen: 10_000 } });
  await viewIsCurrent('SetSpendingControls');
  const declined = await mutate('Pay', {
    input: { bindingId, amountFen: 20_000, merchantName: '永辉超市', merchantCategoryCode: '5411', idempotencyKey: idempotencyKey('pay') },
  });
  expect(declined).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED' } });
  await viewIsCurrent('Pay declined');
  await mutate('SetSpendingControls', { cardId, input: { perPaymentFen: null } });
  await viewIsCurrent('SetSpendingControls cleared');
  await mutate('LockCard', { cardId });
  await viewIsCurrent('LockCard');
  await mutate('UnlockCard', { cardId });
  await viewIsCurrent('UnlockCard');
  // A repayment changes the bills and the credit line, not one card: the client reads the view again.
  await mutate('Repay', { input: { customerId, amountFen: 1_000, idempotencyKey: idempotencyKey('repay') } }, { refetch: ['CardView'] });
  await viewIsCurrent('Repay');

  // The activity feed: a payment made while subscribed arrives as an event.
  const events: any[] = [];
  const feed = client
    .subscribe<any>({ query: operation('CustomerActivity'), variables: { after: null } })
    .subscribe((r) => events.push(r.error ? { error: r.error.message } : r.data));
  await new Promise((resolve) => setTimeout(resolve, 500));
  await mutate('Pay', {
    input: { bindingId, amountFen: 2_000, merchantName: '全家便利店', merchantCategoryCode: '5411', idempotencyKey: idempotencyKey('pay') },
  });
  for (let waited = 0; events.length === 0 && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  feed.unsubscribe();
  expect(events[0]).toMatchObject({});
  expect(events[0]?.customerActivity).toMatchObject({ type: 'PAYMENT_APPROVED', amountFen: 2_000, card: { id: cardId } });
  check('CustomerActivity');

  // A demo applicant, in the same cache: credit line, card issued step by step, revealed, bound, provisioned, unbound.
  const applicant = demoApplicantId(1);
  const as = { context: { token: system.token(applicant) } };
  const applied = await mutate('ApplyForCreditLine', { input: { customerId: applicant, idempotencyKey: idempotencyKey('apply') } }, as);
  expect(applied).toMatchObject({ ok: true });
  const started = await mutate('StartCardIssuance', { input: { customerId: applicant, idempotencyKey: idempotencyKey('start') } }, as);
  const issuanceId = started.issuance.id;
  const verify = (stepId: string, name: string, value: string) =>
    mutate(
      'VerifyCardIssuanceStep',
      { input: { issuanceId, stepId, fields: [{ name, value }], idempotencyKey: idempotencyKey(stepId) } },
      as,
    );
  expect(await verify('face', 'faceToken', 'face-token-0001')).toMatchObject({ ok: true });
  expect(await mutate('SendIssuanceSmsCode', { input: { issuanceId, idempotencyKey: idempotencyKey('sms') } }, as)).toMatchObject({
    ok: true,
  });
  expect(await verify('sms', 'smsCode', jd.sentSmsCode(applicant)!)).toMatchObject({ ok: true });
  expect(await verify('payment-password', 'paymentPassword', PAYMENT_PASSWORD)).toMatchObject({ ok: true });
  const issued = await mutate('IssueCard', { input: { issuanceId, idempotencyKey: idempotencyKey('issue') } }, as);
  const newCardId = issued.issuance.card.id;
  const reveal = await mutate('StartCardReveal', { input: { cardId: newCardId, paymentPassword: PAYMENT_PASSWORD } }, as);
  // The card's details are never kept: the reveal is read past the cache.
  const revealed = await mutate(
    'RevealCardDetails',
    { input: { cardId: newCardId, revealToken: reveal.revealToken } },
    { ...as, noCache: true },
  );
  // Compared value by value: a CVV2 is three digits, which any id, amount or time may hold in its text.
  const cachedValues = leafValues(client.cache.extract());
  expect(cachedValues).not.toContain(revealed.details.cvv2);
  expect(cachedValues.filter((value) => value.includes(revealed.details.cardNumber))).toEqual([]);
  expect(JSON.stringify(client.cache.extract())).not.toMatch(/"(cvv2|cardNumber)"/);
  const [holder] = await system.issuer.database.dataSource.query(`SELECT resident_id_encrypted FROM issuer.customers WHERE id = $1`, [
    applicant,
  ]);
  const bound = await mutate(
    'BindCard',
    {
      input: {
        idempotencyKey: idempotencyKey('bind'),
        cardId: newCardId,
        walletPlatform: 'wechat-pay',
        fields: [
          { name: 'cardNumber', value: revealed.details.cardNumber },
          { name: 'name', value: DEMO_APPLICANTS[0]!.name },
          { name: 'residentId', value: system.vault.decrypt(holder.resident_id_encrypted) },
          { name: 'mobile', value: demoMobile('applicant', 1) },
        ],
      },
    },
    as,
  );
  expect(bound).toMatchObject({ ok: true });
  expect(
    await mutate(
      'ProvisionCardToWallet',
      { input: { cardId: newCardId, walletPlatform: 'unionpay-quickpass', idempotencyKey: idempotencyKey('push') } },
      as,
    ),
  ).toMatchObject({ ok: true });
  expect(await mutate('RemoveWalletBinding', { bindingId: bound.binding.id }, as)).toMatchObject({ ok: true, changed: true });

  watching.unsubscribe();
  expect(seen.length).toBeGreaterThan(0);
  expect([...operations.keys()].filter((name) => !ran.has(name))).toEqual([]);
  expect(problems).toEqual([]);
});

/** The first path where two JSON values differ, for a readable failure. */
function firstDifference(a: unknown, b: unknown, at = 'card view'): string {
  if (isEqual(a, b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const inner = firstDifference((a as any)[k], (b as any)[k], `${at}.${k}`);
      if (inner) return inner;
    }
  }
  return `${at}: cached ${JSON.stringify(a)}, fresh ${JSON.stringify(b)}`;
}

// Every string and number the cache holds, as text, however deep.
function leafValues(value: unknown): string[] {
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(leafValues);
}

function withoutTypenames(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v) => (k === '__typename' ? undefined : v)));
}
