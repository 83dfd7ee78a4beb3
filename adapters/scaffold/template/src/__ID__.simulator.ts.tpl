/** An in-process __ID__: its answer shapes, its limits, dedupe by request id, failures on request. */
import { parseOptions, toFen, type Clock, type HttpRequest } from '__SDK__';
import { PlatformSimulatorBase, type SimulatorAnswer } from '__TESTKIT__';
import { __CAMEL__Declaration } from './__ID__.adapter';
import { __CONST___SIGNATURE_HEADER, __CAMEL__OptionSpec, type __PASCAL__Options } from './__ID__.options';

export class __PASCAL__Simulator extends PlatformSimulatorBase {
  private readonly payments = new Map<string, string>();

  constructor(clock: Clock, options: Partial<__PASCAL__Options> = {}) {
    const o = parseOptions('__ID__', __CAMEL__OptionSpec, options);
    super(clock, { signingKey: o.platformKey, signatureHeader: __CONST___SIGNATURE_HEADER, limits: __CAMEL__Declaration(o).limits });
  }

  protected errorAnswer(code: string, message: string): SimulatorAnswer {
    return { status: 200, body: { code, message, data: null } };
  }

  protected handle(request: HttpRequest, body: Record<string, unknown>): SimulatorAnswer {
    const path = new URL(request.url).pathname;
    const requestId = String(body.requestId);
    if (path === '/verify') return this.once(`verify:${requestId}`, () => ({ status: 200, body: { code: 'OK', message: '成功', data: {} } }));
    if (path === '/payments') {
      return this.once(`pay:${requestId}`, () => {
        const amount = String(body.amount);
        const subject = { accountRef: String(body.account), cardRef: body.card === undefined ? undefined : String(body.card) };
        if (!this.ledger.check(subject, toFen(amount)).allowed) return this.errorAnswer('LIMIT_EXCEEDED', '超出限额');
        this.ledger.record(subject, toFen(amount));
        this.payments.set(requestId, amount);
        return { status: 200, body: { code: 'OK', message: '成功', data: { amount } } };
      });
    }
    if (path === '/payments/query') {
      const amount = this.payments.get(requestId);
      return { status: 200, body: { code: 'OK', message: '成功', data: amount ? { state: 'SUCCEEDED', amount } : { state: 'NOT_FOUND' } } };
    }
    return this.errorAnswer('SYSTEM_BUSY', '系统繁忙');
  }
}
