/** Pure transformers between __ID__'s `{code, message, data}` answers and ours: no I/O here. */
import { toFen, UnparseableResponseError, type AuthorizeInput, type Fen, type StatusOutcome, type VerifyStepInput } from '__SDK__';

export const __CONST__ = '__ID__';

export const toVerifyBody = (input: VerifyStepInput, requestId: string) => ({ requestId, subject: input.subjectRef, step: input.stepId, code: input.fields.smsCode });

export const toPaymentBody = (input: AuthorizeInput, requestId: string) => ({
  requestId,
  account: input.accountRef,
  card: input.cardToken ?? input.cardNumber,
  amount: input.amountFen.toString(),
  currency: input.currency,
});

export interface Reply {
  code: string;
  message: string;
  data: Record<string, unknown>;
}

export function readReply(body: Record<string, unknown>): Reply {
  if (typeof body.code !== 'string' || body.code === '') throw new UnparseableResponseError(__CONST__, 'code missing');
  const data = body.data && typeof body.data === 'object' ? (body.data as Record<string, unknown>) : {};
  return { code: body.code, message: typeof body.message === 'string' ? body.message : '', data };
}

export function amountOf(data: Record<string, unknown>): Fen {
  try {
    return toFen(data.amount as string);
  } catch {
    throw new UnparseableResponseError(__CONST__, 'amount is not whole fen');
  }
}

export function toStatusOutcome(reference: string, data: Record<string, unknown>): StatusOutcome | 'IN_PROGRESS' {
  if (data.state === 'SUCCEEDED') return { reference, state: 'SUCCEEDED', amountFen: amountOf(data) };
  if (data.state === 'PROCESSING') return 'IN_PROGRESS';
  if (data.state === 'FAILED') return { reference, state: 'FAILED' };
  throw new UnparseableResponseError(__CONST__, 'unknown state');
}
