/** Pure transformers between JD Finance's `{resultCode, resultMsg, data}` envelope and ours. */
import {
  toFen,
  UnparseableResponseError,
  type AuthorizeInput,
  type Fen,
  type RepayInput,
  type SendCodeInput,
  type StatusOutcome,
  type VerifyStepInput,
} from '@cardweave/adapter-sdk';

export const JD_FINANCE = 'jd-finance';
export const JD_SUCCESS = '0000';

export function toVerifyBody(input: VerifyStepInput, requestNo: string) {
  return { requestNo, customerRef: input.subjectRef, step: input.stepId, payload: input.fields };
}

export function toSendCodeBody(input: SendCodeInput, requestNo: string) {
  return { requestNo, customerRef: input.subjectRef, step: input.stepId };
}

export function toAuthorizeBody(input: AuthorizeInput, requestNo: string) {
  return {
    requestNo,
    customerRef: input.accountRef,
    amount: input.amountFen.toString(),
    currency: input.currency,
    merchantRef: input.merchantRef,
  };
}

export function toRepayBody(input: RepayInput, requestNo: string) {
  return { requestNo, customerRef: input.accountRef, amount: input.amountFen.toString(), currency: input.currency };
}

export interface JdEnvelope {
  resultCode: string;
  resultMsg: string;
  data: Record<string, unknown>;
}

export function readEnvelope(body: Record<string, unknown>): JdEnvelope {
  if (typeof body.resultCode !== 'string' || body.resultCode === '') throw new UnparseableResponseError(JD_FINANCE, 'resultCode missing');
  const data = body.data && typeof body.data === 'object' ? (body.data as Record<string, unknown>) : {};
  return { resultCode: body.resultCode, resultMsg: typeof body.resultMsg === 'string' ? body.resultMsg : '', data };
}

export function fenField(data: Record<string, unknown>, field: string): Fen {
  try {
    return toFen(data[field] as string);
  } catch {
    throw new UnparseableResponseError(JD_FINANCE, `field "${field}" is not whole fen`);
  }
}

export function toStatusOutcome(reference: string, data: Record<string, unknown>): StatusOutcome | 'IN_PROGRESS' {
  switch (data.status) {
    case 'SUCCESS':
      return { reference, state: 'SUCCEEDED', amountFen: fenField(data, 'amount') };
    case 'PROCESSING':
      return 'IN_PROGRESS';
    case 'FAILED':
      return { reference, state: 'FAILED' };
    default:
      throw new UnparseableResponseError(JD_FINANCE, 'unknown status');
  }
}
