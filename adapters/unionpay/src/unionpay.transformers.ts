/** Pure transformers between UnionPay's gateway messages and ours. Amounts are fen as digit strings. */
import {
  offsetMinutes,
  toFen,
  UnparseableResponseError,
  type AuthorizeInput,
  type Fen,
  type StatusOutcome,
  type VerifyStepInput,
} from '@cardweave/adapter-sdk';

export const UNIONPAY = 'unionpay';

const CURRENCY_CODES: Record<string, string> = { CNY: '156' };

/** yyyyMMddHHmmss in Beijing time, as UnionPay messages carry it. */
export function txnTime(instant: Date): string {
  const d = new Date(instant.getTime() + offsetMinutes('Asia/Shanghai') * 60_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

export function toConsumeMessage(input: AuthorizeInput, orderId: string, now: Date) {
  return {
    version: '5.1.0',
    txnType: '01',
    txnSubType: '01',
    bizType: '000201',
    orderId,
    txnTime: txnTime(now),
    txnAmt: input.amountFen.toString(),
    currencyCode: CURRENCY_CODES[input.currency],
    accNo: input.cardNumber ?? input.cardToken,
    reqReserved: input.accountRef,
  };
}

export function toQueryMessage(orderId: string) {
  return { version: '5.1.0', txnType: '00', txnSubType: '00', bizType: '000000', orderId };
}

export function toVerifyMessage(input: VerifyStepInput, orderId: string) {
  return {
    version: '5.1.0',
    txnType: '77',
    txnSubType: '00',
    orderId,
    token: input.subjectRef,
    cvn2: input.fields.cvv2,
    smsCode: input.fields.smsCode,
  };
}

export interface UnionPayReply {
  respCode: string;
  respMsg: string;
  data: Record<string, unknown>;
}

export function readReply(data: Record<string, unknown>): UnionPayReply {
  if (typeof data.respCode !== 'string' || data.respCode === '') throw new UnparseableResponseError(UNIONPAY, 'respCode missing');
  return { respCode: data.respCode, respMsg: typeof data.respMsg === 'string' ? data.respMsg : '', data };
}

export function amountOf(data: Record<string, unknown>): Fen {
  if (typeof data.txnAmt !== 'string') throw new UnparseableResponseError(UNIONPAY, 'txnAmt missing');
  try {
    return toFen(data.txnAmt);
  } catch {
    throw new UnparseableResponseError(UNIONPAY, 'txnAmt is not whole fen');
  }
}

const PROCESSING = new Set(['03', '04', '05']);

/** A successful query's view of the original transaction: origRespCode 00 paid, 03/04/05 still processing. */
export function toStatusOutcome(orderId: string, data: Record<string, unknown>): StatusOutcome | 'IN_PROGRESS' {
  const orig = data.origRespCode;
  if (typeof orig !== 'string') throw new UnparseableResponseError(UNIONPAY, 'origRespCode missing');
  if (orig === '00') return { reference: orderId, state: 'SUCCEEDED', amountFen: amountOf(data) };
  if (PROCESSING.has(orig)) return 'IN_PROGRESS';
  return { reference: orderId, state: 'FAILED' };
}
