/** Pure transformers between the Cloud QuickPass backend's `{resp:{code,msg}, data}` shapes and ours. */
import {
  cardLastFour,
  toFen,
  UnparseableResponseError,
  type AuthorizeInput,
  type BindInput,
  type BindOutcome,
  type Fen,
  type StatusOutcome,
  type VerifyStepInput,
} from '@cardweave/adapter-sdk';

export const QUICKPASS = 'unionpay-quickpass';
export const QUICKPASS_OK = '00';

export const toAddCardBody = (input: BindInput, requestId: string) => ({
  requestId,
  userId: input.accountRef,
  cardNo: input.fields.cardNumber,
  cvn2: input.fields.cvv2,
  smsCode: input.fields.smsCode,
});

export const toVerifyBody = (input: VerifyStepInput, requestId: string) => ({
  requestId,
  userId: input.subjectRef,
  step: input.stepId,
  cardNo: input.fields.cardNumber,
  cvn2: input.fields.cvv2,
  smsCode: input.fields.smsCode,
});

export const toPaymentBody = (input: AuthorizeInput, requestId: string) => ({
  requestId,
  userId: input.accountRef,
  cardToken: input.cardToken,
  txnAmt: input.amountFen.toString(),
  currency: input.currency,
});

export interface QuickPassReply {
  code: string;
  msg: string;
  data: Record<string, unknown>;
}

export function readReply(body: Record<string, unknown>): QuickPassReply {
  const resp = body.resp as { code?: unknown; msg?: unknown } | undefined;
  if (!resp || typeof resp.code !== 'string' || resp.code === '') throw new UnparseableResponseError(QUICKPASS, 'resp.code missing');
  const data = body.data && typeof body.data === 'object' ? (body.data as Record<string, unknown>) : {};
  return { code: resp.code, msg: typeof resp.msg === 'string' ? resp.msg : '', data };
}

export function amountOf(data: Record<string, unknown>): Fen {
  try {
    return toFen(data.txnAmt as string);
  } catch {
    throw new UnparseableResponseError(QUICKPASS, 'txnAmt is not whole fen');
  }
}

export function toBindOutcome(data: Record<string, unknown>, cardNumber: string): BindOutcome {
  if (typeof data.cardToken !== 'string' || data.cardToken === '') throw new UnparseableResponseError(QUICKPASS, 'cardToken missing');
  if (data.last4 !== cardLastFour(cardNumber)) throw new UnparseableResponseError(QUICKPASS, 'last4 does not match the added card');
  return { cardToken: data.cardToken, cardLastFour: data.last4 };
}

/** Query answers: origCode 00 paid, 03/04/05 still processing, anything else failed. */
export function toStatusOutcome(reference: string, data: Record<string, unknown>): StatusOutcome | 'IN_PROGRESS' {
  if (data.origCode === '00') return { reference, state: 'SUCCEEDED', amountFen: amountOf(data) };
  if (data.origCode === '03' || data.origCode === '04' || data.origCode === '05') return 'IN_PROGRESS';
  if (typeof data.origCode !== 'string') throw new UnparseableResponseError(QUICKPASS, 'origCode missing');
  return { reference, state: 'FAILED' };
}
