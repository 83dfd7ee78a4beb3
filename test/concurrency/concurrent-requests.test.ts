/**
 * Many requests at once, on real processes: the issuer, clearing and wallet subgraphs and the
 * gateway each run as a process of their own (test/support/process-system.ts), on the embedded
 * database by default and on the real PostgreSQL with CARDWEAVE_TEST_DATABASE=postgres.
 *
 * - One burst of 170 requests at once: 50 payments with their own keys on one card (the credit
 *   line runs out part way, and some amounts are over the network's per-payment limit), 20
 *   payments with one shared key and the same input, and 100 card views by three customers.
 *   Every answer is a whole answer: HTTP 200 with data and no error, a payment approved in full
 *   or declined in the canonical form for a reason that holds, no binding reported missing, each
 *   customer's own cards in full. The shared key charges once: every answer that names a payment
 *   names that one, the others are told the first request is still running (DUPLICATE_REQUEST).
 *   Afterwards nothing is left open and the three databases agree to the fen with the answers.
 * - A subgraph frozen (SIGSTOP) for longer than the gateway's subgraph timeout while requests
 *   are in flight: every answer is still HTTP 200, its errors carry a known code naming the
 *   subgraph whose part is missing, never a 500 nor INTERNAL_SERVER_ERROR. Afterwards every
 *   payment's key answers with its final outcome and the books agree with those answers.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_ERROR_CODES, readOperationDocument } from '@cardweave/gateway';
import { insertCustomer, type FixtureCustomer } from '../support/card-fixtures';
import { books, booksDisagreements } from '../support/payment-books';
import { startProcessSystem, type GatewayProcess, type GraphQLAnswer, type ProcessSystem } from '../support/process-system';

jest.setTimeout(150_000);

const root = path.resolve(__dirname, '../..');
// With the shared fragment it spreads, as a client sends it.
const PAY = readOperationDocument('pay.graphql');
const CARD_VIEW = fs.readFileSync(path.join(root, 'client/operations/card-view.graphql'), 'utf8');
const RECOVER = `mutation { recoverPayments(olderThanSeconds: 0) { examined reversed stillOpen } }`;

/**
 * Timeouts. The burst checks what is answered under concurrency, not how fast: its gateway and
 * hops wait long enough that a slow, shared CI machine cannot turn into a timeout. A second
 * gateway, `edge`, keeps the default subgraph timeout (5 s) for the frozen-subgraph case.
 */
const PATIENT_TIMEOUT_MS = 60_000;
const EDGE_TIMEOUT_MS = 5_000;
/** UnionPay's and QuickPass's per-payment limit. */
const PER_PAYMENT_LIMIT_FEN = 100_000;
/** The paying card's credit line: runs out after about 30 of the 50 payments. */
const CREDIT_LIMIT_FEN = 300_000n;

interface PayResult {
  ok: boolean;
  error: { code: string; decision: string; remedy: string; platform: string; message: { zhCN: string; en: string } } | null;
  payment: {
    id: string;
    status: string;
    amountFen: number;
    binding: { id: string; walletPlatform: { id: string }; card: { id: string } };
    transaction: { id: string; status: string } | null;
  } | null;
}

interface CardViewCard {
  id: string;
  maskedNumber: string;
  overdue: unknown;
  walletBindings: Array<{ id: string; walletPlatform: { id: string } }>;
  payableNow: Array<{ walletPlatform: { id: string }; amountFen: number; rules: unknown[] }>;
  networkLimits: unknown[];
  currentBill: { items: { totalCount: number; edges: Array<{ node: { id: string; transaction: { id: string } | null } }> } } | null;
  repayAt: unknown;
}
interface CardView {
  customer: { id: string; name: string; creditLine: { limitFen: number } | null; cards: CardViewCard[] } | null;
}

interface Customer extends FixtureCustomer {
  token: string;
  /** Binding ids per card, by wallet platform. */
  bindings: Map<string, Map<string, string>>;
}

let system: ProcessSystem;
let edge: GatewayProcess;
let payer: Customer;
let sharer: Customer;
let viewer: Customer;

