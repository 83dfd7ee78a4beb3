/**
 * The conformance suite: one battery of scenarios run against any adapter, with
 * per-adapter expected values. Each check is a plain async function returning its
 * failures, so a test can also prove the suite catches a broken adapter; the jest
 * wrapper is describe-conformance.ts.
 *
 * The expected values are the platform's documentation, written by the adapter's author
 * (`<id>.expectations.ts`): limit amounts, windows and scopes, the platform's code and
 * message for each error it raises. The adapter's declaration and the simulator are both
 * checked against them and never against each other, so a wrong declaration fails, and so
 * does a simulator that copies it.
 */
import {
  errorRowProblems,
  findErrorRow,
  InMemoryIdempotencyStore,
  missingRequiredErrorCodes,
  offsetMinutes,
  toCanonicalError,
  validateAdapter,
  type AdapterRole,
  type CanonicalErrorCode,
  type Clock,
  type ErrorTableRow,
  type Fen,
  type LimitRule,
  type LimitScope,
  type LimitWindow,
  type OperationContext,
  type OperationIO,
  type OperationName,
  type OperationResult,
  type PlatformAdapter,
  type VerificationInputField,
} from '@cardweave/adapter-sdk';
import { LimitLedger, scopeRef } from './limit-ledger';
import { ManualClock } from './manual-clock';
import { captureOutput, type OutputCapture } from './output-capture';
import type { PlatformSimulator } from './platform-simulator';
import { RecordingLogger } from './recording-logger';

export type OperationInputs = { [N in OperationName]?: (n: number) => OperationIO[N]['input'] };

export interface MalformedCase {
  operation: OperationName;
  input: unknown;
  /** The field the rejection must name. */
  field: string;
  /** The bad value, checked not to be echoed back. */
  value?: string;
}

/** A limit as the platform's documentation states it. */
export interface DocumentedLimit {
  amountFen: Fen;
  window: LimitWindow;
  /** Whose usage it counts: per card, per wallet account, per customer. */
  scope: LimitScope;
  /** Maximum number of payments in the window, when the platform has one. */
  count?: number;
  /** The zone its calendar windows follow (default Asia/Shanghai). */
  timezone?: string;
  /** The platform's own code and message when a payment breaks this limit. */
  platformCode?: string;
  platformMessage?: string;
}

/** A documented way to make the platform raise an error, and the code and message it answers with. */
export interface ErrorTrigger<S extends PlatformSimulator = PlatformSimulator> {
  /** What causes it, in the documentation's words. */
  name: string;
  operation: OperationName;
  /** Puts the simulated platform in the state that causes it (a frozen account, a spent credit line). */
  arrange?(sim: S): void;
  /** The input that causes it (default: the valid input of `operation`). */
  input?(n: number): OperationIO[OperationName]['input'];
  platformCode: string;
  platformMessage: string;
  /** The canonical code it must map to, when the author pins that too. */
  code?: CanonicalErrorCode;
}

export interface ConformanceExpectations<S extends PlatformSimulator = PlatformSimulator> {
  id: string;
  role: AdapterRole;
  createSimulator(clock: Clock): S;
  /** Valid inputs per operation the adapter offers; `n` makes each call distinct. */
  inputs: OperationInputs;
  /** Platform codes the error table must hold (those the source names). */
  requiredPlatformCodes?: string[];
  /** Platform messages (UI text) the error table must hold. */
  requiredPlatformMessages?: string[];
  /**
   * The platform's limits by rule id, from its documentation: the adapter must declare
   * exactly these, and the simulator must enforce them.
   */
  limits?: Record<string, DocumentedLimit>;
  /** Errors the simulator raises by itself (not only when told to fail), from the documentation. */
  errorTriggers?: Array<ErrorTrigger<S>>;
  /** Malformed inputs beyond the ones the suite derives itself. */
  malformed?: MalformedCase[];
  /** Values never to appear in logs, console output or results, beyond those derived from secret field kinds. */
  sensitiveValues?: string[];
  /** The canonical code the platform's limit breach maps to (default LIMIT_EXCEEDED). */
  limitDeclineCode?: CanonicalErrorCode;
}

export interface CheckResult {
  name: string;
  failures: string[];
}

type Check = (adapter: PlatformAdapter, exp: ConformanceExpectations) => Promise<CheckResult>;

const PROBE_ORDER: OperationName[] = ['authorize', 'bind', 'repay', 'verifyStep', 'sendCode', 'queryStatus'];
const MONEY_OPS: OperationName[] = ['authorize', 'repay'];
const SECRET_KIND_NAMES: Record<string, string> = {
  CARD_NUMBER: 'card number',
  RESIDENT_ID: 'resident ID number',
  MOBILE: 'mobile number',
  CVV2: 'CVV2',
  SMS_CODE: 'SMS code',
  PAYMENT_PASSWORD: 'payment password',
  FACE_TOKEN: 'face token',
};
const DEFAULT_ZONE = 'Asia/Shanghai';

