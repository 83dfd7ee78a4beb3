/**
 * Payment authorizations through the full chain (gateway → wallet → clearing → issuer) on
 * the real PostgreSQL, then the books of the three databases checked for limit violations.
 *
 * The load: the client's checked-in `pay` operation (client/operations/pay.graphql) through
 * the production gateway, each request with the paying customer's token and a fresh
 * idempotency key, amounts from 1 fen to 1,200 CNY (some over UnionPay's 1,000 CNY per
 * payment), spread over the bindings of a small pool of cards (several payments race on each
 * card at once); half of the cards have a credit line small enough to bind before the
 * network's daily limit does, so that both bind during a run and the checks below are tested
 * where they matter.
 *
 * The books, read from each subgraph's own schema after the run (see `checkBooks`).
 */
import { randomUUID } from 'node:crypto';
import { buildASTSchema, parse, type GraphQLField } from 'graphql';
import { windowOf, type LimitRule, type PlatformAdapter } from '@cardweave/adapter-sdk';
import { readOperationDocument } from '@cardweave/gateway';
import type { HttpJob, HttpRequest } from '../load/load-process';
import type { LoadResult } from '../load/load-result';
import type { BenchDatabase } from './database';
import type { CustomerTokens } from './identity';
import type { PaymentResult, PaymentViolations } from './report';

/** The wallet subgraph's payment mutation in the supergraph, if it has one. */
export function findPaymentMutation(supergraph: string): GraphQLField<unknown, unknown> | undefined {
  const schema = buildASTSchema(parse(supergraph), { assumeValidSDL: true });
  const mutation = schema.getMutationType();
  const field = mutation?.getFields().pay;
  if (!field) return undefined;
  const joins = field.astNode?.directives?.filter((d) => d.name.value === 'join__field') ?? [];
  const typeJoins = mutation!.astNode?.directives?.filter((d) => d.name.value === 'join__type') ?? [];
  const graphs = (joins.length ? joins : typeJoins).map((d) => d.arguments?.find((a) => a.name.value === 'graph')?.value);
  return graphs.some((g) => g?.kind === 'EnumValue' && g.value === 'WALLET') ? field : undefined;
}

// With the shared fragment it spreads, as a client sends it.
export const PAY = readOperationDocument('pay.graphql');
/** Replaced by the load process with a new UUID in every request. */
const FRESH_KEY = '__BENCH_IDEMPOTENCY_KEY__';
/** Credit line of every other card: binds before UnionPay's daily 5,000 CNY does. */
const SMALL_CREDIT_LINE_FEN = 450_000n;
const MAX_AMOUNT_FEN = 120_000;

export interface PaymentCard {
  customerId: string;
  cardId: string;
  bindings: Array<{ id: string; platform: string }>;
}

export function payBody(bindingId: string, amountFen: number, idempotencyKey: string): string {
  return JSON.stringify({
    query: PAY,
    variables: { input: { idempotencyKey, bindingId, amountFen, merchantName: '永辉超市', merchantCategoryCode: '5411' } },
  });
}

/** A deterministic spread of amounts from 1 fen to MAX_AMOUNT_FEN. */
function amount(i: number): number {
  return 1 + ((i * 7_919 + 104_729) % MAX_AMOUNT_FEN);
}

/** The requests of a run: round-robin over the cards, alternating bindings, one fresh key each. */
export function paymentRequests(cards: PaymentCard[], tokens: CustomerTokens, count = 20_000): HttpRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const card = cards[i % cards.length];
    const binding = card.bindings[Math.floor(i / cards.length) % card.bindings.length];
    return { body: payBody(binding.id, amount(i), `bench-${FRESH_KEY}`), authorization: tokens.bearer(card.customerId) };
  });
}

interface Rules {
  wallet: Map<string, LimitRule[]>;
  network: Map<string, LimitRule[]>;
}

const rulesOf = (adapters: PlatformAdapter[]) => new Map(adapters.map((a) => [a.manifest.id, a.limits]));

export interface Books {
  /** Per card: the credit line's limit and use before the run. */
  creditBefore: Map<string, { limitFen: bigint; usedFen: bigint }>;
  creditAfter: Map<string, { limitFen: bigint; usedFen: bigint }>;
  walletApproved: Array<{
    card_id: string;
    customer_id: string;
    wallet_account_id: string;
    platform: string;
    amount_fen: string;
    created_at: Date;
  }>;
  networkApproved: Array<{ card_id: string; network_platform: string; amount_fen: string; created_at: Date }>;
  issuerApproved: Map<string, bigint>;
  /** clearing.limit_usage per card, window and window key. */
  networkUsage: Array<{ scope_key: string; rule_window: string; window_key: string; amount_fen: string }>;
  openPayments: number;
}

