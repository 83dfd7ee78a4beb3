/**
 * An in-process UnionPay gateway: respCode answers shaped like its recorded messages,
 * network limits per card in Beijing-time windows, dedupe by orderId, and the query that
 * confirms a money movement.
 */
import { parseOptions, toFen, type Clock, type HttpRequest } from '../../sdk/src';
import { PlatformSimulatorBase, type SimulatorAnswer } from '../../testkit/src/platform-simulator';
import { unionPayDeclaration } from './unionpay.adapter';
import { UNIONPAY_SIGNATURE_HEADER, unionPayOptionSpec, type UnionPayOptions } from './unionpay.options';

export class UnionPaySimulator extends PlatformSimulatorBase {
  private readonly transactions = new Map<string, { txnAmt: string; origRespCode: string }>();

  constructor(clock: Clock, options: Partial<UnionPayOptions> = {}) {
    const o = parseOptions('unionpay', unionPayOptionSpec, options);
    super(clock, { signingKey: o.platformKey, signatureHeader: UNIONPAY_SIGNATURE_HEADER, limits: unionPayDeclaration(o).limits });
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
      return this.once(`verify:${orderId}`, () => ({ status: 200, body: { version: '5.1.0', respCode: '00', respMsg: '成功[0000000]', orderId } }));
    }
    if (path === '/gateway/api/backTransReq.do') {
      return this.once(`consume:${orderId}`, () => {
        const txnAmt = String(body.txnAmt);
        const subject = { accountRef: String(body.reqReserved), cardRef: String(body.accNo) };
        if (!this.ledger.check(subject, toFen(txnAmt)).allowed) return this.errorAnswer('61', '超出金额限制', request);
        this.ledger.record(subject, toFen(txnAmt));
        this.transactions.set(orderId, { txnAmt, origRespCode: '00' });
        const queryId = `6${String(this.transactions.size).padStart(20, '0')}`;
        return { status: 200, body: { version: '5.1.0', respCode: '00', respMsg: '成功[0000000]', orderId, queryId, txnAmt, txnTime: body.txnTime } };
      });
    }
    if (path === '/gateway/api/queryTrans.do') {
      const t = this.transactions.get(orderId);
      if (!t) return { status: 200, body: { version: '5.1.0', respCode: '34', respMsg: '查无此交易', orderId } };
      return {
        status: 200,
        body: { version: '5.1.0', respCode: '00', respMsg: '成功', orderId, origRespCode: t.origRespCode, origRespMsg: t.origRespCode === '00' ? '成功' : '处理中', txnAmt: t.txnAmt },
      };
    }
    return this.errorAnswer('12', '无效交易', request);
  }
}