const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}` : x)) ?? 'undefined';

/** Letters only: keys and references the suite makes never contain digits a short secret could match. */
function letters(n: number): string {
  let out = '';
  let x = n;
  do {
    out = String.fromCharCode(97 + (x % 26)) + out;
    x = Math.floor(x / 26) - 1;
  } while (x >= 0);
  return out;
}

interface Harness {
  clock: ManualClock;
  sim: PlatformSimulator;
  logger: RecordingLogger;
  ctx(key?: string): OperationContext;
  run<N extends OperationName>(op: N, input: unknown, key?: string): Promise<OperationResult<OperationIO[N]['output']>>;
}

let harnessSerial = 0;
function harness(adapter: PlatformAdapter, exp: ConformanceExpectations, at?: string | Date): Harness {
  const clock = new ManualClock(at);
  const sim = exp.createSimulator(clock);
  const store = new InMemoryIdempotencyStore();
  const logger = new RecordingLogger();
  const serial = letters((harnessSerial += 1));
  let n = 0;
  const ctx = (key?: string): OperationContext => ({
    idempotencyKey: key ?? `conf-${serial}-${letters((n += 1))}`,
    clock,
    http: sim,
    idempotency: store,
    logger,
  });
  return {
    clock,
    sim,
    logger,
    ctx,
    run: async (op, input, key) => {
      const fn = adapter.operations?.[op] as ((i: unknown, c: OperationContext) => Promise<OperationResult<never>>) | undefined;
      if (!fn) throw new Error(`adapter has no ${op} operation`);
      return fn(input, ctx(key));
    },
  };
}

const opsWithInputs = (adapter: PlatformAdapter, exp: ConformanceExpectations) =>
  PROBE_ORDER.filter((op) => exp.inputs[op] && adapter.operations?.[op]);

function input<N extends OperationName>(exp: ConformanceExpectations, op: N, n: number): OperationIO[N]['input'] {
  return (exp.inputs[op] as (n: number) => OperationIO[N]['input'])(n);
}

async function guarded(name: string, body: (failures: string[]) => Promise<void>): Promise<CheckResult> {
  const failures: string[] = [];
  try {
    await body(failures);
  } catch (error) {
    failures.push(`threw: ${(error as Error).message}`);
  }
  return { name, failures };
}

const describeResult = (r: OperationResult<unknown>) =>
  r.status === 'DECLINED' ? `DECLINED ${r.error.code} (${r.error.platformCode} "${r.error.platformMessage}")` : r.status;

const documentedLimits = (exp: ConformanceExpectations) => Object.entries(exp.limits ?? {});

/** An instant as UTC and as the local time of a zone: `2026-03-14T16:00:00.000Z (2026-03-15 00:00:00.000 Asia/Shanghai)`. */
function when(instant: number, zone: string): string {
  const local = new Date(instant + offsetMinutes(zone) * 60_000).toISOString().slice(0, 23).replace('T', ' ');
  return `${new Date(instant).toISOString()} (${local} ${zone})`;
}

// ---------------------------------------------------------------------------------------

export const checkManifest: Check = (adapter, exp) =>
  guarded('manifest and error table are valid', async (f) => {
    for (const p of validateAdapter(adapter)) f.push(`${p.path} ${p.problem}`);
    if (adapter.manifest?.id !== exp.id) f.push(`manifest.id is "${adapter.manifest?.id}", expected "${exp.id}"`);
    if (adapter.manifest?.role !== exp.role) f.push(`manifest.role is "${adapter.manifest?.role}", expected "${exp.role}"`);
    const codes = new Set((adapter.errors ?? []).map((r) => r.platformCode));
    const messages = new Set((adapter.errors ?? []).map((r) => r.platformMessage));
    for (const c of exp.requiredPlatformCodes ?? []) if (!codes.has(c)) f.push(`error table lacks platform code "${c}"`);
    for (const m of exp.requiredPlatformMessages ?? []) if (!messages.has(m)) f.push(`error table lacks platform message "${m}"`);
    for (const op of Object.keys(exp.inputs) as OperationName[]) if (!adapter.operations?.[op]) f.push(`operation ${op} is missing`);
  });

/** Words in a rule's id and description that name its period. */
const PERIOD_WORDS: ReadonlyArray<[LimitWindow, RegExp]> = [
  ['PER_PAYMENT', /per[- ]?payment|single[- ]payment|per[- ]transaction|a payment\b|单笔|每笔/i],
  ['DAILY', /\bdaily\b|per[- ]day\b|\ba day\b|单日|每日|当日|日累计|日限额/i],
  ['MONTHLY', /\bmonthly\b|per[- ]month\b|\ba month\b|每月|单月|月度|月累计|月限额/i],
  ['YEARLY', /\byearly\b|\bannual|per[- ]year\b|\ba year\b|每年|年度|全年|年累计|年限额/i],
  ['ALL_TIME', /\ball[- ]time\b|\blifetime\b/i],
];

function periodNamed(rule: LimitRule): LimitWindow | undefined {
  const text = `${rule.id} ${rule.description?.en ?? ''} ${rule.description?.['zh-CN'] ?? ''}`;
  const named = PERIOD_WORDS.filter(([, words]) => words.test(text)).map(([w]) => w);
  return named.length === 1 ? named[0] : undefined;
}

export const checkDeclaredLimits: Check = (adapter, exp) =>
  guarded("declared limits are the platform's documented limits", async (f) => {
    const declared = adapter.limits ?? [];
    for (const [id, doc] of documentedLimits(exp)) {
      const rule = declared.find((l) => l.id === id);
      if (!rule) {
        f.push(`limit "${id}" (documented: ${doc.window} ${doc.amountFen} fen per ${doc.scope}) is not declared`);
        continue;
      }
      const zone = doc.timezone ?? DEFAULT_ZONE;
      if (rule.window !== doc.window)
        f.push(`limit "${id}" is declared with window ${rule.window}; the platform's documentation (expectations) says ${doc.window}`);
      if (rule.amountFen !== doc.amountFen)
        f.push(`limit "${id}" is declared as ${rule.amountFen} fen; the platform's documentation says ${doc.amountFen} fen`);
      if (rule.scope !== doc.scope)
        f.push(`limit "${id}" is declared per ${rule.scope}; the platform's documentation counts it per ${doc.scope}`);
      if (rule.count !== doc.count)
        f.push(`limit "${id}" is declared with count ${rule.count ?? 'none'}; the platform's documentation says ${doc.count ?? 'none'}`);
      if (rule.timezone !== zone) f.push(`limit "${id}" is declared in time zone ${rule.timezone}; its windows follow ${zone}`);
    }
    for (const rule of declared) {
      if (!exp.limits?.[rule.id])
        f.push(
          `limit "${rule.id}" is declared but not documented in the expectations (add it with its documented amount, window and scope)`,
        );
      const named = periodNamed(rule);
      if (named && named !== rule.window)
        f.push(`limit "${rule.id}": its id and description say ${named} but its window is ${rule.window}`);
    }
  });

