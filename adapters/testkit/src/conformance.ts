/**
 * The conformance suite: one battery of scenarios run against any adapter, with
 * per-adapter expected values. Each check is a plain async function returning its
 * failures, so a test can also prove the suite catches a broken adapter; the jest
 * wrapper is describe-conformance.ts.
 */
import {
  evaluateLimits,
  findErrorRow,
  InMemoryIdempotencyStore,
  toCanonicalError,
  validateAdapter,
  windowOf,
  type AdapterRole,
  type CanonicalErrorCode,
  type Clock,
  type ErrorTableRow,
  type Fen,
  type LimitRule,
  type OperationContext,
  type OperationIO,
  type OperationName,
  type OperationResult,
  type PlatformAdapter,
  type VerificationInputField,
} from '../../sdk/src';
import { scopeRef } from './limit-ledger';
import { ManualClock } from './manual-clock';
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

export interface ConformanceExpectations {
  id: string;
  role: AdapterRole;
  createSimulator(clock: Clock): PlatformSimulator;
  /** Valid inputs per operation the adapter offers; `n` makes each call distinct. */
  inputs: OperationInputs;
  /** Platform codes the error table must hold (those the source names). */
  requiredPlatformCodes?: string[];
  /** Platform messages (UI text) the error table must hold. */
  requiredPlatformMessages?: string[];
  /** Limit amounts the adapter must declare, by rule id. */
  limits?: Record<string, Fen>;
  /** Malformed inputs beyond the ones the suite derives itself. */
  malformed?: MalformedCase[];
  /** Values never to appear in logs or results, beyond those derived from secret field kinds. */
  sensitiveValues?: string[];
  /** The canonical code the platform's limit breach maps to (default LIMIT_EXCEEDED). */
  limitDeclineCode?: CanonicalErrorCode;
}

export interface CheckResult {
  name: string;
  failures: string[];
}

type Check = (adapter: PlatformAdapter, exp: ConformanceExpectations) => Promise<CheckResult>;

const PROBE_ORDER: OperationName[] = ['authorize', 'bind', 'repay', 'verifyStep', 'queryStatus'];
const MONEY_OPS: OperationName[] = ['authorize', 'repay'];
const SENSITIVE_KINDS = new Set(['CARD_NUMBER', 'RESIDENT_ID', 'MOBILE', 'CVV2', 'SMS_CODE', 'PAYMENT_PASSWORD', 'FACE_TOKEN']);

