/**
 * An in-process Cloud QuickPass backend: card management (add card with CVV2 + SMS),
 * payments under the wallet's limits in Beijing-time days, dedupe by requestId, and the
 * payment query.
 *
 * Its limits are QuickPass's as PLATFORMS.md §1 documents them, written here, never read
 * from the adapter's declaration.
 */
import { createHash } from 'node:crypto';
import { toFen, yuan, type Clock, type HttpRequest } from '@cardweave/adapter-sdk';
import {
  PlatformSimulatorBase,
  testCardNumber,
  type PlatformLimit,
  type SimulatorAnswer,
  type TestTrigger,
} from '@cardweave/adapter-testkit';
import { QUICKPASS_SIGNATURE_HEADER, quickPassOptionSpec } from './unionpay-quickpass.options';

/** QuickPass's own limits: 1,000 CNY a payment, 5,000 CNY a day per wallet account (Beijing time). */
export const QUICKPASS_PLATFORM_LIMITS: readonly PlatformLimit[] = [
  {
    id: 'unionpay-quickpass.per-payment',
    window: 'PER_PAYMENT',
    amountFen: yuan(1_000),
    scope: 'WALLET_ACCOUNT',
    timezone: 'Asia/Shanghai',
  },
  { id: 'unionpay-quickpass.daily', window: 'DAILY', amountFen: yuan(5_000), scope: 'WALLET_ACCOUNT', timezone: 'Asia/Shanghai' },
];

const addCardTrigger = (serial: number, platformCode: string, platformMessage: string): TestTrigger => ({
  on: 'cards',
  field: 'cardNo',
  value: testCardNumber('625350', 16, serial),
  platformCode,
  platformMessage,
});

/**
 * Test card numbers and codes (adapters/README.md): adding one under card management makes
 * QuickPass answer a row of its table, e.g. testCardNumber('625350', 16, 999_000_062) → 62 卡片锁定.
 */
export const QUICKPASS_TEST_TRIGGERS: readonly TestTrigger[] = [
  addCardTrigger(999_000_062, '62', '卡片锁定'),
  addCardTrigger(999_000_014, '14', '无效卡号'),
  addCardTrigger(999_000_096, '96', '系统异常'),
  addCardTrigger(999_000_032, '32', '商户不支持此交易'),
  { on: 'cards', field: 'smsCode', value: '000000', platformCode: 'SMS_ERROR', platformMessage: '短信验证码错误' },
];

export interface QuickPassSimulatorOptions {
  platformKey?: string;
  /** Other limits, for a test of a platform contract that differs from the documented one. */
  limits?: readonly PlatformLimit[];
}

/** What the bank holds for a card that QuickPass checks when it is added: the CVV2 printed on it. */
export interface EnrolledCard {
  cardNumber: string;
  cvv2: string;
}

export class QuickPassSimulator extends PlatformSimulatorBase {
  private readonly payments = new Map<string, { txnAmt: string; origCode: string }>();
  /** Cards whose CVV2 the simulated bank knows; a card it does not know is taken as the issuer confirmed it. */
  private readonly enrolled = new Map<string, string>();

  /** Makes the simulated bank hold a card's CVV2: adding or verifying the card compares it. */
  enrollCard(card: EnrolledCard): void {
    this.enrolled.set(card.cardNumber.replace(/\s/g, ''), card.cvv2);
  }

  /** The CVV2 check, in QuickPass's words (CVN2错误), before anything else about the card. */
  private cvv2Mismatch(body: Record<string, unknown>): SimulatorAnswer | undefined {
    const expected = this.enrolled.get(String(body.cardNo ?? '').replace(/\s/g, ''));
    return expected !== undefined && body.cvn2 !== expected ? this.errorAnswer('CVN2_ERROR', 'CVN2错误') : undefined;
  }

  constructor(clock: Clock, options: QuickPassSimulatorOptions = {}) {
    super(clock, {
      signingKey: options.platformKey ?? quickPassOptionSpec.platformKey.default,
      signatureHeader: QUICKPASS_SIGNATURE_HEADER,
      limits: options.limits ?? QUICKPASS_PLATFORM_LIMITS,
      triggers: QUICKPASS_TEST_TRIGGERS,
    });
  }

  /** Marks a payment as still processing at the issuer. */
  holdAsProcessing(requestId: string): void {
    const p = this.payments.get(requestId);
    if (p) p.origCode = '04';
  }

  protected errorAnswer(code: string, msg: string): SimulatorAnswer {
    return { status: 200, body: { resp: { code, msg }, data: null } };
  }

  private ok(data: Record<string, unknown>): SimulatorAnswer {
    return { status: 200, body: { resp: { code: '00', msg: '成功' }, data } };
  }

  protected handle(request: HttpRequest, body: Record<string, unknown>): SimulatorAnswer {
    const path = new URL(request.url).pathname.replace('/qp/v1', '');
    const requestId = String(body.requestId);
    if (path === '/verify') return this.once(`verify:${requestId}`, () => this.cvv2Mismatch(body) ?? this.ok({ step: body.step }));
    if (path === '/cards') {
      return this.once(`card:${requestId}`, () => {
        const refused = this.triggered('cards', body, request) ?? this.cvv2Mismatch(body);
        if (refused) return refused;
        const cardNo = String(body.cardNo);
        const token = `qp_${createHash('sha256')
          .update(`${String(body.userId)}|${cardNo}`)
          .digest('hex')
          .slice(0, 24)}`;
        return this.ok({ cardToken: token, last4: cardNo.slice(-4), issuer: '上海银行' });
      });
    }
    if (path === '/payments') {
      return this.once(`pay:${requestId}`, () => {
        const txnAmt = String(body.txnAmt);
        const subject = { accountRef: String(body.userId), cardRef: body.cardToken === undefined ? undefined : String(body.cardToken) };
        const breach = this.limitBreach(subject, toFen(txnAmt));
        if (breach) return this.errorAnswer('61', breach.window === 'PER_PAYMENT' ? '超出单笔金额限制' : '超出金额限制');
        this.ledger.record(subject, toFen(txnAmt));
        this.payments.set(requestId, { txnAmt, origCode: '00' });
        return this.ok({ requestId, txnAmt, traceNo: String(this.payments.size).padStart(6, '0') });
      });
    }
    if (path === '/payments/query') {
      const p = this.payments.get(requestId);
      return this.ok(p ? { requestId, origCode: p.origCode, txnAmt: p.txnAmt } : { requestId, found: false });
    }
    return this.errorAnswer('96', '系统异常');
  }
}