export const checkCanonicalTable: Check = (adapter, exp) =>
  guarded("error rows agree with the canonical table; the role's required codes are mapped", async (f) => {
    (adapter.errors ?? []).forEach((row, i) => {
      for (const problem of errorRowProblems(row)) f.push(`errors[${i}] ${problem}`);
    });
    for (const missing of missingRequiredErrorCodes(exp.role, adapter.errors ?? [])) {
      f.push(`error table has no row for ${missing.code}, which every ${exp.role} adapter must map: ${missing.why}`);
    }
  });

/** The operation through which a row is reached: one it applies to and where no more specific row shadows it. */
function probeFor(adapter: PlatformAdapter, exp: ConformanceExpectations, row: ErrorTableRow): OperationName | undefined {
  return opsWithInputs(adapter, exp).find(
    (op) => (!row.flows || row.flows.includes(op)) && findErrorRow(adapter.errors, op, row.platformCode, row.platformMessage) === row,
  );
}

export const checkErrorTable: Check = (adapter, exp) =>
  guarded('every error-table row maps and is reachable; unknown codes keep their raw code', async (f) => {
    for (const row of adapter.errors) {
      const label = `row ${row.platformCode} "${row.platformMessage}"`;
      const op = probeFor(adapter, exp, row);
      if (!op) {
        f.push(`${label}: not reachable through any operation with a probe input (flows: ${row.flows?.join(', ') ?? 'all'})`);
        continue;
      }
      const h = harness(adapter, exp);
      h.sim.failNext({ kind: 'PLATFORM_ERROR', platformCode: row.platformCode, platformMessage: row.platformMessage });
      const result = await h.run(op, input(exp, op, 1));
      const outcome = row.outcome ?? 'DECLINED';
      if (result.status !== outcome) {
        f.push(`${label} via ${op}: expected ${outcome}, got ${describeResult(result)}`);
        continue;
      }
      if (result.status !== 'DECLINED') continue;
      const expected = toCanonicalError(adapter.manifest.id, row, row.platformCode, row.platformMessage);
      const { retryAfterSeconds: _ignored, ...actual } = result.error;
      const { retryAfterSeconds: _ignored2, ...wanted } = expected;
      if (json(actual) !== json(wanted)) f.push(`${label} via ${op}: mapped to ${json(actual)}, expected ${json(wanted)}`);
    }
    const op = opsWithInputs(adapter, exp)[0];
    if (!op) {
      f.push('no operation has a probe input');
      return;
    }
    const h = harness(adapter, exp);
    h.sim.failNext({ kind: 'PLATFORM_ERROR', platformCode: 'CW_UNKNOWN_CODE_42', platformMessage: '从未见过的错误' });
    const r = await h.run(op, input(exp, op, 1));
    if (r.status !== 'DECLINED' || r.error.code !== 'PLATFORM_ERROR' || r.error.platformCode !== 'CW_UNKNOWN_CODE_42') {
      f.push(`an unknown platform code should decline as PLATFORM_ERROR keeping its raw code, got ${json(r)}`);
    }
  });

