/**
 * An in-process WeChat Pay: answers in the API v3 shapes (recorded from the documented
 * examples), keeps the wallet's limits per account, dedupes by out_trade_no /
 * out_request_no, and fails on request (see PlatformSimulatorBase).
 */
import { createHash } from 'node:crypto';
import { toFen, type Clock, type HttpRequest } from '../../sdk/src';
import { PlatformSimulatorBase, type SimulatorAnswer } from '../../testkit/src/platform-simulator';
import { wechatPayDeclaration } from './wechat-pay.adapter';
import { WECHAT_SIGNATURE_HEADER, wechatPayOptionSpec, type WechatPayOptions } from './wechat-pay.options';
import { parseOptions } from '../../sdk/src';

const STATUS_BY_CODE: Record<string, number> = {
  SYSTEM_ERROR: 500,
  SIGN_ERROR: 401,
  FREQUENCY_LIMITED: 429,
  ORDER_NOT_EXIST: 404,
};

export class WechatPaySimulator extends PlatformSimulatorBase {
  private readonly orders = new Map<string, { total: number; state: string }>();

  constructor(clock: Clock, options: Partial<WechatPayOptions> = {}) {
    const o = parseOptions('wechat-pay', wechatPayOptionSpec, options);
    super(clock, { signingKey: o.platformKey, signatureHeader: WECHAT_SIGNATURE_HEADER, limits: wechatPayDeclaration(o).limits });
  }

  protected errorAnswer(code: string, message: string): SimulatorAnswer {
    const status = STATUS_BY_CODE[code] ?? (code === 'RULELIMIT' || code === 'NOTENOUGH' || code === 'QUOTA_EXCEEDED' ? 403 : 400);
    return {
      status,
      body: { code, message, detail: { field: '', value: '', issue: message, location: 'body' } },
      headers: code === 'FREQUENCY_LIMITED' ? { 'retry-after': '60' } : {},
    };
  }

  protected handle(request: HttpRequest, body: Record<string, unknown>): SimulatorAnswer {
    const path = new URL(request.url).pathname;
    if (request.method === 'POST' && path === '/v3/cardweave/bank-cards') {
      return this.once(`bind:${String(body.out_request_no)}`, () => {
        const card = (body.bank_card as { card_number: string }).card_number;
        const token = `wxcard_${createHash('sha256').update(`${String(body.openid)}|${card}`).digest('hex').slice(0, 20)}`;
        return { status: 200, body: { card_token: token, card_tail: card.slice(-4), bank_name: '上海银行' } };
      });
    }
    if (request.method === 'POST' && path === '/v3/pay/transactions/card') {
      const outTradeNo = String(body.out_trade_no);
      return this.once(`pay:${outTradeNo}`, () => {
        const total = (body.amount as { total: number }).total;
        const subject = { accountRef: String((body.payer as { openid: string }).openid), cardRef: body.card_token as string | undefined };
        if (!this.ledger.check(subject, toFen(total)).allowed) return this.errorAnswer('QUOTA_EXCEEDED', '超出支付限额');
        this.ledger.record(subject, toFen(total));
        this.orders.set(outTradeNo, { total, state: 'SUCCESS' });
        return {
          status: 200,
          body: {
            out_trade_no: outTradeNo,
            transaction_id: `42000${String(this.orders.size).padStart(23, '0')}`,
            trade_state: 'SUCCESS',
            trade_state_desc: '支付成功',
            success_time: this.clock.now().toISOString(),
            amount: { total, currency: 'CNY' },
          },
        };
      });
    }
    const query = /^\/v3\/pay\/transactions\/out-trade-no\/(.+)$/.exec(path);
    if (request.method === 'GET' && query) {
      const ref = decodeURIComponent(query[1]);
      const order = this.orders.get(ref);
      if (!order) return this.errorAnswer('ORDER_NOT_EXIST', '订单不存在');
      return { status: 200, body: { out_trade_no: ref, trade_state: order.state, amount: { total: order.total, currency: 'CNY' } } };
    }
    return this.errorAnswer('INVALID_REQUEST', '无效请求');
  }
}
