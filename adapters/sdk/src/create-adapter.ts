/**
 * Builds a PlatformAdapter from a declaration and the adapter's own `perform` code, and
 * puts the same guard rails around every operation of every adapter:
 *   1. the context is checked (idempotency key present, clock, HTTP client, store);
 *   2. input is validated by field kind; bad input is declined with field errors
 *      before any platform call;
 *   3. a stored result for the key is replayed; a key reused with other input is refused;
 *   4. the adapter's logger is scrubbed;
 *   5. final results are stored. Not stored: RETRY declines and INDETERMINATE, where the
 *      platform has not answered finally, so a retry with the same key asks again (the
 *      key is also the platform's order number, so the platform dedupes).
 */
import { AdapterError, IdempotencyKeyReusedError } from './adapter-errors';
import type { CanonicalError } from './canonical-error';
import type { PlatformAdapter, ValidationSettings, VerificationInputField } from './contract';
import { deserializeResult, fingerprintInput, serializeResult } from './idempotency';
import { scrub, scrubbingLogger } from './log-scrubber';
import { silentLogger, type AdapterLogger } from './logger';
import type {
  AdapterOperations,
  AuthorizeInput,
  BindInput,
  OperationContext,
  OperationIO,
  OperationName,
  OperationResult,
  QueryStatusInput,
  RepayInput,
  SendCodeInput,
  VerifyStepInput,
} from './operations';
import { validateCardNumber } from './validation/card-number.validator';
import { fieldError, type FieldError, type ValidationResult } from './validation/field-error';
import { validateFields } from './validation/verification-fields';

export type AdapterDeclaration = Omit<PlatformAdapter, 'operations' | 'validation'> & { validation?: ValidationSettings };

/** What `perform` receives besides the validated input: the context with a scrubbed logger. */
export interface PerformContext extends OperationContext {
  logger: AdapterLogger;
  adapter: AdapterDeclaration;
  operation: OperationName;
}

export type PerformFn<N extends OperationName> = (
  input: OperationIO[N]['input'],
  ctx: PerformContext,
) => Promise<OperationResult<OperationIO[N]['output']>>;

export type AdapterImplementation = { [N in OperationName]?: PerformFn<N> };

/** One-time secrets: left out of the idempotency fingerprint, since they must never be stored in any form. */
const ONE_TIME_KINDS = new Set(['CVV2', 'SMS_CODE', 'PAYMENT_PASSWORD', 'FACE_TOKEN']);

export const DEFAULT_VALIDATION: ValidationSettings = { luhnForUnionPay: true };

const REF = /^[\x21-\x7e]{1,128}$/;

function requireRef(field: string, value: unknown, errors: FieldError[]): void {
  if (typeof value !== 'string' || !REF.test(value)) {
    errors.push(
      fieldError(field, value ? 'INVALID_FORMAT' : 'REQUIRED', '引用标识缺失或格式错误', 'The reference is missing or malformed'),
    );
  }
}

function checkAmount(decl: AdapterDeclaration, input: { amountFen: unknown; currency: unknown }, errors: FieldError[]): void {
  if (typeof input.amountFen !== 'bigint' || input.amountFen <= 0n) {
    errors.push(fieldError('amountFen', 'OUT_OF_RANGE', '金额必须为正的整数分', 'The amount must be a positive whole number of fen'));
  }
  if (typeof input.currency !== 'string' || !decl.manifest.currencies.includes(input.currency)) {
    errors.push(fieldError('currency', 'OUT_OF_RANGE', '不支持该币种', 'This currency is not supported'));
  }
}

const collect = <T>(result: ValidationResult<T>, errors: FieldError[]): T | undefined => {
  if (result.ok) return result.value;
  errors.push(...result.errors);
  return undefined;
};

/** All fields of the verification flow (bind takes them at once). */
function flowFields(decl: AdapterDeclaration): VerificationInputField[] {
  const seen = new Map<string, VerificationInputField>();
  for (const step of decl.verification.steps) for (const f of step.fields) if (!seen.has(f.name)) seen.set(f.name, f);
  return [...seen.values()];
}

type Validated<N extends OperationName> =
  { ok: true; input: OperationIO[N]['input']; fingerprintInput: unknown } | { ok: false; errors: FieldError[] };

