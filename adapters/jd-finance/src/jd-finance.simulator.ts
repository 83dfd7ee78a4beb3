/**
 * An in-process JD Finance: Baitiao credit per customer (the issuer's only spending
 * bound), overdue and frozen accounts, repayments, and the `{resultCode, resultMsg, data}`
 * envelope of its answers. Its figures are JD Finance's own (PLATFORMS.md §4), never read
 * from the adapter's declaration or options.
 */
import { randomInt } from 'node:crypto';
import { toFen, yuan, type Clock, type Fen, type HttpRequest } from '@cardweave/adapter-sdk';
import { PlatformSimulatorBase, type SimulatorAnswer, type TestTrigger } from '@cardweave/adapter-testkit';
import { JD_SIGNATURE_HEADER, jdFinanceOptionSpec } from './jd-finance.options';

/** A new customer's Baitiao credit line: the most JD Finance grants, 50,000 CNY (PLATFORMS.md §4). */
export const JD_DEFAULT_CREDIT_LINE_FEN: Fen = yuan(50_000);

/** Test values (adapters/README.md): a verification step carrying one makes JD Finance answer a row of its table. */
export const JD_FINANCE_TEST_TRIGGERS: readonly TestTrigger[] = [
  { on: 'verify', field: 'smsCode', value: '000005', platformCode: 'BANK_VERIFY_FAILED', platformMessage: '银行验证失败' },
  { on: 'verify', field: 'smsCode', value: '000096', platformCode: 'SYSTEM_BUSY', platformMessage: '系统繁忙' },
  { on: 'verify', field: 'smsCode', value: '000001', platformCode: 'SMS_CODE_ERROR', platformMessage: '短信验证码错误' },
  { on: 'verify', field: 'faceToken', value: 'face-not-matched', platformCode: 'FACE_NOT_MATCHED', platformMessage: '人脸识别未通过' },
];

/** The SMS test codes: the simulator answers them by themselves, so it never texts one. */
const TEST_SMS_CODES = new Set(JD_FINANCE_TEST_TRIGGERS.filter((t) => t.field === 'smsCode').map((t) => t.value));

/** A random six-digit code, never one of the test codes (which would fail the customer who typed it right). */
export function textedSmsCode(random: (min: number, max: number) => number = randomInt): string {
  for (;;) {
    const code = String(random(0, 1_000_000)).padStart(6, '0');
    if (!TEST_SMS_CODES.has(code)) return code;
  }
}

export interface JdFinanceSimulatorOptions {
  platformKey?: string;
  /** The credit line a customer the test has not seeded starts with. */
  creditLineFen?: Fen;
}

interface Account {
  creditLineFen: Fen;
  usedFen: Fen;
  overdue: boolean;
  frozen: boolean;
}

export class JdFinanceSimulator extends PlatformSimulatorBase {
  private readonly accounts = new Map<string, Account>();
  private readonly requests = new Map<string, { amount: string; status: string }>();
  /** The last SMS code texted to each customer, the one a verification must then carry. */
  private readonly smsCodes = new Map<string, string>();
  private readonly defaultLine: Fen;

  constructor(clock: Clock, options: JdFinanceSimulatorOptions = {}) {
    super(clock, {
      signingKey: options.platformKey ?? jdFinanceOptionSpec.platformKey.default,
      signatureHeader: JD_SIGNATURE_HEADER,
      limits: [],
      triggers: JD_FINANCE_TEST_TRIGGERS,
    });
    this.defaultLine = options.creditLineFen ?? JD_DEFAULT_CREDIT_LINE_FEN;
  }

  /** Sets a customer's state, as if recorded from a real account. */
  seedAccount(customerRef: string, state: Partial<Account>): void {
    this.accounts.set(customerRef, { ...this.account(customerRef), ...state });
  }

  /**
   * Test hook (adapters/README.md): the code this JD Finance last texted to a customer, as the
   * customer's phone would show it. Nothing in Cardweave ever sees it; a test reads it here.
   */
  sentSmsCode(customerRef: string): string | undefined {
    return this.smsCodes.get(customerRef);
  }

  private account(ref: string): Account {
    let a = this.accounts.get(ref);
    if (!a) {
      a = { creditLineFen: this.defaultLine, usedFen: 0n, overdue: false, frozen: false };
      this.accounts.set(ref, a);
    }
    return a;
  }

  protected errorAnswer(code: string, message: string): SimulatorAnswer {
    return { status: 200, body: { resultCode: code, resultMsg: message, data: null } };
  }

  private ok(data: Record<string, unknown>): SimulatorAnswer {
    return { status: 200, body: { resultCode: '0000', resultMsg: '成功', data } };
  }

  protected handle(request: HttpRequest, body: Record<string, unknown>): SimulatorAnswer {
    const path = new URL(request.url).pathname.replace('/baitiao/shanfu', '');
    const requestNo = String(body.requestNo);
    if (path === '/sms/send') {
      return this.once(`sms:${requestNo}`, () => {
        // A new code replaces the last one, which no longer passes.
        this.smsCodes.set(String(body.customerRef), textedSmsCode());
        return this.ok({ step: body.step, sent: true });
      });
    }
    if (path === '/verify') {
      return this.once(`verify:${requestNo}`, () => {
        const payload = (body.payload ?? {}) as Record<string, unknown>;
        const triggered = this.triggered('verify', payload, request);
        if (triggered) return triggered;
        // Once a code was texted, only that code passes (and only once). With none texted, any
        // well-formed code passes, as for a code delivered outside this simulator.
        const sent = this.smsCodes.get(String(body.customerRef));
        if (payload.smsCode !== undefined && sent !== undefined) {
          if (payload.smsCode !== sent) return this.errorAnswer('SMS_CODE_ERROR', '短信验证码错误');
          this.smsCodes.delete(String(body.customerRef));
        }
        return this.ok({ step: body.step, passed: true });
      });
    }
    if (path === '/query') {
      const r = this.requests.get(requestNo);
      return r ? this.ok({ requestNo, status: r.status, amount: r.amount }) : this.errorAnswer('ORDER_NOT_FOUND', '订单不存在');
    }
    if (path === '/authorize' || path === '/repay') {
      return this.once(`${path}:${requestNo}`, () => {
        const account = this.account(String(body.customerRef));
        const amount = toFen(String(body.amount));
        if (account.frozen) return this.errorAnswer('ACCOUNT_FROZEN', '账户已冻结');
        if (path === '/authorize') {
          if (account.overdue) return this.errorAnswer('ACCOUNT_OVERDUE', '存在逾期未还款');
          if (account.usedFen + amount > account.creditLineFen) return this.errorAnswer('CREDIT_NOT_ENOUGH', '白条可用额度不足');
          account.usedFen += amount;
        } else {
          if (amount > account.usedFen) return this.errorAnswer('REPAY_AMOUNT_EXCEEDS', '还款金额超过应还金额');
          account.usedFen -= amount;
        }
        this.requests.set(requestNo, { amount: amount.toString(), status: 'SUCCESS' });
        return this.ok({ requestNo, amount: amount.toString(), availableCredit: (account.creditLineFen - account.usedFen).toString() });
      });
    }
    return this.errorAnswer('SYSTEM_BUSY', '系统繁忙');
  }
}