async function creditLines(db: BenchDatabase, cardIds: string[]) {
  const rows = await db.query<{ card_id: string; limit_fen: string; used_fen: string }>(
    'issuer',
    `SELECT c.id AS card_id, l.limit_fen, l.used_fen FROM issuer.cards c JOIN issuer.credit_lines l ON l.id = c.credit_line_id WHERE c.id = ANY($1)`,
    [cardIds],
  );
  return new Map(rows.map((r) => [r.card_id, { limitFen: BigInt(r.limit_fen), usedFen: BigInt(r.used_fen) }]));
}

async function openPayments(db: BenchDatabase, cardIds: string[]): Promise<number> {
  const [row] = await db.query<{ n: string }>(
    'wallet',
    `SELECT COUNT(*) AS n FROM wallet.payments WHERE card_id = ANY($1) AND status IN ('RESERVED', 'REVERSING')`,
    [cardIds],
  );
  return Number(row.n);
}

async function settle(db: BenchDatabase, cardIds: string[], maxMs = 60_000): Promise<void> {
  const state = async () =>
    JSON.stringify(
      await db.query(
        'wallet',
        `SELECT status, COUNT(*) AS n FROM wallet.payments WHERE card_id = ANY($1) GROUP BY status ORDER BY status`,
        [cardIds],
      ),
    );
  let previous = await state();
  for (let waited = 0; waited < maxMs; waited += 1_000) {
    await new Promise((r) => setTimeout(r, 1_000));
    const current = await state();
    if (current === previous && (await openPayments(db, cardIds)) === 0) return;
    previous = current;
  }
}

export async function readBooks(db: BenchDatabase, cardIds: string[], creditBefore: Books['creditBefore']): Promise<Books> {
  const issuerRows = await db.query<{ card_id: string; total: string }>(
    'issuer',
    `SELECT card_id, SUM(amount_fen) AS total FROM issuer.authorizations WHERE card_id = ANY($1) AND status = 'APPROVED' GROUP BY card_id`,
    [cardIds],
  );
  return {
    creditBefore,
    creditAfter: await creditLines(db, cardIds),
    walletApproved: await db.query(
      'wallet',
      `SELECT card_id, customer_id, wallet_account_id, platform, amount_fen, created_at FROM wallet.payments WHERE card_id = ANY($1) AND status = 'APPROVED'`,
      [cardIds],
    ),
    networkApproved: await db.query(
      'clearing',
      `SELECT card_id, network_platform, amount_fen, created_at FROM clearing.transactions WHERE card_id = ANY($1) AND status = 'APPROVED' AND payment_id IS NOT NULL`,
      [cardIds],
    ),
    issuerApproved: new Map(issuerRows.map((r) => [r.card_id, BigInt(r.total)])),
    networkUsage: await db.query(
      'clearing',
      `SELECT scope_key, rule_window, window_key, amount_fen FROM clearing.limit_usage WHERE scope_key = ANY($1)`,
      [cardIds],
    ),
    openPayments: await openPayments(db, cardIds),
  };
}

const KINDS = { PER_PAYMENT: 'perPayment', DAILY: 'daily', MONTHLY: 'monthly', YEARLY: 'yearly', ALL_TIME: 'allTime' } as const;

/**
 * Every way the books can break a limit or disagree, counted:
 * - per payment, per day, month, year: every approved payment within each PER_PAYMENT rule,
 *   and the approved sums (and counts) per scope and window within each windowed rule, of
 *   the binding's wallet (wallet.payments) and of the card's network (clearing.transactions);
 * - credit: per card, the approved sum within the credit available before the run, and the
 *   credit line's use within its limit;
 * - books: per card, the sum approved by the issuer = the credit used since the run began =
 *   the sums approved by the wallet and by the network, to the fen; the network's usage
 *   rows = its approved sums per window;
 * - open: payments still RESERVED or REVERSING.
 */