export const checkErrorTriggers: Check = (adapter, exp) =>
  guarded("each documented error trigger gets the platform's code and message, mapped by the table", async (f) => {
    for (const t of exp.errorTriggers ?? []) {
      const label = `error trigger "${t.name}" (${t.operation})`;
      if (!adapter.operations?.[t.operation]) {
        f.push(`${label}: the adapter has no ${t.operation} operation`);
        continue;
      }
      const h = harness(adapter, exp);
      t.arrange?.(h.sim);
      const r = await h.run(t.operation, t.input ? t.input(1) : input(exp, t.operation, 1));
      if (r.status !== 'DECLINED') {
        f.push(`${label}: expected the platform's ${t.platformCode} "${t.platformMessage}", got ${describeResult(r)}`);
        continue;
      }
      if (r.error.platformCode !== t.platformCode || r.error.platformMessage !== t.platformMessage) {
        f.push(
          `${label}: the simulator answered ${r.error.platformCode} "${r.error.platformMessage}"; the platform's documentation says ${t.platformCode} "${t.platformMessage}"`,
        );
      }
      if (!findErrorRow(adapter.errors, t.operation, r.error.platformCode, r.error.platformMessage)) {
        f.push(`${label}: ${r.error.platformCode} "${r.error.platformMessage}" has no error-table row, so it declines as PLATFORM_ERROR`);
      } else if (t.code && r.error.code !== t.code) {
        f.push(`${label}: maps to ${r.error.code}, expected ${t.code}`);
      }
    }
  });

async function expectFault(f: string[], label: string, code: string, run: () => Promise<unknown>): Promise<void> {
  try {
    const r = await run();
    f.push(`${label}: expected a thrown ${code}, got a result ${json(r)}`);
  } catch (error) {
    if ((error as { code?: string }).code !== code)
      f.push(`${label}: expected a thrown ${code}, got ${(error as Error).name}: ${(error as Error).message}`);
  }
}

export const checkFaults: Check = (adapter, exp) =>
  guarded('faults are thrown as typed errors; a lost answer is indeterminate and settled by a status query', async (f) => {
    const op = opsWithInputs(adapter, exp).find((o) => o !== 'queryStatus');
    if (!op) return;
    const cases = [
      ['UNREACHABLE', 'PLATFORM_UNAVAILABLE'],
      ['BAD_SIGNATURE', 'BAD_SIGNATURE'],
      ['GARBLED', 'UNPARSEABLE_RESPONSE'],
    ] as const;
    for (const [kind, code] of cases) {
      const h = harness(adapter, exp);
      h.sim.failNext({ kind });
      await expectFault(f, `${op} with the platform ${kind}`, code, () => h.run(op, input(exp, op, 1)));
    }
    for (const money of MONEY_OPS.filter((o) => exp.inputs[o] && adapter.operations?.[o])) {
      const h = harness(adapter, exp);
      h.sim.failNext({ kind: 'ANSWER_LOST' });
      const lost = await h.run(money, input(exp, money, 1), 'lost-answer-key');
      if (lost.status !== 'INDETERMINATE') {
        f.push(`${money} with the answer lost: expected INDETERMINATE, got ${describeResult(lost)}`);
        continue;
      }
      const status = await h.run('queryStatus', { reference: lost.reference });
      if (status.status !== 'SUCCESS' || status.value.state !== 'SUCCEEDED') {
        f.push(`queryStatus after a lost ${money} answer: expected SUCCESS/SUCCEEDED, got ${json(status)}`);
      }
      const retried = await h.run(money, input(exp, money, 1), 'lost-answer-key');
      if (retried.status !== 'SUCCESS')
        f.push(`retrying a lost ${money} with the same key: expected SUCCESS, got ${describeResult(retried)}`);
    }
  });

function authorizeSubject(exp: ConformanceExpectations, n: number) {
  const i = input(exp, 'authorize', n);
  return { input: i, subject: { accountRef: i.accountRef, cardRef: i.cardToken ?? i.cardNumber?.replace(/\s/g, '') } };
}

/** Fills a documented limit on the simulator; a failure says the platform enforces no such limit. */
function seed(f: string[], h: Harness, id: string, ref: string, amountFen: Fen, count: number): boolean {
  try {
    h.sim.seedUsage(id, ref, amountFen, count);
    return true;
  } catch (error) {
    f.push(`${id}: the simulator cannot be loaded with usage of this documented limit (${(error as Error).message})`);
    return false;
  }
}

/** The adapter's side of a limit decline: the row it maps through reports this window, and its remedy fits one. */
function checkLimitDecline(f: string[], adapter: PlatformAdapter, id: string, doc: DocumentedLimit, r: OperationResult<unknown>): void {
  if (r.status !== 'DECLINED') return;
  if (doc.platformCode !== undefined && (r.error.platformCode !== doc.platformCode || r.error.platformMessage !== doc.platformMessage)) {
    f.push(
      `${id}: the simulator declined with ${r.error.platformCode} "${r.error.platformMessage}"; the platform's documentation says ${doc.platformCode} "${doc.platformMessage}"`,
    );
  }
  const row = findErrorRow(adapter.errors, 'authorize', r.error.platformCode, r.error.platformMessage);
  if (row?.limitWindows && !row.limitWindows.includes(doc.window)) {
    f.push(
      `${id}: declined through row ${row.platformCode} "${row.platformMessage}", which reports ${row.limitWindows.join('/')} limits, not ${doc.window}`,
    );
  }
  if ((doc.window === 'PER_PAYMENT' || doc.window === 'ALL_TIME') && r.error.remedy === 'WAIT_FOR_NEXT_WINDOW') {
    f.push(
      `${id}: a payment over this ${doc.window} limit is declined with remedy WAIT_FOR_NEXT_WINDOW, but no window resets a ${doc.window === 'PER_PAYMENT' ? 'per-payment' : 'lifetime'} limit`,
    );
  }
}

