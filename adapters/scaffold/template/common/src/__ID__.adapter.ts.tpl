/** __ID__ as a __ROLE__ adapter. Replace the declared figures with the platform's, keeping each one's source in a comment. */
import {
  createAdapter,
  exchangeJson,
  parseOptions,
  resultFromPlatformCode,
  signedJsonRequest,
  yuan,
  type AdapterDeclaration,
  type Clock,
  type OperationName,
  type OperationResult,
  type PerformContext,
  type PlatformAdapter,
} from '__SDK__';
import { __CAMEL__Errors } from './__ID__.errors';
import { __CONST___SIGNATURE_HEADER, __CAMEL__OptionSpec, type __PASCAL__Options } from './__ID__.options';
import { __CONST__, amountOf, readReply, toPaymentBody, toStatusOutcome, toVerifyBody, type Reply } from './__ID__.transformers';

export function __CAMEL__Declaration(options: __PASCAL__Options): AdapterDeclaration {
  return {
    manifest: {
      id: __CONST__,
      role: '__ROLE__',
      displayName: { 'zh-CN': '__ID__', en: '__ID__' },
      currencies: ['CNY'],
      cardNetworks: ['UNIONPAY'],
      binRanges: [],
    },
    limits: [
      {
        id: '__ID__.per-payment',
        window: 'PER_PAYMENT',
        amountFen: options.perPaymentLimitFen,
        scope: '__SCOPE__',
        timezone: 'Asia/Shanghai',
        description: { 'zh-CN': '单笔限额', en: 'Per-payment limit' },
      },
      {
        id: '__ID__.daily',
        window: 'DAILY',
        amountFen: options.dailyLimitFen,
        scope: '__SCOPE__',
        timezone: 'Asia/Shanghai',
        description: { 'zh-CN': '单日限额', en: 'Daily limit' },
      },
    ],
    verification: {
      purpose: '__PURPOSE__',
      steps: [
        {
          id: 'sms',
          kind: 'SMS_CODE',
          label: { 'zh-CN': '短信验证码', en: 'SMS code' },
          fields: [{ name: 'smsCode', kind: 'SMS_CODE', label: { 'zh-CN': '验证码', en: 'Code' }, secret: true }],
        },
      ],
      typicalDurationSeconds: { min: 30, max: 120 },
    },
    eligibility: {
      minRealNameLevel: 2,
      minAge: 18,
      requireNoOverdueDebt: false,
      requireAccountNotFrozen: true,
      requireWalletActive: false,
    },
    devices: [
      { os: 'IOS', nfc: { supported: false }, qr: { supported: true } },
      { os: 'ANDROID', nfc: { supported: false }, qr: { supported: true } },
      { os: 'WINDOWS', nfc: { supported: false }, qr: { supported: false } },
    ],
    errors: __CAMEL__Errors,
    validation: { luhnForUnionPay: options.luhnForUnionPay },/*__ISSUER_TERMS__*/
  };
}

export function create__PASCAL__Adapter(rawOptions: Partial<__PASCAL__Options> = {}): PlatformAdapter {
  const options = parseOptions(__CONST__, __CAMEL__OptionSpec, rawOptions);
  const signature = { key: options.platformKey, header: __CONST___SIGNATURE_HEADER };

  async function post<T>(ctx: PerformContext, flow: OperationName, path: string, body: unknown, reference: string, onOk: (r: Reply) => OperationResult<T>) {
    const answer = await exchangeJson(__CONST__, ctx.http, signedJsonRequest('POST', `${options.baseUrl}${path}`, body, signature), signature);
    if (answer.kind === 'ANSWER_LOST') return { status: 'INDETERMINATE', reference, reason: answer.detail } as const;
    const reply = readReply(answer.data);
    if (reply.code !== 'OK') return resultFromPlatformCode<T>(__CONST__, __CAMEL__Errors, flow, reply.code, reply.message, reference);
    return onOk(reply);
  }

  // The platform's stand-in outside production (npm start, tests), made with this adapter's key so
  // its answers' signatures check. Its module, and the testkit under it, load on first use only:
  // a production system never loads them.
  const simulator = (clock: Clock) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, never in production
    const { __PASCAL__Simulator } = require('./__ID__.simulator') as typeof import('./__ID__.simulator');
    return new __PASCAL__Simulator(clock, { platformKey: options.platformKey });
  };
  return createAdapter({ ...__CAMEL__Declaration(options), simulator }, {
    verifyStep: (input, ctx) =>
      post(ctx, 'verifyStep', '/verify', toVerifyBody(input, ctx.idempotencyKey), ctx.idempotencyKey, () => ({
        status: 'SUCCESS',
        value: { stepId: input.stepId, verified: true },
      })),
    authorize: (input, ctx) =>
      post(ctx, 'authorize', '/payments', toPaymentBody(input, ctx.idempotencyKey), ctx.idempotencyKey, (r) => ({
        status: 'SUCCESS',
        value: { reference: ctx.idempotencyKey, amountFen: amountOf(r.data), authorizedAt: ctx.clock.now().toISOString() },
      })),
    async queryStatus(input, ctx) {
      const result = await post(ctx, 'queryStatus', '/payments/query', { requestId: input.reference }, input.reference, (r) => {
        if (r.data.state === 'NOT_FOUND') return { status: 'SUCCESS', value: { reference: input.reference, state: 'NOT_FOUND' as const } };
        const outcome = toStatusOutcome(input.reference, r.data);
        return outcome === 'IN_PROGRESS' ? { status: 'PENDING', reference: input.reference } : { status: 'SUCCESS', value: outcome };
      });
      return result;
    },
  });
}

export const __CAMEL__Adapter = create__PASCAL__Adapter();

// Keeps `yuan` in use for figures written in CNY when you add them.
void yuan;