const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}` : x)) ?? 'undefined';

interface Harness {
  clock: ManualClock;
  sim: PlatformSimulator;
  logger: RecordingLogger;
  ctx(key?: string): OperationContext;
  run<N extends OperationName>(op: N, input: unknown, key?: string): Promise<OperationResult<OperationIO[N]['output']>>;
}

let harnessSerial = 0;
function harness(adapter: PlatformAdapter, exp: ConformanceExpectations, at?: string): Harness {
  const clock = new ManualClock(at);
  const sim = exp.createSimulator(clock);
  const store = new InMemoryIdempotencyStore();
  const logger = new RecordingLogger();
  const serial = (harnessSerial += 1);
  let n = 0;
  const ctx = (key?: string): OperationContext => ({ idempotencyKey: key ?? `conf-${serial}-${(n += 1)}`, clock, http: sim, idempotency: store, logger });
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

const describeResult = (r: OperationResult<unknown>) => (r.status === 'DECLINED' ? `DECLINED ${r.error.code} (${r.error.platformCode})` : r.status);

// ---------------------------------------------------------------------------------------

export const checkManifest: Check = (adapter, exp) =>
  guarded('manifest, limits and error table are valid', async (f) => {
    for (const p of validateAdapter(adapter)) f.push(`${p.path} ${p.problem}`);
    if (adapter.manifest?.id !== exp.id) f.push(`manifest.id is "${adapter.manifest?.id}", expected "${exp.id}"`);
    if (adapter.manifest?.role !== exp.role) f.push(`manifest.role is "${adapter.manifest?.role}", expected "${exp.role}"`);
    for (const [ruleId, amount] of Object.entries(exp.limits ?? {})) {
      const rule = adapter.limits?.find((l) => l.id === ruleId);
      if (!rule) f.push(`limit "${ruleId}" is not declared`);
      else if (rule.amountFen !== amount) f.push(`limit "${ruleId}" is ${rule.amountFen} fen, expected ${amount}`);
    }
    const codes = new Set((adapter.errors ?? []).map((r) => r.platformCode));
    const messages = new Set((adapter.errors ?? []).map((r) => r.platformMessage));
    for (const c of exp.requiredPlatformCodes ?? []) if (!codes.has(c)) f.push(`error table lacks platform code "${c}"`);
    for (const m of exp.requiredPlatformMessages ?? []) if (!messages.has(m)) f.push(`error table lacks platform message "${m}"`);
    for (const op of Object.keys(exp.inputs) as OperationName[]) if (!adapter.operations?.[op]) f.push(`operation ${op} is missing`);
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

async function expectFault(f: string[], label: string, code: string, run: () => Promise<unknown>): Promise<void> {
  try {
    const r = await run();
    f.push(`${label}: expected a thrown ${code}, got a result ${json(r)}`);
  } catch (error) {
    if ((error as { code?: string }).code !== code) f.push(`${label}: expected a thrown ${code}, got ${(error as Error).name}: ${(error as Error).message}`);
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
      if (retried.status !== 'SUCCESS') f.push(`retrying a lost ${money} with the same key: expected SUCCESS, got ${describeResult(retried)}`);
    }
  });

function authorizeSubject(exp: ConformanceExpectations, n: number) {
  const i = input(exp, 'authorize', n);
  return { input: i, subject: { accountRef: i.accountRef, cardRef: i.cardToken ?? i.cardNumber?.replace(/\s/g, '') } };
}

export const checkLimits: Check = (adapter, exp) =>
  guarded('amounts at, just under and just over each limit', async (f) => {
    if (adapter.limits.length === 0) return;
    if (!exp.inputs.authorize || !adapter.operations?.authorize) {
      f.push('the adapter declares limits but the suite has no authorize input to exercise them');
      return;
    }
    const declineCode = exp.limitDeclineCode ?? 'LIMIT_EXCEEDED';
    const smallest = adapter.limits.reduce((m, r) => (r.amountFen < m ? r.amountFen : m), adapter.limits[0].amountFen);
    for (const rule of adapter.limits) {
      const x = rule.window === 'PER_PAYMENT' ? rule.amountFen : smallest / 2n > 0n ? smallest / 2n : 1n;
      const seeded = rule.window === 'PER_PAYMENT' ? 0n : rule.amountFen - x;
      for (const [label, amount, allowed] of [
        ['at', x, true],
        ['just under', x - 1n, true],
        ['just over', x + 1n, false],
      ] as const) {
        if (amount <= 0n) continue;
        const pure = evaluateLimits([rule], { [rule.id]: { amountFen: seeded, count: 0 } }, amount);
        if (pure.allowed !== allowed) f.push(`${rule.id} ${label}: evaluateLimits says ${pure.allowed}, expected ${allowed}`);
        const h = harness(adapter, exp);
        const { input: i, subject } = authorizeSubject(exp, 1);
        if (seeded > 0n) h.sim.seedUsage(rule.id, scopeRef(rule.scope, subject), seeded, 1);
        const r = await h.run('authorize', { ...i, amountFen: amount });
        const ok = r.status === 'SUCCESS';
        if (ok !== allowed || (!allowed && (r.status !== 'DECLINED' || r.error.code !== declineCode))) {
          f.push(`${rule.id} ${label} (${amount} fen after ${seeded} used): expected ${allowed ? 'SUCCESS' : `DECLINED ${declineCode}`}, got ${describeResult(r)}`);
        }
      }
      if (rule.count !== undefined) {
        const h = harness(adapter, exp);
        const { input: i, subject } = authorizeSubject(exp, 1);
        h.sim.seedUsage(rule.id, scopeRef(rule.scope, subject), 0n, rule.count);
        const r = await h.run('authorize', { ...i, amountFen: 1n });
        if (r.status !== 'DECLINED' || r.error.code !== declineCode) f.push(`${rule.id}: payment number ${rule.count + 1} should be declined, got ${describeResult(r)}`);
      }
    }
  });

/** Last millisecond of a window in Asia/Shanghai (UTC+8): a normal midnight, a leap month end, a year end. */
const ROLLOVER_INSTANTS: Record<string, string[]> = {
  DAILY: ['2026-03-14T15:59:59.999Z', '2026-12-31T15:59:59.999Z'],
  MONTHLY: ['2028-02-29T15:59:59.999Z', '2026-12-31T15:59:59.999Z'],
  YEARLY: ['2026-12-31T15:59:59.999Z'],
};

export const checkWindowRollover: Check = (adapter, exp) =>
  guarded('windows roll over at local midnight and year end', async (f) => {
    const windowed = adapter.limits.filter((r: LimitRule) => ROLLOVER_INSTANTS[r.window]);
    if (windowed.length === 0) return;
    if (!exp.inputs.authorize || !adapter.operations?.authorize) {
      f.push('the adapter declares windowed limits but the suite has no authorize input');
      return;
    }
    for (const rule of windowed) {
      for (const last of ROLLOVER_INSTANTS[rule.window]) {
        const before = windowOf(rule.window, new Date(last), rule.timezone);
        const after = windowOf(rule.window, new Date(new Date(last).getTime() + 1), rule.timezone);
        if (before.key === after.key) f.push(`${rule.id}: ${last} and one millisecond later fall in the same ${rule.window} window`);
        const h = harness(adapter, exp, last);
        const { input: i, subject } = authorizeSubject(exp, 1);
        h.sim.seedUsage(rule.id, scopeRef(rule.scope, subject), rule.amountFen, rule.count ? rule.count : 1);
        const full = await h.run('authorize', { ...i, amountFen: 1n });
        if (full.status !== 'DECLINED') f.push(`${rule.id} at ${last}: a full window should decline 1 fen, got ${describeResult(full)}`);
        h.clock.advance(1);
        const fresh = await h.run('authorize', { ...i, amountFen: 1n });
        if (fresh.status !== 'SUCCESS') f.push(`${rule.id} one millisecond after ${last}: a new window should allow 1 fen, got ${describeResult(fresh)}`);
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
        if ((error as { code?: string }).code !== 'IDEMPOTENCY_KEY_REUSED') f.push(`${op}: key reuse threw ${(error as Error).message}, expected IDEMPOTENCY_KEY_REUSED`);
      }
      if (h.sim.calls.length !== callsAfterFirst) f.push(`${op}: the refused key reuse reached the platform`);
      // A transient decline is not an answer to keep: the same key must ask the platform again.
      const transient = adapter.errors.find((r) => r.decision === 'RETRY' && (r.outcome ?? 'DECLINED') === 'DECLINED' && probeFor(adapter, exp, r) === op);
      if (transient) {
        const t = harness(adapter, exp);
        t.sim.failNext({ kind: 'PLATFORM_ERROR', platformCode: transient.platformCode, platformMessage: transient.platformMessage });
        const busy = await t.run(op, input(exp, op, 3), 'retry-key');
        const retried = await t.run(op, input(exp, op, 3), 'retry-key');
        if (busy.status !== 'DECLINED' || retried.status !== 'SUCCESS') {
          f.push(`${op}: after a RETRY decline (${transient.platformCode}) the same key should reach the platform again and succeed, got ${describeResult(busy)} then ${describeResult(retried)}`);
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
    if (good.cardNumber) cases.push({ operation: 'authorize', input: { ...good, cardNumber: `${good.cardNumber.slice(0, -1)}A` }, field: 'cardNumber', value: `${good.cardNumber.slice(0, -1)}A` });
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
      if (r.status !== 'DECLINED' || !r.fieldErrors?.some((e) => e.field === c.field)) f.push(`${label}: expected a decline naming "${c.field}", got ${json(r)}`);
      if (h.sim.calls.length !== 0) f.push(`${label}: the platform was called ${h.sim.calls.length} time(s)`);
      if (c.value && c.value.trim().length >= 6 && json(r).includes(c.value)) f.push(`${label}: the rejection echoes the input value`);
    }
  });

function sensitiveValues(adapter: PlatformAdapter, exp: ConformanceExpectations): string[] {
  const values = new Set(exp.sensitiveValues ?? []);
  for (const op of ['bind', 'verifyStep'] as const) {
    if (!exp.inputs[op]) continue;
    const i = input(exp, op, 1) as { fields: Record<string, string>; stepId?: string };
    for (const field of declaredFields(adapter, op, i.stepId)) if (SENSITIVE_KINDS.has(field.kind) && i.fields[field.name]) values.add(i.fields[field.name]);
  }
  const card = exp.inputs.authorize?.(1).cardNumber;
  if (card) values.add(card);
  return [...values].filter((v) => v.trim().length >= 3);
}

function leaks(haystack: string, value: string): boolean {
  const compact = value.replace(/[\s-]/g, '');
  if (compact.length >= 12) return haystack.includes(value) || haystack.replace(/[\s-]/g, '').includes(compact);
  return new RegExp(`(?<![0-9A-Za-z])${compact.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9A-Za-z])`).test(haystack);
}

export const checkNoSensitiveData: Check = (adapter, exp) =>
  guarded('no card number, ID number, CVV2 or SMS code in logs or results', async (f) => {
    const values = sensitiveValues(adapter, exp);
    const outputs: Array<{ what: string; text: string }> = [];
    const record = (what: string, v: unknown) => outputs.push({ what, text: json(v) });
    for (const op of opsWithInputs(adapter, exp)) {
      const h = harness(adapter, exp);
      record(`${op} result`, await h.run(op, input(exp, op, 1)));
      const decline = adapter.errors.find((r) => probeFor(adapter, exp, r) === op && (r.outcome ?? 'DECLINED') === 'DECLINED');
      if (decline) {
        h.sim.failNext({ kind: 'PLATFORM_ERROR', platformCode: decline.platformCode, platformMessage: decline.platformMessage });
        record(`${op} decline`, await h.run(op, input(exp, op, 2)));
      }
      for (const kind of ['UNREACHABLE', 'GARBLED', 'ANSWER_LOST'] as const) {
        h.sim.failNext({ kind });
        try {
          record(`${op} ${kind}`, await h.run(op, input(exp, op, 3)));
        } catch (error) {
          record(`${op} ${kind} error`, { name: (error as Error).name, message: (error as Error).message });
        }
      }
      for (const entry of h.logger.entries) record(`${op} log`, entry);
    }
    for (const c of derivedMalformed(adapter, exp)) {
      const h = harness(adapter, exp);
      record(`${c.operation} rejection`, await h.run(c.operation, c.input).catch((e: Error) => e.message));
      for (const entry of h.logger.entries) record(`${c.operation} rejection log`, entry);
    }
    for (const value of values) {
      const where = [...new Set(outputs.filter((o) => leaks(o.text, value)).map((o) => o.what))];
      if (where.length) f.push(`a sensitive value (…${value.slice(-2)}) appears in: ${where.join(', ')}`);
    }
  });

export const checkInjectedClock: Check = (adapter, exp) =>
  guarded('timestamps come from the injected clock', async (f) => {
    if (!exp.inputs.authorize || !adapter.operations?.authorize) return;
    const h = harness(adapter, exp, '2030-01-02T03:04:05.678Z');
    const r = await h.run('authorize', input(exp, 'authorize', 1));
    if (r.status !== 'SUCCESS') f.push(`authorize with a valid input: expected SUCCESS, got ${describeResult(r)}`);
    else if (r.value.authorizedAt !== '2030-01-02T03:04:05.678Z') f.push(`authorizedAt is ${r.value.authorizedAt}, not the injected clock's time`);
  });

