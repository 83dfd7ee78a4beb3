/**
 * An in-process WeChat Pay: answers in the API v3 shapes (recorded from the documented
 * examples), keeps the wallet's limits per account, dedupes by out_trade_no /
 * out_request_no, and fails on request (see PlatformSimulatorBase).
 *
 * Its limits are WeChat Pay's as PLATFORMS.md §4 documents them, written here, never read
 * from the adapter's declaration: the conformance suite checks both against the documented
 * figures, so a wrong declaration fails instead of being copied.
 */
import { createHash } from 'node:crypto';
import { toFen, yuan, type Clock, type HttpRequest } from '@cardweave/adapter-sdk';
import type { PlatformLimit, SimulatorAnswer, TestTrigger } from '@cardweave/adapter-testkit';
import { PlatformSimulatorBase, testCardNumber } from '@cardweave/adapter-testkit';
import { WECHAT_SIGNATURE_HEADER, wechatPayOptionSpec } from './wechat-pay.options';

/** WeChat Pay's own limits: 50,000 CNY a payment, 200,000 CNY a year per wallet account (Beijing time). */
export const WECHAT_PAY_PLATFORM_LIMITS: readonly PlatformLimit[] = [
  { id: 'wechat-pay.per-payment', window: 'PER_PAYMENT', amountFen: yuan(50_000), scope: 'WALLET_ACCOUNT', timezone: 'Asia/Shanghai' },
  { id: 'wechat-pay.yearly', window: 'YEARLY', amountFen: yuan(200_000), scope: 'WALLET_ACCOUNT', timezone: 'Asia/Shanghai' },
];

const bindTrigger = (serial: number, platformCode: string, platformMessage: string): TestTrigger => ({
  on: 'bind',
  field: 'card_number',
  value: testCardNumber('625350', 16, serial),
  platformCode,
  platformMessage,
});

/**
 * Test card numbers (adapters/README.md): binding one makes WeChat Pay answer a row of its table,
 * e.g. testCardNumber('625350', 16, 999_000_001) = 6253509990000011 → 商户限制.
 */
export const WECHAT_PAY_TEST_TRIGGERS: readonly TestTrigger[] = [
  bindTrigger(999_000_001, 'RULELIMIT', '商户限制'),
  bindTrigger(999_000_002, 'PARAM_ERROR', '格式错误'),
  bindTrigger(999_000_003, 'SYSTEM_ERROR', '系统错误'),
  bindTrigger(999_000_004, 'CARD4E_CARD_LOST', '挂失卡'),
  bindTrigger(999_000_005, 'CARD4E_SERVICE_BUSY', '验证服务繁忙'),
];

export interface WechatPaySimulatorOptions {
  /** Key the answers are signed with (default: the adapter's default platformKey). */
  platformKey?: string;
  /** Other limits, for a test of a platform contract that differs from the documented one. */
  limits?: readonly PlatformLimit[];
}

const STATUS_BY_CODE: Record<string, number> = {
  SYSTEM_ERROR: 500,
  SIGN_ERROR: 401,
  FREQUENCY_LIMITED: 429,
  ORDER_NOT_EXIST: 404,
};

/** What the bank holds for a card: the four elements WeChat Pay's binding is matched against. */
export interface EnrolledCard {
  cardNumber: string;
  name: string;
  residentId: string;
  mobile: string;
}

const digits = (value: unknown) =>
  String(value ?? '')
    .replace(/^\+86/, '')
    .replace(/\s/g, '');

export class WechatPaySimulator extends PlatformSimulatorBase {
  private readonly orders = new Map<string, { total: number; state: string }>();
  /** Cards whose holder the simulated bank knows; a card it does not know is taken as the issuer confirmed it. */
  private readonly enrolled = new Map<string, EnrolledCard>();

  /** Makes the simulated bank hold these four elements for a card: binding it compares all four. */
  enrollCard(card: EnrolledCard): void {
    this.enrolled.set(digits(card.cardNumber), card);
  }

  /** The four-element check: card number, name, ID number and mobile, all four compared. */
  private fourElementsMatch(entered: Record<string, unknown>): boolean {
    const card = this.enrolled.get(digits(entered.card_number));
    if (!card) return true;
    return (
      String(entered.name ?? '').trim() === card.name &&
      String(entered.id_card_number ?? '').toUpperCase() === card.residentId.toUpperCase() &&
      digits(entered.mobile) === digits(card.mobile)
    );
  }

  constructor(clock: Clock, options: WechatPaySimulatorOptions = {}) {
    super(clock, {
      signingKey: options.platformKey ?? wechatPayOptionSpec.platformKey.default,
      signatureHeader: WECHAT_SIGNATURE_HEADER,
      limits: options.limits ?? WECHAT_PAY_PLATFORM_LIMITS,
      triggers: WECHAT_PAY_TEST_TRIGGERS,
    });
  }

  protected errorAnswer(code: string, message: string): SimulatorAnswer {
    const status = STATUS_BY_CODE[code] ?? (code === 'RULELIMIT' || code === 'NOTENOUGH' || code.endsWith('QUOTA_EXCEEDED') ? 403 : 400);
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
        const triggered = this.triggered('bind', body.bank_card as Record<string, unknown>, request);
        if (triggered) return triggered;
        if (!this.fourElementsMatch(body.bank_card as Record<string, unknown>)) {
          return this.errorAnswer('CARD4E_HOLDER_MISMATCH', '持卡人信息有误');
        }
        const token = `wxcard_${createHash('sha256')
          .update(`${String(body.openid)}|${card}`)
          .digest('hex')
          .slice(0, 20)}`;
        return { status: 200, body: { card_token: token, card_tail: card.slice(-4), bank_name: '上海银行' } };
      });
    }
    if (request.method === 'POST' && path === '/v3/pay/transactions/card') {
      const outTradeNo = String(body.out_trade_no);
      return this.once(`pay:${outTradeNo}`, () => {
        const total = (body.amount as { total: number }).total;
        const subject = { accountRef: String((body.payer as { openid: string }).openid), cardRef: body.card_token as string | undefined };
        const breach = this.limitBreach(subject, toFen(total));
        if (breach?.window === 'PER_PAYMENT') return this.errorAnswer('SINGLE_QUOTA_EXCEEDED', '超出单笔支付限额');
        if (breach) return this.errorAnswer('QUOTA_EXCEEDED', '超出年度支付限额');
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