export function checkBooks(books: Books, rules: Rules): { violations: PaymentViolations; details: string[] } {
  const v: PaymentViolations = { perPayment: 0, daily: 0, monthly: 0, yearly: 0, allTime: 0, credit: 0, books: 0, open: 0 };
  const details: string[] = [];
  const flag = (kind: keyof PaymentViolations, detail: string) => {
    v[kind] += 1;
    if (details.length < 20) details.push(`${kind}: ${detail}`);
  };

  const windowed = <P extends { amount_fen: string; created_at: Date }>(
    payments: P[],
    rulesOfPayment: (p: P) => LimitRule[],
    scopeKey: (p: P, rule: LimitRule) => string,
  ) => {
    const sums = new Map<string, { rule: LimitRule; scope: string; window: string; fen: bigint; count: number }>();
    for (const p of payments) {
      for (const rule of rulesOfPayment(p)) {
        if (rule.window === 'PER_PAYMENT') {
          if (BigInt(p.amount_fen) > rule.amountFen)
            flag('perPayment', `${rule.id}: ${p.amount_fen} fen approved, limit ${rule.amountFen}`);
          continue;
        }
        const window = windowOf(rule.window, new Date(p.created_at), rule.timezone).key;
        const key = `${rule.id}|${scopeKey(p, rule)}|${window}`;
        const sum = sums.get(key) ?? { rule, scope: scopeKey(p, rule), window, fen: 0n, count: 0 };
        sum.fen += BigInt(p.amount_fen);
        sum.count += 1;
        sums.set(key, sum);
      }
    }
    for (const s of sums.values()) {
      if (s.fen > s.rule.amountFen || (s.rule.count !== undefined && s.count > s.rule.count)) {
        flag(KINDS[s.rule.window], `${s.rule.id} ${s.scope} ${s.window}: ${s.fen} fen in ${s.count} payments, limit ${s.rule.amountFen}`);
      }
    }
    return sums;
  };

  windowed(
    books.walletApproved,
    (p) => rules.wallet.get(p.platform) ?? [],
    (p, rule) => (rule.scope === 'CARD' ? p.card_id : rule.scope === 'CUSTOMER' ? p.customer_id : p.wallet_account_id),
  );
  const networkSums = windowed(
    books.networkApproved,
    (p) => rules.network.get(p.network_platform) ?? [],
    (p) => p.card_id,
  );
  for (const usage of books.networkUsage) {
    const approved = [...networkSums.values()].filter(
      (s) => s.scope === usage.scope_key && s.rule.window === usage.rule_window && s.window === usage.window_key,
    );
    const fen = approved[0]?.fen ?? 0n;
    if (BigInt(usage.amount_fen) !== fen)
      flag(
        'books',
        `clearing usage ${usage.scope_key} ${usage.rule_window} ${usage.window_key}: ${usage.amount_fen} fen counted, ${fen} approved`,
      );
  }

  const sumBy = <P extends { card_id: string; amount_fen: string }>(rows: P[]) => {
    const m = new Map<string, bigint>();
    for (const r of rows) m.set(r.card_id, (m.get(r.card_id) ?? 0n) + BigInt(r.amount_fen));
    return m;
  };
  const walletSums = sumBy(books.walletApproved);
  const networkByCard = sumBy(books.networkApproved);
  for (const [cardId, before] of books.creditBefore) {
    const after = books.creditAfter.get(cardId)!;
    const issuer = books.issuerApproved.get(cardId) ?? 0n;
    const wallet = walletSums.get(cardId) ?? 0n;
    const network = networkByCard.get(cardId) ?? 0n;
    if (after.usedFen > after.limitFen) flag('credit', `card ${cardId}: ${after.usedFen} fen used of ${after.limitFen}`);
    if (issuer > before.limitFen - before.usedFen)
      flag('credit', `card ${cardId}: ${issuer} fen approved, ${before.limitFen - before.usedFen} available`);
    if (after.usedFen - before.usedFen !== issuer)
      flag('books', `card ${cardId}: credit used rose by ${after.usedFen - before.usedFen} fen, issuer approved ${issuer}`);
    if (wallet !== issuer || network !== issuer)
      flag('books', `card ${cardId}: approved ${wallet} (wallet), ${network} (network), ${issuer} (issuer) fen`);
  }
  if (books.openPayments > 0) {
    v.open = books.openPayments;
    details.push(`open: ${books.openPayments} payments still RESERVED or REVERSING`);
  }
  return { violations: v, details };
}

export const totalViolations = (v: PaymentViolations) => Object.values(v).reduce((s, n) => s + n, 0);

