/**
 * An in-process UnionPay gateway: respCode answers shaped like its recorded messages,
 * network limits per card in Beijing-time windows, dedupe by orderId, and the query that
 * confirms a money movement.
 *
 * Its limits are UnionPay's as PLATFORMS.md §1 and §4 document them, written here, never
 * read from the adapter's declaration.
 */
import { toFen, yuan, type Clock, type HttpRequest } from '@cardweave/adapter-sdk';
import type { PlatformLimit, SimulatorAnswer } from '@cardweave/adapter-testkit';
import { PlatformSimulatorBase } from '@cardweave/adapter-testkit';
import { UNIONPAY_SIGNATURE_HEADER, unionPayOptionSpec } from './unionpay.options';

/** The network's own limits per card: 1,000 CNY a payment (QuickPass), 5,000 CNY a day, 500,000 CNY a year (Beijing time). */
export const UNIONPAY_PLATFORM_LIMITS: readonly PlatformLimit[] = [
  { id: 'unionpay.per-payment', window: 'PER_PAYMENT', amountFen: yuan(1_000), scope: 'CARD', timezone: 'Asia/Shanghai' },
  { id: 'unionpay.daily', window: 'DAILY', amountFen: yuan(5_000), scope: 'CARD', timezone: 'Asia/Shanghai' },
  { id: 'unionpay.yearly', window: 'YEARLY', amountFen: yuan(500_000), scope: 'CARD', timezone: 'Asia/Shanghai' },
];

export interface UnionPaySimulatorOptions {
  platformKey?: string;
  /** Other limits, for a test of a network contract that differs from the documented one. */
  limits?: readonly PlatformLimit[];
}

export class UnionPaySimulator extends PlatformSimulatorBase {
  private readonly transactions = new Map<string, { txnAmt: string; origRespCode: string }>();

  constructor(clock: Clock, options: UnionPaySimulatorOptions = {}) {
    super(clock, {
      signingKey: options.platformKey ?? unionPayOptionSpec.platformKey.default,
      signatureHeader: UNIONPAY_SIGNATURE_HEADER,
      limits: options.limits ?? UNIONPAY_PLATFORM_LIMITS,
    });
  }

  /** Marks a routed transaction as still processing at the issuer, as a query would then report. */
  holdAsProcessing(orderId: string): void {
    const t = this.transactions.get(orderId);
    if (t) t.origRespCode = '05';
  }

  protected errorAnswer(code: string, message: string, request: HttpRequest): SimulatorAnswer {
    const body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
    return { status: 200, body: { version: '5.1.0', respCode: code, respMsg: message, orderId: body.orderId } };
  }

  protected handle(request: HttpRequest, body: Record<string, unknown>): SimulatorAnswer {
    const path = new URL(request.url).pathname;
    const orderId = String(body.orderId);
    if (path === '/gateway/api/verify.do') {
      return this.once(`verify:${orderId}`, () => ({
        status: 200,
        body: { version: '5.1.0', respCode: '00', respMsg: '成功[0000000]', orderId },
      }));
    }
    if (path === '/gateway/api/backTransReq.do') {
      return this.once(`consume:${orderId}`, () => {
        const txnAmt = String(body.txnAmt);
        const subject = { accountRef: String(body.reqReserved), cardRef: String(body.accNo) };
        const breach = this.limitBreach(subject, toFen(txnAmt));
        if (breach) return this.errorAnswer('61', breach.window === 'PER_PAYMENT' ? '超出单笔金额限制' : '超出金额限制', request);
        this.ledger.record(subject, toFen(txnAmt));
        this.transactions.set(orderId, { txnAmt, origRespCode: '00' });
        const queryId = `6${String(this.transactions.size).padStart(20, '0')}`;
        return {
          status: 200,
          body: { version: '5.1.0', respCode: '00', respMsg: '成功[0000000]', orderId, queryId, txnAmt, txnTime: body.txnTime },
        };
      });
    }
    if (path === '/gateway/api/queryTrans.do') {
      const t = this.transactions.get(orderId);
      if (!t) return { status: 200, body: { version: '5.1.0', respCode: '34', respMsg: '查无此交易', orderId } };
      return {
        status: 200,
        body: {
          version: '5.1.0',
          respCode: '00',
          respMsg: '成功',
          orderId,
          origRespCode: t.origRespCode,
          origRespMsg: t.origRespCode === '00' ? '成功' : '处理中',
          txnAmt: t.txnAmt,
        },
      };
    }
    return this.errorAnswer('12', '无效交易', request);
  }
}