async function customer(shape: { cards: number; billItems: number }, creditLimitFen?: bigint): Promise<Customer> {
  const c = await insertCustomer(system.fixtures, shape);
  if (creditLimitFen !== undefined) {
    await system.fixtures.issuer.database.dataSource.query(`UPDATE issuer.credit_lines SET limit_fen = $2 WHERE customer_id = $1`, [
      c.customerId,
      creditLimitFen.toString(),
    ]);
  }
  const rows: Array<{ id: string; card_id: string; platform: string }> = await system.fixtures.wallet.database.dataSource.query(
    `SELECT id, card_id, platform FROM wallet.card_bindings WHERE card_id = ANY($1)`,
    [c.cardIds],
  );
  const bindings = new Map(c.cardIds.map((id) => [id, new Map<string, string>()]));
  for (const row of rows) bindings.get(row.card_id)!.set(row.platform, row.id);
  return { ...c, token: system.token(c.customerId), bindings };
}

const payInput = (bindingId: string, amountFen: number, idempotencyKey: string) => ({
  input: { idempotencyKey, bindingId, amountFen, merchantName: '永辉超市', merchantCategoryCode: '5411' },
});

const pay = (who: Customer, bindingId: string, amountFen: number, key = `concurrent-${randomUUID()}`) =>
  system.queryAs<{ pay: PayResult }>(who.token, PAY, payInput(bindingId, amountFen, key));
const view = (who: Customer) => system.queryAs<CardView>(who.token, CARD_VIEW, { customerId: who.customerId });

const brief = (a: GraphQLAnswer<unknown>) => JSON.stringify(a).slice(0, 400);
const errorCodes = (a: GraphQLAnswer<unknown>) => (a.errors ?? []).map((e) => e.extensions?.code ?? '(none)');

/** What is wrong with a card view of `who`, in words (empty when it is whole and theirs). */
function cardViewProblems(who: Customer, answer: GraphQLAnswer<CardView>): string[] {
  const problems: string[] = [];
  const c = answer.data?.customer;
  if (answer.status !== 200 || answer.errors || !c) return [`not a whole answer: ${brief(answer)}`];
  if (c.id !== who.customerId) problems.push(`customer ${c.id} answered for ${who.customerId}`);
  if (!c.name || !c.creditLine) problems.push('customer without name or credit line');
  const cardIds = c.cards.map((card) => card.id).sort();
  if (JSON.stringify(cardIds) !== JSON.stringify([...who.cardIds].sort()))
    problems.push(`cards ${cardIds.join(',')} for ${who.customerId}`);
  for (const card of c.cards) {
    const expected = who.bindings.get(card.id);
    const bindings = card.walletBindings.map((b) => `${b.walletPlatform.id}=${b.id}`).sort();
    const own = [...(expected ?? new Map<string, string>())].map(([platform, id]) => `${platform}=${id}`).sort();
    if (JSON.stringify(bindings) !== JSON.stringify(own))
      problems.push(`card ${card.id}: bindings ${bindings.join(',')}, expected ${own.join(',')}`);
    if (!card.maskedNumber || !card.overdue || !card.repayAt) problems.push(`card ${card.id}: issuer part missing`);
    if (card.payableNow.length !== own.length || card.payableNow.some((p) => p.rules.length === 0))
      problems.push(`card ${card.id}: payableNow incomplete`);
    if (card.networkLimits.length === 0) problems.push(`card ${card.id}: no network limits`);
    const items = card.currentBill?.items.edges ?? [];
    if (!card.currentBill || items.length === 0) problems.push(`card ${card.id}: no current bill items`);
    for (const { node } of items) {
      if (!node.transaction || !who.transactionIds.includes(node.transaction.id)) {
        problems.push(`card ${card.id}: bill item ${node.id} with transaction ${node.transaction?.id ?? 'missing'}`);
      }
    }
  }
  return problems;
}

