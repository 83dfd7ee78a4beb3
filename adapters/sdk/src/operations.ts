/**
 * Operations where the platform acts. Each takes typed input plus a context carrying
 * the idempotency key and the injected clock, HTTP client, logger and idempotency
 * store, and returns a result. Declines are results; faults are thrown (adapter-errors.ts).
 */
import type { CanonicalError } from './canonical-error';
import type { Clock } from './clock';
import type { HttpClient } from './http';
import type { IdempotencyStore } from './idempotency';
import type { AdapterLogger } from './logger';
import type { Fen } from './money';
import type { FieldError } from './validation/field-error';

export const OPERATION_NAMES = ['verifyStep', 'sendCode', 'bind', 'authorize', 'repay', 'queryStatus'] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

/** Operations that move money: a lost answer leaves them indeterminate, never silently failed. */
export const MONEY_MOVING_OPERATIONS: readonly OperationName[] = ['authorize', 'repay'];

export interface OperationContext {
  /** Client-chosen key; the same key replays the first result. */
  idempotencyKey: string;
  clock: Clock;
  http: HttpClient;
  idempotency: IdempotencyStore;
  logger?: AdapterLogger;
}

export type OperationResult<T> =
  | { status: 'SUCCESS'; value: T }
  /** The platform accepted and is still working (e.g. the user is confirming in the app). */
  | { status: 'PENDING'; reference: string; retryAfterSeconds?: number }
  | { status: 'DECLINED'; error: CanonicalError; fieldErrors?: FieldError[] }
  /** We cannot know whether it happened (answer lost after sending): settle with queryStatus. */
  | { status: 'INDETERMINATE'; reference: string; reason: string };

export type ResultStatus = OperationResult<unknown>['status'];

/** Values entered for a verification step's fields, keyed by field name. */
export type FieldValues = Record<string, string>;

export interface VerifyStepInput {
  /** Whose verification this is (an opaque reference of the caller's). */
  subjectRef: string;
  stepId: string;
  fields: FieldValues;
}
export interface VerifyStepOutcome {
  stepId: string;
  verified: true;
  /** The next step id, or undefined when the flow is complete. */
  nextStepId?: string;
}

/**
 * Asks the platform to send a one-time code for a verification step (an SMS_CODE field) to
 * the subject's phone on file. The code is the platform's: it never passes through the caller,
 * which only ever sees the code the person types back in `verifyStep`.
 */
export interface SendCodeInput {
  subjectRef: string;
  stepId: string;
}
export interface SendCodeOutcome {
  stepId: string;
  sent: true;
}

export interface BindInput {
  /** The wallet account (or issuer customer) the card goes into. */
  accountRef: string;
  /** The verification fields of the adapter's flow, by field name. */
  fields: FieldValues;
}
export interface BindOutcome {
  /** The platform's token for the bound card; never the card number. */
  cardToken: string;
  cardLastFour: string;
}

export interface AuthorizeInput {
  accountRef: string;
  /** A bound card's token, or (clearing) the card number being routed. */
  cardToken?: string;
  cardNumber?: string;
  amountFen: Fen;
  currency: string;
  merchantRef?: string;
}
export interface AuthorizeOutcome {
  /** The platform's transaction reference, used by queryStatus. */
  reference: string;
  amountFen: Fen;
  authorizedAt: string;
}

export interface RepayInput {
  accountRef: string;
  amountFen: Fen;
  currency: string;
}
export interface RepayOutcome {
  reference: string;
  amountFen: Fen;
  repaidAt: string;
}

export interface QueryStatusInput {
  /** The reference a previous result carried (PENDING / INDETERMINATE / SUCCESS). */
  reference: string;
}
export interface StatusOutcome {
  reference: string;
  state: 'SUCCEEDED' | 'FAILED' | 'NOT_FOUND';
  amountFen?: Fen;
}

export interface OperationIO {
  verifyStep: { input: VerifyStepInput; output: VerifyStepOutcome };
  sendCode: { input: SendCodeInput; output: SendCodeOutcome };
  bind: { input: BindInput; output: BindOutcome };
  authorize: { input: AuthorizeInput; output: AuthorizeOutcome };
  repay: { input: RepayInput; output: RepayOutcome };
  queryStatus: { input: QueryStatusInput; output: StatusOutcome };
}

export type Operation<N extends OperationName> = (
  input: OperationIO[N]['input'],
  ctx: OperationContext,
) => Promise<OperationResult<OperationIO[N]['output']>>;

export type AdapterOperations = { [N in OperationName]?: Operation<N> };