export const checkLimits: Check = (adapter, exp) =>
  guarded("the platform's limits hold at, just under and just over each documented amount", async (f) => {
    const documented = documentedLimits(exp);
    if (documented.length === 0) return;
    if (!exp.inputs.authorize || !adapter.operations?.authorize) {
      f.push('the platform has documented limits but the suite has no authorize input to exercise them');
      return;
    }
    const declineCode = exp.limitDeclineCode ?? 'LIMIT_EXCEEDED';
    const smallest = documented.reduce((m, [, d]) => (d.amountFen < m ? d.amountFen : m), documented[0][1].amountFen);
    for (const [id, doc] of documented) {
      const x = doc.window === 'PER_PAYMENT' ? doc.amountFen : smallest / 2n > 0n ? smallest / 2n : 1n;
      const seeded = doc.window === 'PER_PAYMENT' ? 0n : doc.amountFen - x;
      for (const [label, amount, allowed] of [
        ['at', x, true],
        ['just under', x - 1n, true],
        ['just over', x + 1n, false],
      ] as const) {
        if (amount <= 0n) continue;
        const h = harness(adapter, exp);
        const { input: i, subject } = authorizeSubject(exp, 1);
        if (seeded > 0n && !seed(f, h, id, scopeRef(doc.scope, subject), seeded, 1)) break;
        const r = await h.run('authorize', { ...i, amountFen: amount });
        const ok = r.status === 'SUCCESS';
        if (ok !== allowed || (!allowed && (r.status !== 'DECLINED' || r.error.code !== declineCode))) {
          f.push(
            `${id} ${label} (${amount} fen after ${seeded} used, documented limit ${doc.amountFen} fen ${doc.window}): expected ${allowed ? 'SUCCESS' : `DECLINED ${declineCode}`}, got ${describeResult(r)}`,
          );
        }
        if (!allowed) checkLimitDecline(f, adapter, id, doc, r);
      }
      if (doc.count !== undefined) {
        const h = harness(adapter, exp);
        const { input: i, subject } = authorizeSubject(exp, 1);
        if (!seed(f, h, id, scopeRef(doc.scope, subject), 0n, doc.count)) continue;
        const r = await h.run('authorize', { ...i, amountFen: 1n });
        if (r.status !== 'DECLINED' || r.error.code !== declineCode)
          f.push(`${id}: payment number ${doc.count + 1} should be declined, got ${describeResult(r)}`);
      }
    }
  });

/** Windows the suite rolls over, as local calendar dates: the window starting on `start` ends when `end` starts. */
type LocalDay = [year: number, month: number, day: number];
const SPANS: Record<'DAILY' | 'MONTHLY' | 'YEARLY' | 'ALL_TIME', Array<{ start: LocalDay; end: LocalDay; what: string }>> = {
  DAILY: [
    { start: [2026, 3, 14], end: [2026, 3, 15], what: 'an ordinary midnight' },
    { start: [2028, 2, 29], end: [2028, 3, 1], what: 'the end of a leap day' },
    { start: [2026, 12, 31], end: [2027, 1, 1], what: 'the year end' },
  ],
  MONTHLY: [
    { start: [2028, 2, 1], end: [2028, 3, 1], what: 'the end of a leap February' },
    { start: [2026, 4, 1], end: [2026, 5, 1], what: 'the end of a 30-day month' },
    { start: [2026, 12, 1], end: [2027, 1, 1], what: 'the year end' },
  ],
  YEARLY: [
    { start: [2026, 1, 1], end: [2027, 1, 1], what: 'the year end' },
    { start: [2028, 1, 1], end: [2029, 1, 1], what: 'the end of a leap year' },
  ],
  // Never resets: usage from the first day still counts years later.
  ALL_TIME: [{ start: [2026, 1, 1], end: [2029, 1, 1], what: 'three year ends later' }],
};

const localMidnight = ([y, m, d]: LocalDay, zone: string) => Date.UTC(y, m - 1, d) - offsetMinutes(zone) * 60_000;