function validateInput(decl: AdapterDeclaration, operation: OperationName, raw: unknown, asOf: Date): Validated<OperationName> {
  const settings = decl.validation ?? DEFAULT_VALIDATION;
  const errors: FieldError[] = [];
  const oneTimeNames = (fields: VerificationInputField[]) => fields.filter((f) => ONE_TIME_KINDS.has(f.kind)).map((f) => f.name);
  const withoutOneTime = (fields: Record<string, string>, names: string[]) =>
    Object.fromEntries(Object.entries(fields).filter(([k]) => !names.includes(k)));
  if (!raw || typeof raw !== 'object') return { ok: false, errors: [fieldError('input', 'REQUIRED', '缺少输入', 'Input is missing')] };
  switch (operation) {
    case 'verifyStep': {
      const input = raw as VerifyStepInput;
      requireRef('subjectRef', input.subjectRef, errors);
      const step = decl.verification.steps.find((s) => s.id === input.stepId);
      if (!step) {
        errors.push(fieldError('stepId', 'OUT_OF_RANGE', '没有这个验证步骤', 'There is no such verification step'));
        return { ok: false, errors };
      }
      const fields = collect(validateFields(step.fields, input.fields ?? {}, settings, asOf), errors);
      if (errors.length || !fields) return { ok: false, errors };
      const normalized = { ...input, fields };
      return {
        ok: true,
        input: normalized,
        fingerprintInput: { ...normalized, fields: withoutOneTime(fields, oneTimeNames(step.fields)) },
      };
    }
    case 'sendCode': {
      const input = raw as SendCodeInput;
      requireRef('subjectRef', input.subjectRef, errors);
      const step = decl.verification.steps.find((s) => s.id === input.stepId);
      // Only a step that asks for a one-time code has one to send.
      if (!step?.fields.some((f) => f.kind === 'SMS_CODE')) {
        errors.push(fieldError('stepId', 'OUT_OF_RANGE', '该步骤不需要验证码', 'This step takes no one-time code'));
      }
      return errors.length ? { ok: false, errors } : { ok: true, input, fingerprintInput: input };
    }
    case 'bind': {
      const input = raw as BindInput;
      requireRef('accountRef', input.accountRef, errors);
      const declared = flowFields(decl);
      const fields = collect(validateFields(declared, input.fields ?? {}, settings, asOf), errors);
      if (errors.length || !fields) return { ok: false, errors };
      const normalized = { ...input, fields };
      return { ok: true, input: normalized, fingerprintInput: { ...normalized, fields: withoutOneTime(fields, oneTimeNames(declared)) } };
    }
    case 'authorize': {
      const input = raw as AuthorizeInput;
      requireRef('accountRef', input.accountRef, errors);
      checkAmount(decl, input, errors);
      if (input.cardToken !== undefined) requireRef('cardToken', input.cardToken, errors);
      const cardNumber =
        input.cardNumber === undefined
          ? undefined
          : collect(validateCardNumber(input.cardNumber, { luhnForUnionPay: settings.luhnForUnionPay }), errors);
      if (input.merchantRef !== undefined) requireRef('merchantRef', input.merchantRef, errors);
      if (errors.length) return { ok: false, errors };
      const normalized = cardNumber === undefined ? input : { ...input, cardNumber };
      return { ok: true, input: normalized, fingerprintInput: normalized };
    }
    case 'repay': {
      const input = raw as RepayInput;
      requireRef('accountRef', input.accountRef, errors);
      checkAmount(decl, input, errors);
      return errors.length ? { ok: false, errors } : { ok: true, input, fingerprintInput: input };
    }
    case 'queryStatus': {
      const input = raw as QueryStatusInput;
      requireRef('reference', input.reference, errors);
      return errors.length ? { ok: false, errors } : { ok: true, input, fingerprintInput: input };
    }
  }
}