export async function benchPayments(options: {
  supergraph: string;
  gatewayUrl: string;
  db: BenchDatabase;
  tokens: CustomerTokens;
  runLoad: (job: HttpJob) => Promise<LoadResult>;
  settings: { connections: number; durationSec: number; paymentCustomers: number };
  log: (message: string) => void;
}): Promise<PaymentResult> {
  const { db, log } = options;
  if (options.settings.paymentCustomers < 1) throw new Error('BENCH_PAYMENT_CUSTOMERS must be at least 1');
  if (!findPaymentMutation(options.supergraph)) {
    const reason = 'the supergraph has no `pay` mutation on the wallet subgraph';
    log(`payments: skipped: ${reason}`);
    return { skipped: reason };
  }
  // A pool of cards of their own (one per customer, bound to every wallet), half with a small credit line.
  const cards: PaymentCard[] = [];
  for (let i = 0; i < options.settings.paymentCustomers; i += 1) {
    const customer = await db.addCustomer({ cards: 1, billItems: 1 });
    const cardId = customer.cardIds[0];
    if (i % 2 === 0) {
      await db.query('issuer', `UPDATE issuer.credit_lines SET limit_fen = $2 WHERE customer_id = $1`, [
        customer.customerId,
        SMALL_CREDIT_LINE_FEN.toString(),
      ]);
    }
    const bindings = await db.query<{ id: string; platform: string }>(
      'wallet',
      `SELECT id, platform FROM wallet.card_bindings WHERE card_id = $1 AND status = 'ACTIVE' ORDER BY platform`,
      [cardId],
    );
    cards.push({ customerId: customer.customerId, cardId, bindings });
  }
  const cardIds = cards.map((c) => c.cardId);
  const creditBefore = await creditLines(db, cardIds);
  const requests = paymentRequests(cards, options.tokens);

  // One payment first, so that a refusal is reported as such rather than as a run of failures.
  const trial = await fetch(options.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: requests[0].authorization },
    body: requests[0].body.split(FRESH_KEY).join(randomUUID()),
  });
  const trialText = await trial.text();
  if (trial.status !== 200 || trialText.includes('"errors"') || !trialText.includes('"ok":')) {
    throw new Error(`payments: the trial payment failed (HTTP ${trial.status}): ${trialText.slice(0, 300)}`);
  }

  // No warm-up: every request is a new payment, and all of them are in the books checked after.
  log(
    `payments: ${cards.length} cards, ${cards.reduce((n, c) => n + c.bindings.length, 0)} bindings, ${options.settings.connections} connections, ${options.settings.durationSec} s`,
  );
  const authorizations = await options.runLoad({
    kind: 'http',
    url: options.gatewayUrl,
    requests,
    freshKeyPlaceholder: FRESH_KEY,
    connections: options.settings.connections,
    durationSec: options.settings.durationSec,
    warmupSec: 0,
    countMatching: '"ok":true',
  });

  // Requests still in flight when the load stopped finish in the services: wait until no payment
  // is open and none has been added or changed for a second (at most a minute), then read the books.
  await settle(db, cardIds);
  const books = await readBooks(db, cardIds, creditBefore);
  const rules: Rules = { wallet: rulesOf(db.registry.byRole('wallet')), network: rulesOf(db.registry.byRole('clearing')) };
  const { violations, details } = checkBooks(books, rules);
  const approvedFen = books.walletApproved.reduce((s, p) => s + BigInt(p.amount_fen), 0n);
  // Which limits bound: the declines by canonical code and platform.
  const declineRows = await db.query<{ code: string | null; platform: string | null; n: string }>(
    'wallet',
    `SELECT decline::jsonb ->> 'code' AS code, decline::jsonb ->> 'platform' AS platform, COUNT(*) AS n
       FROM wallet.payments WHERE card_id = ANY($1) AND status = 'DECLINED' GROUP BY 1, 2 ORDER BY 3 DESC`,
    [cardIds],
  );
  const declined = Object.fromEntries(declineRows.map((r) => [`${r.code ?? 'unknown'} (${r.platform ?? '?'})`, Number(r.n)]));
  const limitViolations = totalViolations(violations);
  for (const d of details) log(`payments: violation: ${d}`);
  log(
    `payments: ${authorizations.rps.toFixed(1)}/s, p50 ${authorizations.p50Ms} ms, p99 ${authorizations.p99Ms} ms, ${authorizations.failures} failed; ` +
      `${books.walletApproved.length} approved (${approvedFen} fen) in the books, declined: ${JSON.stringify(declined)}; ${limitViolations} limit violations`,
  );
  return {
    mutation: 'pay',
    cards: cards.length,
    authorizations,
    approvedResponses: authorizations.matching,
    approved: books.walletApproved.length,
    approvedFen: approvedFen.toString(),
    declined,
    limitViolations,
    violations,
  };
}