export const checkWindowRollover: Check = (adapter, exp) =>
  guarded('each limit window resets exactly at its boundary in Asia/Shanghai, not a millisecond before', async (f) => {
    const windowed = documentedLimits(exp).filter(([, d]) => d.window !== 'PER_PAYMENT');
    if (windowed.length === 0) return;
    if (!exp.inputs.authorize || !adapter.operations?.authorize) {
      f.push('the platform has documented windowed limits but the suite has no authorize input');
      return;
    }
    const declineCode = exp.limitDeclineCode ?? 'LIMIT_EXCEEDED';
    for (const [id, doc] of windowed) {
      const zone = doc.timezone ?? DEFAULT_ZONE;
      const resets = doc.window !== 'ALL_TIME';
      const declared = adapter.limits?.find((l) => l.id === id);
      for (const span of SPANS[doc.window as keyof typeof SPANS]) {
        const start = localMidnight(span.start, zone);
        const end = localMidnight(span.end, zone);
        const last = end - 1;
        const where = `${span.what}: usage from ${when(start, zone)}`;

        // The declaration, counted the way the subgraphs count it, on the kit's manual clock.
        if (declared) {
          const clock = new ManualClock(new Date(start));
          const ledger = new LimitLedger([declared], clock);
          const subject = { accountRef: 'window-probe', cardRef: 'window-probe' };
          ledger.seed(id, 'window-probe', declared.amountFen, declared.count ?? 1);
          clock.set(new Date(last));
          const decl = `${id} (declared ${declared.window} in ${declared.timezone})`;
          if (ledger.check(subject, 1n).allowed)
            f.push(`${decl}, ${where} no longer counts at ${when(last, zone)}, before the documented ${doc.window} window ends`);
          clock.set(new Date(end));
          const fresh = ledger.check(subject, 1n).allowed;
          if (resets && !fresh)
            f.push(`${decl}, ${where} still counts at ${when(end, zone)}, where the documented ${doc.window} window resets`);
          if (!resets && fresh) f.push(`${decl}, ${where} no longer counts at ${when(end, zone)}, though an ALL_TIME limit never resets`);
        }

        // The platform (its simulator), on the same clock.
        const h = harness(adapter, exp, new Date(start));
        const { input: i, subject } = authorizeSubject(exp, 1);
        if (!seed(f, h, id, scopeRef(doc.scope, subject), doc.amountFen, doc.count ?? 1)) break;
        h.clock.set(new Date(last));
        const full = await h.run('authorize', { ...i, amountFen: 1n });
        if (full.status !== 'DECLINED' || full.error.code !== declineCode) {
          f.push(
            `${id} on the simulator, ${where} no longer counts at ${when(last, zone)}, before the documented ${doc.window} window ends (1 fen: ${describeResult(full)})`,
          );
        }
        h.clock.set(new Date(end));
        const fresh = await h.run('authorize', { ...i, amountFen: 1n });
        if (resets && fresh.status !== 'SUCCESS') {
          f.push(
            `${id} on the simulator, ${where} still counts at ${when(end, zone)}, where the documented ${doc.window} window resets (1 fen: ${describeResult(fresh)})`,
          );
        }
        if (!resets && fresh.status === 'SUCCESS')
          f.push(`${id} on the simulator, ${where} no longer counts at ${when(end, zone)}, though an ALL_TIME limit never resets`);
      }
    }
  });

export const checkIdempotency: Check = (adapter, exp) =>
  guarded('an idempotent retry returns the first result; the same key with other input is refused', async (f) => {
    for (const op of opsWithInputs(adapter, exp).filter((o) => o !== 'queryStatus')) {
      const h = harness(adapter, exp);
      const first = await h.run(op, input(exp, op, 1), 'same-key');
      const callsAfterFirst = h.sim.calls.length;
      const again = await h.run(op, input(exp, op, 1), 'same-key');
      if (json(again) !== json(first)) f.push(`${op}: the retry returned ${json(again)}, the first call ${json(first)}`);
      if (h.sim.calls.length !== callsAfterFirst) f.push(`${op}: the retry reached the platform again`);
      try {
        const other = await h.run(op, input(exp, op, 2), 'same-key');
        f.push(`${op}: the same key with different input was accepted (${describeResult(other)})`);
      } catch (error) {
        if ((error as { code?: string }).code !== 'IDEMPOTENCY_KEY_REUSED')
          f.push(`${op}: key reuse threw ${(error as Error).message}, expected IDEMPOTENCY_KEY_REUSED`);
      }
      if (h.sim.calls.length !== callsAfterFirst) f.push(`${op}: the refused key reuse reached the platform`);
      // A transient decline is not an answer to keep: the same key must ask the platform again.
      const transient = adapter.errors.find(
        (r) => r.decision === 'RETRY' && (r.outcome ?? 'DECLINED') === 'DECLINED' && probeFor(adapter, exp, r) === op,
      );
      if (transient) {
        const t = harness(adapter, exp);
        t.sim.failNext({ kind: 'PLATFORM_ERROR', platformCode: transient.platformCode, platformMessage: transient.platformMessage });
        const busy = await t.run(op, input(exp, op, 3), 'retry-key');
        const retried = await t.run(op, input(exp, op, 3), 'retry-key');
        if (busy.status !== 'DECLINED' || retried.status !== 'SUCCESS') {
          f.push(
            `${op}: after a RETRY decline (${transient.platformCode}) the same key should reach the platform again and succeed, got ${describeResult(busy)} then ${describeResult(retried)}`,
          );
        }
      }
    }
  });

function declaredFields(adapter: PlatformAdapter, op: OperationName, stepId?: string): VerificationInputField[] {
  const steps = op === 'verifyStep' ? adapter.verification.steps.filter((s) => s.id === stepId) : adapter.verification.steps;
  return steps.flatMap((s) => s.fields);
}

