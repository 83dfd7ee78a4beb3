/**
 * Pure transformers between WeChat Pay's API v3 shapes and ours: no I/O, so they are
 * tested on recorded answers alone. Amounts are integer fen on both sides.
 */
import {
  cardLastFour,
  fenToJsonNumber,
  toFen,
  UnparseableResponseError,
  type AuthorizeInput,
  type BindInput,
  type Fen,
  type StatusOutcome,
} from '@cardweave/adapter-sdk';

export const WECHAT_PAY = 'wechat-pay';

export interface WechatBindBody {
  openid: string;
  out_request_no: string;
  bank_card: { name: string; id_card_number: string; mobile: string; card_number: string };
}

export function toBindBody(input: BindInput, idempotencyKey: string): WechatBindBody {
  return {
    openid: input.accountRef,
    out_request_no: idempotencyKey,
    bank_card: {
      name: input.fields.name,
      id_card_number: input.fields.residentId,
      mobile: input.fields.mobile,
      card_number: input.fields.cardNumber,
    },
  };
}

export interface WechatPayBody {
  out_trade_no: string;
  payer: { openid: string };
  card_token: string | undefined;
  amount: { total: number; currency: string };
  attach?: string;
}

export function toPayBody(input: AuthorizeInput, idempotencyKey: string): WechatPayBody {
  return {
    out_trade_no: idempotencyKey,
    payer: { openid: input.accountRef },
    card_token: input.cardToken,
    amount: { total: fenToJsonNumber(input.amountFen), currency: input.currency },
    ...(input.merchantRef ? { attach: input.merchantRef } : {}),
  };
}

/** v3 answers 2xx with the resource, 4xx/5xx with {code, message, detail}. */
export type WechatAnswer =
  { ok: true; data: Record<string, unknown> } | { ok: false; code: string; message: string; retryAfterSeconds?: number };

export function readAnswer(status: number, headers: Record<string, string>, data: Record<string, unknown>): WechatAnswer {
  if (status >= 200 && status < 300) return { ok: true, data };
  if (typeof data.code !== 'string' || typeof data.message !== 'string') {
    throw new UnparseableResponseError(WECHAT_PAY, `HTTP ${status} without a {code, message} error body`);
  }
  const retryAfter = Number(headers['retry-after']);
  return Number.isInteger(retryAfter) && retryAfter > 0
    ? { ok: false, code: data.code, message: data.message, retryAfterSeconds: retryAfter }
    : { ok: false, code: data.code, message: data.message };
}

function str(data: Record<string, unknown>, field: string): string {
  const v = data[field];
  if (typeof v !== 'string' || v === '') throw new UnparseableResponseError(WECHAT_PAY, `field "${field}" missing`);
  return v;
}

function total(data: Record<string, unknown>): Fen {
  const amount = data.amount as { total?: unknown } | undefined;
  if (typeof amount?.total !== 'number') throw new UnparseableResponseError(WECHAT_PAY, 'field "amount.total" missing');
  return toFen(amount.total);
}

export function fromBindData(data: Record<string, unknown>, cardNumber: string) {
  const tail = str(data, 'card_tail');
  if (tail !== cardLastFour(cardNumber)) throw new UnparseableResponseError(WECHAT_PAY, 'card_tail does not match the bound card');
  return { cardToken: str(data, 'card_token'), cardLastFour: tail };
}

/** trade_state SUCCESS is paid; USERPAYING is the user still confirming; anything else did not pay. */
export function fromPayData(data: Record<string, unknown>): { tradeState: string; reference: string; amountFen: Fen } {
  return { tradeState: str(data, 'trade_state'), reference: str(data, 'out_trade_no'), amountFen: total(data) };
}

export function toStatusOutcome(data: Record<string, unknown>): StatusOutcome | 'IN_PROGRESS' {
  const state = str(data, 'trade_state');
  const reference = str(data, 'out_trade_no');
  if (state === 'SUCCESS') return { reference, state: 'SUCCEEDED', amountFen: total(data) };
  if (state === 'USERPAYING' || state === 'NOTPAY') return 'IN_PROGRESS';
  return { reference, state: 'FAILED' };
}
