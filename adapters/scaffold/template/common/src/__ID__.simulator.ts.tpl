/**
 * An in-process __ID__: its answer shapes, its limits, dedupe by request id, failures on
 * request. It is the platform as its documentation describes it: write its limits and its
 * answers here from that documentation, and never read them from the adapter's declaration
 * (the conformance suite checks both against __ID__.expectations.ts, so a simulator that
 * copied the declaration would hide the declaration's mistakes).
 */
import { toFen, yuan, type Clock, type HttpRequest } from '__SDK__';
import { PlatformSimulatorBase, type PlatformLimit, type SimulatorAnswer } from '__TESTKIT__';
import { __CONST___SIGNATURE_HEADER, __CAMEL__OptionSpec } from './__ID__.options';

/** The platform's own limits, from its documentation: replace them with the platform's figures. */
export const __CONST___PLATFORM_LIMITS: readonly PlatformLimit[] = [
  { id: '__ID__.per-payment', window: 'PER_PAYMENT', amountFen: yuan(1_000), scope: '__SCOPE__', timezone: 'Asia/Shanghai' },
  { id: '__ID__.daily', window: 'DAILY', amountFen: yuan(5_000), scope: '__SCOPE__', timezone: 'Asia/Shanghai' },
];

export interface __PASCAL__SimulatorOptions {
  platformKey?: string;
  /** Other limits, for a test of a platform contract that differs from the documented one. */
  limits?: readonly PlatformLimit[];
}

export class __PASCAL__Simulator extends PlatformSimulatorBase {
  private readonly payments = new Map<string, string>();

  constructor(clock: Clock, options: __PASCAL__SimulatorOptions = {}) {
    super(clock, {
      signingKey: options.platformKey ?? __CAMEL__OptionSpec.platformKey.default,
      signatureHeader: __CONST___SIGNATURE_HEADER,
      limits: options.limits ?? __CONST___PLATFORM_LIMITS,
    });
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
        // The platform's own words for a payment over the per-payment limit and for a used-up day.
        const breach = this.limitBreach(subject, toFen(amount));
        if (breach?.window === 'PER_PAYMENT') return this.errorAnswer('AMOUNT_OVER_LIMIT', '超出单笔限额');
        if (breach) return this.errorAnswer('LIMIT_EXCEEDED', '超出单日限额');
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