const CORRUPT: Record<string, (v: string) => string> = {
  CARD_NUMBER: (v) => `${v.slice(0, -1)}A`,
  RESIDENT_ID: (v) => `${v.slice(0, 10)}13${v.slice(12)}`,
  MOBILE: (v) => `12${v.slice(2)}`,
  CVV2: () => '12',
  SMS_CODE: () => 'abc',
  PAYMENT_PASSWORD: () => '12ab',
  NAME: () => '张3',
  FACE_TOKEN: () => ' ',
  EXPIRY: () => '13/99',
};

function derivedMalformed(adapter: PlatformAdapter, exp: ConformanceExpectations): MalformedCase[] {
  const cases: MalformedCase[] = [];
  for (const op of ['bind', 'verifyStep'] as const) {
    if (!exp.inputs[op]) continue;
    const good = input(exp, op, 1) as { fields: Record<string, string>; stepId?: string };
    for (const field of declaredFields(adapter, op, good.stepId)) {
      const value = good.fields[field.name];
      if (value === undefined) continue;
      const bad = CORRUPT[field.kind](value);
      cases.push({ operation: op, input: { ...good, fields: { ...good.fields, [field.name]: bad } }, field: field.name, value: bad });
    }
  }
  if (exp.inputs.authorize) {
    const good = input(exp, 'authorize', 1);
    cases.push({ operation: 'authorize', input: { ...good, amountFen: 0n }, field: 'amountFen' });
    cases.push({ operation: 'authorize', input: { ...good, currency: 'XXX' }, field: 'currency' });
    if (good.cardNumber)
      cases.push({
        operation: 'authorize',
        input: { ...good, cardNumber: `${good.cardNumber.slice(0, -1)}A` },
        field: 'cardNumber',
        value: `${good.cardNumber.slice(0, -1)}A`,
      });
  }
  if (exp.inputs.repay) cases.push({ operation: 'repay', input: { ...input(exp, 'repay', 1), amountFen: -1n }, field: 'amountFen' });
  return cases;
}

export const checkValidationFirst: Check = (adapter, exp) =>
  guarded('malformed input is rejected with field errors before any platform call', async (f) => {
    for (const c of [...derivedMalformed(adapter, exp), ...(exp.malformed ?? [])]) {
      const label = `${c.operation} with a bad ${c.field}`;
      if (!adapter.operations?.[c.operation]) continue;
      const h = harness(adapter, exp);
      let r: OperationResult<unknown>;
      try {
        r = await h.run(c.operation, c.input);
      } catch (error) {
        f.push(`${label}: threw ${(error as Error).message} instead of declining`);
        continue;
      }
      if (r.status !== 'DECLINED' || !r.fieldErrors?.some((e) => e.field === c.field))
        f.push(`${label}: expected a decline naming "${c.field}", got ${json(r)}`);
      if (h.sim.calls.length !== 0) f.push(`${label}: the platform was called ${h.sim.calls.length} time(s)`);
      if (c.value && c.value.trim().length >= 6 && json(r).includes(c.value)) f.push(`${label}: the rejection echoes the input value`);
    }
  });

interface SecretValue {
  value: string;
  /** What it is, for the failure message: "card number", "CVV2", … */
  what: string;
}

/** The exact secret values the suite passes in: every field of a secret kind, the card number paid with, and the author's list. */
function secretValues(adapter: PlatformAdapter, exp: ConformanceExpectations): SecretValue[] {
  const values = new Map<string, string>();
  for (const op of ['bind', 'verifyStep'] as const) {
    if (!exp.inputs[op]) continue;
    const i = input(exp, op, 1) as { fields: Record<string, string>; stepId?: string };
    for (const field of declaredFields(adapter, op, i.stepId)) {
      const value = i.fields[field.name];
      if (SECRET_KIND_NAMES[field.kind] && value) values.set(value, SECRET_KIND_NAMES[field.kind]);
    }
  }
  const card = exp.inputs.authorize?.(1).cardNumber;
  if (card) values.set(card, 'card number');
  for (const v of exp.sensitiveValues ?? []) if (!values.has(v)) values.set(v, 'sensitive value');
  return [...values].filter(([v]) => v.trim().length >= 3).map(([value, what]) => ({ value, what }));
}

/**
 * Whether the output holds the value: long values (card, ID and mobile numbers) also with
 * spaces or dashes between their digits, and in any letter case; short ones (CVV2, SMS codes)
 * as a whole token, so "739" is found in "cvv 739" but not in "17390".
 */
export function holdsSecret(output: string, value: string): boolean {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  const text = output.toUpperCase();
  if (compact.length >= 11) return text.includes(compact) || text.replace(/[\s-]/g, '').includes(compact);
  return new RegExp(`(?<![0-9A-Z])${compact.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9A-Z])`).test(text);
}