export const CONFORMANCE_CHECKS: Readonly<Record<string, Check>> = {
  manifest: checkManifest,
  errorTable: checkErrorTable,
  faults: checkFaults,
  limits: checkLimits,
  windowRollover: checkWindowRollover,
  idempotency: checkIdempotency,
  validationFirst: checkValidationFirst,
  noSensitiveData: checkNoSensitiveData,
  injectedClock: checkInjectedClock,
};

export const CHECK_TITLES: Readonly<Record<string, string>> = {
  manifest: 'manifest, limits and error table are valid',
  errorTable: 'every error-table row maps and is reachable',
  faults: 'faults are typed errors; a lost answer is indeterminate',
  limits: 'amounts at, just under and just over each limit',
  windowRollover: 'windows roll over at midnight and year end (Asia/Shanghai)',
  idempotency: 'idempotent retry replays; key reuse is refused',
  validationFirst: 'malformed input is refused before any platform call',
  noSensitiveData: 'no card, ID, CVV2 or SMS code in logs or results',
  injectedClock: 'timestamps come from the injected clock',
};

/** Runs every check; an adapter conforms when every result has no failures. */
export async function runConformance(adapter: PlatformAdapter, exp: ConformanceExpectations): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of Object.values(CONFORMANCE_CHECKS)) results.push(await check(adapter, exp));
  return results;
}