/** The decline for input refused before any platform call. */
export function inputDecline(adapterId: string, errors: FieldError[]): CanonicalError {
  const cardProblem = errors.some((e) => e.field === 'cardNumber' && e.code !== 'REQUIRED');
  const amountProblem = errors.some((e) => e.field === 'amountFen');
  return {
    code: cardProblem ? 'INVALID_CARD_NUMBER' : amountProblem ? 'INVALID_AMOUNT' : 'INVALID_FORMAT',
    platform: adapterId,
    platformCode: 'INPUT_REJECTED',
    platformMessage: 'rejected before any platform call',
    decision: 'USER_ACTION',
    remedy: 'CORRECT_INPUT',
    message: { 'zh-CN': '输入有误，请检查标出的项目', en: 'Some input is invalid; check the marked fields' },
  };
}

function checkContext(adapterId: string, ctx: OperationContext | undefined): void {
  const problem = (what: string) => new AdapterError('INVALID_CONTEXT', adapterId, what);
  if (!ctx) throw problem('an operation needs a context');
  if (typeof ctx.idempotencyKey !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(ctx.idempotencyKey)) {
    throw problem('the context needs an idempotency key of 1–255 printable characters');
  }
  if (!ctx.clock || typeof ctx.clock.now !== 'function') throw problem('the context needs a clock');
  if (!ctx.http || typeof ctx.http.send !== 'function') throw problem('the context needs an HTTP client');
  if (!ctx.idempotency) throw problem('the context needs an idempotency store');
}

function shouldStore(result: OperationResult<unknown>): boolean {
  if (result.status === 'INDETERMINATE') return false;
  if (result.status === 'DECLINED' && result.error.decision === 'RETRY') return false;
  return true;
}

function guard<N extends OperationName>(decl: AdapterDeclaration, operation: N, perform: PerformFn<N>) {
  const adapterId = decl.manifest.id;
  return async (rawInput: OperationIO[N]['input'], ctx: OperationContext): Promise<OperationResult<OperationIO[N]['output']>> => {
    checkContext(adapterId, ctx);
    const logger = scrubbingLogger(ctx.logger ?? silentLogger);
    const validated = validateInput(decl, operation, rawInput, ctx.clock.now());
    if (!validated.ok) {
      logger.info(`${operation} input rejected`, { fields: validated.errors.map((e) => `${e.field}:${e.code}`) });
      return { status: 'DECLINED', error: inputDecline(adapterId, validated.errors), fieldErrors: validated.errors };
    }
    // Reads are naturally idempotent, and replaying a stored "pending" would stop polling.
    const idempotent = operation !== 'queryStatus';
    const scope = `${adapterId}:${operation}`;
    const fingerprint = fingerprintInput(validated.fingerprintInput);
    if (idempotent) {
      const stored = await ctx.idempotency.find(scope, ctx.idempotencyKey);
      if (stored) {
        if (stored.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError(adapterId, ctx.idempotencyKey);
        logger.info(`${operation} replayed from the idempotency store`);
        return deserializeResult(stored.result);
      }
    }
    let result: OperationResult<OperationIO[N]['output']>;
    try {
      result = await perform(validated.input as OperationIO[N]['input'], { ...ctx, logger, adapter: decl, operation });
    } catch (error) {
      if (error instanceof AdapterError) throw error;
      // An adapter bug, not a platform answer: typed, scrubbed, and never a stack trace to a client.
      throw new AdapterError('INTERNAL', adapterId, `${operation} failed: ${scrub(String((error as Error)?.message ?? error))}`);
    }
    logger.info(
      `${operation} ${result.status}`,
      result.status === 'DECLINED' ? { code: result.error.code, platformCode: result.error.platformCode } : {},
    );
    if (!idempotent || !shouldStore(result)) return result;
    const saved = await ctx.idempotency.saveFirst({
      scope,
      key: ctx.idempotencyKey,
      fingerprint,
      result: serializeResult(result),
      createdAt: ctx.clock.now(),
    });
    if (saved.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError(adapterId, ctx.idempotencyKey);
    return deserializeResult(saved.result);
  };
}

export function createAdapter(declaration: AdapterDeclaration, implementation: AdapterImplementation): PlatformAdapter {
  const operations: AdapterOperations = {};
  for (const name of Object.keys(implementation) as OperationName[]) {
    const perform = implementation[name];
    if (perform) (operations as Record<string, unknown>)[name] = guard(declaration, name, perform as PerformFn<typeof name>);
  }
  return { ...declaration, validation: declaration.validation ?? DEFAULT_VALIDATION, operations };
}