export const checkNoSensitiveData: Check = (adapter, exp) =>
  guarded('no card number, ID number, mobile, CVV2, SMS code or password in logs, console output or results', async (f) => {
    const secrets = secretValues(adapter, exp);
    const outputs: Array<{ what: string; text: string }> = [];
    const record = (what: string, v: unknown) => outputs.push({ what, text: typeof v === 'string' ? v : json(v) });
    const capture: OutputCapture = captureOutput();
    const scenario = async (label: string, body: () => Promise<unknown>, h: Harness) => {
      capture.scenario = label;
      const before = h.logger.entries.length;
      try {
        record(`the ${label} result`, await body());
      } catch (error) {
        record(`the ${label} error`, {
          name: (error as Error).name,
          message: (error as Error).message,
          code: (error as { code?: unknown }).code,
        });
      }
      for (const entry of h.logger.entries.slice(before)) record(`the logger (${label})`, entry);
    };
    try {
      for (const op of opsWithInputs(adapter, exp)) {
        const h = harness(adapter, exp);
        await scenario(`${op} success`, () => h.run(op, input(exp, op, 1), 'scan-first'), h);
        await scenario(`${op} replay`, () => h.run(op, input(exp, op, 1), 'scan-first'), h);
        await scenario(`${op} key reuse`, () => h.run(op, input(exp, op, 2), 'scan-first'), h);
        for (const row of adapter.errors.filter((r) => probeFor(adapter, exp, r) === op)) {
          h.sim.failNext({ kind: 'PLATFORM_ERROR', platformCode: row.platformCode, platformMessage: row.platformMessage });
          await scenario(`${op} ${row.platformCode} decline`, () => h.run(op, input(exp, op, 2)), h);
        }
        for (const kind of ['UNREACHABLE', 'BAD_SIGNATURE', 'GARBLED', 'ANSWER_LOST'] as const) {
          h.sim.failNext({ kind });
          await scenario(`${op} ${kind}`, () => h.run(op, input(exp, op, 3)), h);
        }
      }
      for (const c of derivedMalformed(adapter, exp)) {
        const h = harness(adapter, exp);
        await scenario(`${c.operation} rejection of a bad ${c.field}`, () => h.run(c.operation, c.input), h);
      }
      for (const t of exp.errorTriggers ?? []) {
        if (!adapter.operations?.[t.operation]) continue;
        const h = harness(adapter, exp);
        t.arrange?.(h.sim);
        await scenario(`${t.operation} "${t.name}"`, () => h.run(t.operation, t.input ? t.input(1) : input(exp, t.operation, 1)), h);
      }
    } finally {
      capture.restore();
    }
    for (const line of capture.lines) outputs.push({ what: `${line.channel} (${line.scenario || 'outside a scenario'})`, text: line.text });
    for (const { value, what } of secrets) {
      const where = [...new Set(outputs.filter((o) => holdsSecret(o.text, value)).map((o) => o.what))];
      if (where.length === 0) continue;
      const more = where.length > 3 ? ` and ${where.length - 3} more places` : '';
      f.push(`the ${what} the suite passed in (…${value.slice(-2)}) appears in ${where.slice(0, 3).join(', ')}${more}`);
    }
  });

export const checkInjectedClock: Check = (adapter, exp) =>
  guarded('timestamps come from the injected clock', async (f) => {
    if (!exp.inputs.authorize || !adapter.operations?.authorize) return;
    const h = harness(adapter, exp, '2030-01-02T03:04:05.678Z');
    const r = await h.run('authorize', input(exp, 'authorize', 1));
    if (r.status !== 'SUCCESS') f.push(`authorize with a valid input: expected SUCCESS, got ${describeResult(r)}`);
    else if (r.value.authorizedAt !== '2030-01-02T03:04:05.678Z')
      f.push(`authorizedAt is ${r.value.authorizedAt}, not the injected clock's time`);
  });

export const CONFORMANCE_CHECKS: Readonly<Record<string, Check>> = {
  manifest: checkManifest,
  declaredLimits: checkDeclaredLimits,
  canonicalTable: checkCanonicalTable,
  errorTable: checkErrorTable,
  errorTriggers: checkErrorTriggers,
  faults: checkFaults,
  limits: checkLimits,
  windowRollover: checkWindowRollover,
  idempotency: checkIdempotency,
  validationFirst: checkValidationFirst,
  noSensitiveData: checkNoSensitiveData,
  injectedClock: checkInjectedClock,
};

export const CHECK_TITLES: Readonly<Record<string, string>> = {
  manifest: 'manifest and error table are valid',
  declaredLimits: "declared limits are the platform's documented limits",
  canonicalTable: 'error rows agree with the canonical table; required codes are mapped',
  errorTable: 'every error-table row maps and is reachable',
  errorTriggers: "documented error triggers get the platform's code and message",
  faults: 'faults are typed errors; a lost answer is indeterminate',
  limits: "the platform's limits hold at, just under and just over each documented amount",
  windowRollover: 'limit windows reset exactly at their boundary (Asia/Shanghai)',
  idempotency: 'idempotent retry replays; key reuse is refused',
  validationFirst: 'malformed input is refused before any platform call',
  noSensitiveData: 'no card, ID, mobile, CVV2, SMS code or password in logs, console or results',
  injectedClock: 'timestamps come from the injected clock',
};

/** Runs every check; an adapter conforms when every result has no failures. */
export async function runConformance<S extends PlatformSimulator>(
  adapter: PlatformAdapter,
  exp: ConformanceExpectations<S>,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of Object.values(CONFORMANCE_CHECKS)) results.push(await check(adapter, exp as unknown as ConformanceExpectations));
  return results;
}