/** Waits until the wallet has no open payment for these cards (or `maxMs` passed). */
async function settled(cardIds: string[], maxMs = 20_000): Promise<number> {
  const open = async () =>
    Number(
      (
        await system.fixtures.wallet.database.dataSource.query(
          `SELECT COUNT(*) AS n FROM wallet.payments WHERE card_id = ANY($1) AND status IN ('RESERVED', 'REVERSING')`,
          [cardIds],
        )
      )[0].n,
    );
  for (let waited = 0; waited < maxMs; waited += 250) {
    if ((await open()) === 0) return 0;
    await new Promise((r) => setTimeout(r, 250));
  }
  return open();
}

beforeAll(async () => {
  // Recovery only when asked, so the books below are what the request paths left.
  system = await startProcessSystem({
    env: { PAYMENT_RECOVERY_INTERVAL_MS: '0', HOP_TIMEOUT_MS: String(PATIENT_TIMEOUT_MS) },
    gatewayEnv: { GATEWAY_SUBGRAPH_TIMEOUT_MS: String(PATIENT_TIMEOUT_MS) },
  });
  const edgeStarting = system.startGateway({ GATEWAY_SUBGRAPH_TIMEOUT_MS: String(EDGE_TIMEOUT_MS) });
  edgeStarting.catch(() => undefined); // awaited below
  payer = await customer({ cards: 1, billItems: 2 }, CREDIT_LIMIT_FEN);
  sharer = await customer({ cards: 2, billItems: 3 });
  viewer = await customer({ cards: 3, billItems: 5 });
  edge = await edgeStarting;
  // One card view each first, as in a system already serving: the subgraphs have learned whose
  // cards these are (cached per process) and the gateways have planned the operation.
  for (const who of [payer, sharer, viewer])
    await Promise.all([view(who), edge.queryAs<CardView>(who.token, CARD_VIEW, { customerId: who.customerId })]);
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

describe('many requests at once, on real processes', () => {
  it('answers a card view in full while idle', async () => {
    for (const who of [payer, sharer, viewer]) expect(cardViewProblems(who, await view(who))).toEqual([]);
  });

  it('answers a burst of payments and card views in full, charges a shared key once, and keeps the books', async () => {
    const card = payer.cardIds[0];
    const payerBindings = [...payer.bindings.get(card)!.values()];
    // 50 payments of about 100 CNY, every tenth one over the network's per-payment limit.
    const amounts = Array.from({ length: 50 }, (_, i) => (i % 10 === 9 ? PER_PAYMENT_LIMIT_FEN + 20_000 : 9_000 + ((i * 137) % 2_000)));
    const sharedKey = `shared-${randomUUID()}`;
    const sharedCard = sharer.cardIds[0];
    const sharedBinding = sharer.bindings.get(sharedCard)!.get('wechat-pay')!;
    const SHARED_AMOUNT = 23_456;
    const viewers = [payer, sharer, viewer];

    type Sent =
      | { kind: 'pay'; amountFen: number; bindingId: string; answer: Promise<GraphQLAnswer<{ pay: PayResult }>> }
      | { kind: 'shared'; answer: Promise<GraphQLAnswer<{ pay: PayResult }>> }
      | { kind: 'view'; who: Customer; answer: Promise<GraphQLAnswer<CardView>> };
    const sent: Sent[] = [];
    // All 170 at once, interleaved.
    for (let i = 0; i < 100; i += 1) {
      if (i < 50) {
        const bindingId = payerBindings[i % payerBindings.length];
        sent.push({ kind: 'pay', amountFen: amounts[i], bindingId, answer: pay(payer, bindingId, amounts[i]) });
      }
      if (i < 20) sent.push({ kind: 'shared', answer: pay(sharer, sharedBinding, SHARED_AMOUNT, sharedKey) });
      const who = viewers[i % viewers.length];
      sent.push({ kind: 'view', who, answer: view(who) });
    }
    const burstStarted = Date.now();
    const answers = await Promise.all(sent.map(async (s) => ({ ...s, got: await s.answer, ms: Date.now() - burstStarted })));

    // What came back, by kind, for the log and for a failure's message.
    const tally = new Map<string, number>();
    for (const a of answers) {
      const what =
        a.got.status !== 200
          ? `HTTP ${a.got.status}`
          : a.got.errors
            ? `errors ${errorCodes(a.got).join('+')}`
            : a.kind === 'view'
              ? 'view'
              : (a.got.data as { pay: PayResult }).pay.ok
                ? 'approved'
                : `declined ${(a.got.data as { pay: PayResult }).pay.error?.code}`;
      tally.set(`${a.kind}: ${what}`, (tally.get(`${a.kind}: ${what}`) ?? 0) + 1);
    }
    const lastMs = (kind: string) => Math.max(...answers.filter((a) => a.kind === kind).map((a) => a.ms));
    console.log(
      `burst of ${answers.length} on ${system.database.kind}: ${JSON.stringify(Object.fromEntries([...tally].sort()))}; ` +
        `last answers after ${lastMs('pay')} ms (payments), ${lastMs('shared')} ms (shared key), ${lastMs('view')} ms (card views)`,
    );

    // Every answer is HTTP 200 with data and without errors: no 5xx, no binding "not found",
    // no INTERNAL_SERVER_ERROR, no timeout.
    expect(answers.filter((a) => a.got.status !== 200 || a.got.errors || !a.got.data).map((a) => `${a.kind}: ${brief(a.got)}`)).toEqual([]);

    // The card views: each one whole, and the asking customer's own.
    const views = answers.filter((a): a is typeof a & { kind: 'view' } => a.kind === 'view');
    expect(views.flatMap((a) => cardViewProblems(a.who, a.got as GraphQLAnswer<CardView>))).toEqual([]);

    // The payments with their own keys: approved in full, or declined on a limit or the credit.
    const payments = answers.filter((a): a is typeof a & { kind: 'pay' } => a.kind === 'pay');
    const b = await books(system.fixtures, card);
    const payProblems: string[] = [];
    let approvedFen = 0n;
    for (const a of payments) {
      const result = (a.got as GraphQLAnswer<{ pay: PayResult }>).data!.pay;
      const p = result.payment;
      if (result.ok) {
        approvedFen += BigInt(a.amountFen);
        if (
          !p ||
          p.status !== 'APPROVED' ||
          p.amountFen !== a.amountFen ||
          p.binding.id !== a.bindingId ||
          p.binding.card.id !== card ||
          p.transaction?.status !== 'APPROVED'
        ) {
          payProblems.push(`approved without its whole payment: ${brief(a.got)}`);
        }
        continue;
      }
      const code = result.error?.code;
      if (p && p.status !== 'DECLINED') payProblems.push(`declined with payment status ${p.status}: ${brief(a.got)}`);
      if (code === 'LIMIT_EXCEEDED' && a.amountFen > PER_PAYMENT_LIMIT_FEN) continue;
      // Credit is only ever taken here, so a credit decline must still be one at the end.
      if (code === 'INSUFFICIENT_CREDIT' && b.creditUsed + BigInt(a.amountFen) > CREDIT_LIMIT_FEN) continue;
      payProblems.push(
        `declined ${a.amountFen} fen with ${code} (credit used at the end ${b.creditUsed} of ${CREDIT_LIMIT_FEN}): ${brief(a.got)}`,
      );
    }
    expect(payProblems).toEqual([]);
    const codes = new Set(payments.map((a) => (a.got.data as { pay: PayResult }).pay.error?.code));
    expect(approvedFen).toBeGreaterThan(0n);
    expect(codes.has('INSUFFICIENT_CREDIT')).toBe(true);
    expect(codes.has('LIMIT_EXCEEDED')).toBe(true);
    expect(approvedFen).toBeLessThanOrEqual(CREDIT_LIMIT_FEN);
    expect(await booksDisagreements(system.fixtures, card, { answeredFen: approvedFen })).toEqual([]);

    // The shared key: one payment, and every answer that names a payment names that one; the
    // requests that arrived while it ran are told so (DUPLICATE_REQUEST), never charged again.
    const shared = answers.filter((a) => a.kind === 'shared').map((a) => (a.got as GraphQLAnswer<{ pay: PayResult }>).data!.pay);
    const named = shared.filter((r) => r.payment);
    const paymentIds = new Set(named.map((r) => r.payment!.id));
    expect(paymentIds.size).toBe(1);
    const [paymentId] = paymentIds;
    expect(named.every((r) => r.ok && r.payment!.status === 'APPROVED' && r.payment!.amountFen === SHARED_AMOUNT)).toBe(true);
    expect(shared.filter((r) => !r.payment).map((r) => `${r.ok} ${r.error?.code}`)).toEqual(
      shared.filter((r) => !r.payment).map(() => 'false DUPLICATE_REQUEST'),
    );
    const replay = await pay(sharer, sharedBinding, SHARED_AMOUNT, sharedKey);
    expect(replay.data?.pay).toMatchObject({ ok: true, payment: { id: paymentId, status: 'APPROVED' } });
    const count = async (db: 'issuer' | 'wallet' | 'clearing', sql: string, params: unknown[]) =>
      Number((await system.fixtures[db].database.dataSource.query(sql, params))[0].n);
    expect(await count('wallet', `SELECT COUNT(*) AS n FROM wallet.payments WHERE card_id = $1`, [sharedCard])).toBe(1);
    expect(
      await count('clearing', `SELECT COUNT(*) AS n FROM clearing.transactions WHERE card_id = $1 AND payment_id IS NOT NULL`, [
        sharedCard,
      ]),
    ).toBe(1);
    expect(await count('issuer', `SELECT COUNT(*) AS n FROM issuer.authorizations WHERE card_id = $1`, [sharedCard])).toBe(1);
    expect(await booksDisagreements(system.fixtures, sharedCard, { answeredFen: BigInt(SHARED_AMOUNT) })).toEqual([]);
  });

  it('answers with a coded error, never a 500, when a subgraph is frozen past the gateway timeout under load', async () => {
    const card = viewer.cardIds[1];
    const bindings = [...viewer.bindings.get(card)!.values()];
    type Sent =
      | { kind: 'pay'; key: string; answer: Promise<GraphQLAnswer<{ pay: PayResult | null }>> }
      | { kind: 'view'; answer: Promise<GraphQLAnswer<CardView>> };
    const sent: Sent[] = [];
    /** Answers naming a missing subgraph, counted as they arrive. */
    let unavailable = 0;
    const counted = <T>(answer: Promise<GraphQLAnswer<T>>) =>
      answer.then((a) => {
        if (a.errors?.some((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE')) unavailable += 1;
        return a;
      });
    const payThroughEdge = (bindingId: string, amountFen: number, key: string) =>
      edge.queryAs<{ pay: PayResult | null }>(viewer.token, PAY, payInput(bindingId, amountFen, key));
    const amountOf = new Map<string, { bindingId: string; amountFen: number }>();
    const wave = (n: number) => {
      for (let i = 0; i < n; i += 1) {
        const key = `frozen-${randomUUID()}`;
        amountOf.set(key, { bindingId: bindings[i % bindings.length], amountFen: 1_000 + i });
        sent.push({ kind: 'pay', key, answer: counted(payThroughEdge(bindings[i % bindings.length], 1_000 + i, key)) });
        const who = [payer, sharer, viewer][i % 3];
        sent.push({ kind: 'view', answer: counted(edge.queryAs<CardView>(who.token, CARD_VIEW, { customerId: who.customerId })) });
      }
    };
    // The payment chain runs wallet → clearing → issuer: clearing, in the middle, freezes while
    // payments are in flight through it and card views need its part; more arrive meanwhile.
    wave(15);
    await new Promise((r) => setTimeout(r, 150));
    system.clearing.pause();
    const frozenAt = Date.now();
    try {
      wave(10);
      // Longer than the gateway's timeout, and until the gateway has answered that something is
      // missing (on a busy machine its first call to a frozen service may leave late).
      await new Promise((r) => setTimeout(r, EDGE_TIMEOUT_MS + 1_500));
      while (unavailable === 0 && Date.now() - frozenAt < 4 * EDGE_TIMEOUT_MS) await new Promise((r) => setTimeout(r, 100));
    } finally {
      system.clearing.resume();
    }
    const frozenFor = Date.now() - frozenAt;
    const answers = await Promise.all(
      sent.map(async (s) => ({ ...s, got: (await s.answer) as GraphQLAnswer<{ pay?: PayResult | null } & CardView> })),
    );

    const tally = new Map<string, number>();
    for (const a of answers) {
      const result = a.got.data?.pay;
      const what = `${a.kind}: HTTP ${a.got.status}${a.got.errors ? ` errors ${errorCodes(a.got).join('+')}` : ''}${result ? (result.ok ? ' approved' : ` declined ${result.error?.code}`) : ''}`;
      tally.set(what, (tally.get(what) ?? 0) + 1);
    }
    console.log(
      `clearing frozen ${frozenFor} ms under load on ${system.database.kind}: ${JSON.stringify(Object.fromEntries([...tally].sort()))}`,
    );

    // HTTP 200 every time; every error has a known code other than INTERNAL_SERVER_ERROR and
    // names the subgraph whose part is missing.
    expect(answers.filter((a) => a.got.status !== 200).map((a) => `${a.kind}: ${brief(a.got)}`)).toEqual([]);
    const badErrors = answers.flatMap((a) =>
      (a.got.errors ?? [])
        .filter(
          (e) =>
            !e.extensions?.code ||
            !ALL_ERROR_CODES.has(e.extensions.code) ||
            e.extensions.code === 'INTERNAL_SERVER_ERROR' ||
            !e.extensions.subgraph,
        )
        .map((e) => `${a.kind}: ${JSON.stringify(e)}`),
    );
    expect(badErrors).toEqual([]);
    // The freeze was felt: some answers miss clearing's part, or the wallet's that waited on it.
    expect(answers.some((a) => a.got.errors?.some((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE'))).toBe(true);
    // A payment answered is answered in the canonical form; one not answered has data: null.
    for (const a of answers.filter((x) => x.kind === 'pay')) {
      const result = a.got.data?.pay;
      if (!result)
        expect(a.got).toMatchObject({ data: null, errors: [{ extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'wallet' } }] });
      else expect(result.ok ? result.payment?.status : result.error?.code).toMatch(/^(APPROVED|PLATFORM_UNAVAILABLE)$/);
    }

    // Once clearing is back: whole answers again; no payment left open (after recovery if need
    // be); every key answers with its payment's final outcome, the same payment as before, and
    // the books agree with those answers to the fen.
    expect(cardViewProblems(viewer, await edge.queryAs<CardView>(viewer.token, CARD_VIEW, { customerId: viewer.customerId }))).toEqual([]);
    if ((await settled([card])) > 0) {
      const report = await edge.queryAs<{ recoverPayments: { stillOpen: number } }>(system.token('operator'), RECOVER);
      expect(report.errors).toBeUndefined();
      expect(report.data!.recoverPayments.stillOpen).toBe(0);
    }
    let approvedFen = 0n;
    const retryProblems: string[] = [];
    for (const a of answers.filter((x): x is typeof x & { kind: 'pay' } => x.kind === 'pay')) {
      const { bindingId, amountFen } = amountOf.get(a.key)!;
      // A payment settles a moment before its key records the answer: until then the key is
      // still in progress (DUPLICATE_REQUEST), so ask again.
      let retry = await payThroughEdge(bindingId, amountFen, a.key);
      for (let i = 0; i < 40 && retry.data?.pay?.error?.code === 'DUPLICATE_REQUEST'; i += 1) {
        await new Promise((r) => setTimeout(r, 250));
        retry = await payThroughEdge(bindingId, amountFen, a.key);
      }
      const final = retry.data?.pay;
      const first = a.got.data?.pay;
      if (retry.status !== 200 || retry.errors || !final) retryProblems.push(`retry of ${a.key}: ${brief(retry)}`);
      else if (final.ok ? final.payment?.status !== 'APPROVED' : final.error?.code !== 'PLATFORM_UNAVAILABLE')
        retryProblems.push(`retry of ${a.key}: ${brief(retry)}`);
      else if (first?.payment && first.payment.id !== final.payment?.id)
        retryProblems.push(`retry of ${a.key} named another payment: ${brief(retry)}`);
      if (final?.ok) approvedFen += BigInt(amountFen);
    }
    expect(retryProblems).toEqual([]);
    expect(await booksDisagreements(system.fixtures, card, { answeredFen: approvedFen })).toEqual([]);
  });
});
