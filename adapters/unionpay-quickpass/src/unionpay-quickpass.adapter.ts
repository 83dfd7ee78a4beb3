/**
 * UnionPay Cloud QuickPass (银联云闪付) as a wallet: a card is added under card management
 * (2 menu levels) with CVV2 + SMS code, then pays up to 1,000 CNY a payment and 5,000 a day.
 * Built only through the public SDK contract and loaded by configuration.
 */
import {
  createAdapter,
  exchangeJson,
  parseOptions,
  resultFromPlatformCode,
  signedJsonRequest,
  type AdapterDeclaration,
  type OperationName,
  type OperationResult,
  type PerformContext,
  type PlatformAdapter,
  type Clock,
} from '@cardweave/adapter-sdk';
import { quickPassErrors } from './unionpay-quickpass.errors';
import { QUICKPASS_SIGNATURE_HEADER, quickPassOptionSpec, type QuickPassOptions } from './unionpay-quickpass.options';
import {
  amountOf,
  QUICKPASS,
  QUICKPASS_OK,
  readReply,
  toAddCardBody,
  toBindOutcome,
  toPaymentBody,
  toStatusOutcome,
  toVerifyBody,
  type QuickPassReply,
} from './unionpay-quickpass.transformers';

export function quickPassDeclaration(options: QuickPassOptions): AdapterDeclaration {
  return {
    manifest: {
      id: QUICKPASS,
      role: 'wallet',
      displayName: { 'zh-CN': '云闪付', en: 'UnionPay QuickPass' },
      currencies: ['CNY'],
      cardNetworks: ['UNIONPAY'],
      binRanges: [
        { from: '62', to: '62', length: 16 },
        { from: '81', to: '81', length: 16 },
      ],
    },
    limits: [
      {
        id: 'unionpay-quickpass.per-payment',
        window: 'PER_PAYMENT',
        amountFen: options.perPaymentLimitFen,
        scope: 'WALLET_ACCOUNT',
        timezone: 'Asia/Shanghai',
        description: { 'zh-CN': '云闪付单笔限额', en: 'QuickPass per-payment limit' },
      },
      {
        id: 'unionpay-quickpass.daily',
        window: 'DAILY',
        amountFen: options.dailyLimitFen,
        scope: 'WALLET_ACCOUNT',
        timezone: 'Asia/Shanghai',
        description: { 'zh-CN': '云闪付单日限额', en: 'QuickPass daily limit' },
      },
    ],
    verification: {
      purpose: 'BINDING',
      steps: [
        {
          id: 'card-cvv2',
          kind: 'CVV2',
          label: { 'zh-CN': '卡号与 CVV2', en: 'Card number and CVV2' },
          fields: [
            { name: 'cardNumber', kind: 'CARD_NUMBER', label: { 'zh-CN': '卡号', en: 'Card number' }, secret: true },
            { name: 'cvv2', kind: 'CVV2', label: { 'zh-CN': 'CVV2', en: 'CVV2' }, secret: true },
          ],
        },
        {
          id: 'sms',
          kind: 'SMS_CODE',
          label: { 'zh-CN': '短信验证码', en: 'SMS code' },
          fields: [{ name: 'smsCode', kind: 'SMS_CODE', label: { 'zh-CN': '短信验证码', en: 'SMS code' }, secret: true }],
        },
      ],
      // 1–2 minutes: the full card number is typed by hand.
      typicalDurationSeconds: { min: 60, max: 120 },
    },
    // Assumption: the source gives no QuickPass eligibility column; a real-name wallet for adults.
    eligibility: {
      minRealNameLevel: 2,
      minAge: 18,
      requireNoOverdueDebt: false,
      requireAccountNotFrozen: false,
      requireWalletActive: true,
    },
    devices: [
      {
        os: 'IOS',
        nfc: { supported: true, minVersion: 'iPhone 6' },
        qr: { supported: true, note: { 'zh-CN': '需要相机权限', en: 'Needs camera permission' } },
      },
      { os: 'ANDROID', nfc: { supported: true, minVersion: '5.0' }, qr: { supported: true } },
      {
        os: 'WINDOWS',
        nfc: { supported: false },
        qr: { supported: false, note: { 'zh-CN': '仅网页支付', en: 'Web payments only' } },
        web: { supported: true },
      },
    ],
    errors: quickPassErrors,
    validation: { luhnForUnionPay: options.luhnForUnionPay },
  };
}

export function createQuickPassAdapter(rawOptions: Partial<QuickPassOptions> = {}): PlatformAdapter {
  const options = parseOptions(QUICKPASS, quickPassOptionSpec, rawOptions);
  const declaration = quickPassDeclaration(options);
  const signature = { key: options.platformKey, header: QUICKPASS_SIGNATURE_HEADER };

  async function post<T>(
    ctx: PerformContext,
    flow: OperationName,
    path: string,
    body: unknown,
    reference: string,
    onOk: (reply: QuickPassReply) => OperationResult<T>,
  ): Promise<OperationResult<T>> {
    const request = signedJsonRequest('POST', `${options.baseUrl}/qp/v1${path}`, body, signature);
    const answer = await exchangeJson(QUICKPASS, ctx.http, request, signature);
    if (answer.kind === 'ANSWER_LOST') return { status: 'INDETERMINATE', reference, reason: answer.detail };
    const reply = readReply(answer.data);
    if (reply.code !== QUICKPASS_OK) return resultFromPlatformCode(QUICKPASS, quickPassErrors, flow, reply.code, reply.msg, reference);
    return onOk(reply);
  }

  // The platform's stand-in outside production (npm start, tests), made with this adapter's key so
  // its answers' signatures check. Its module, and the testkit under it, load on first use only:
  // a production system never loads them.
  const simulator = (clock: Clock) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, never in production
    const { QuickPassSimulator } = require('./unionpay-quickpass.simulator') as typeof import('./unionpay-quickpass.simulator');
    return new QuickPassSimulator(clock, { platformKey: options.platformKey });
  };
  return createAdapter(
    { ...declaration, simulator },
    {
      verifyStep: (input, ctx) =>
        post(ctx, 'verifyStep', '/verify', toVerifyBody(input, ctx.idempotencyKey), ctx.idempotencyKey, () => {
          const steps = declaration.verification.steps;
          const next = steps[steps.findIndex((s) => s.id === input.stepId) + 1];
          return {
            status: 'SUCCESS',
            value: next ? { stepId: input.stepId, verified: true, nextStepId: next.id } : { stepId: input.stepId, verified: true },
          };
        }),

      bind: (input, ctx) =>
        post(ctx, 'bind', '/cards', toAddCardBody(input, ctx.idempotencyKey), ctx.idempotencyKey, (r) => ({
          status: 'SUCCESS',
          value: toBindOutcome(r.data, input.fields.cardNumber),
        })),

      authorize: (input, ctx) =>
        post(ctx, 'authorize', '/payments', toPaymentBody(input, ctx.idempotencyKey), ctx.idempotencyKey, (r) => ({
          status: 'SUCCESS',
          value: { reference: ctx.idempotencyKey, amountFen: amountOf(r.data), authorizedAt: ctx.clock.now().toISOString() },
        })),

      queryStatus: (input, ctx) =>
        post(ctx, 'queryStatus', '/payments/query', { requestId: input.reference }, input.reference, (r) => {
          if (r.data.origCode === undefined && r.data.found === false)
            return { status: 'SUCCESS', value: { reference: input.reference, state: 'NOT_FOUND' } };
          const outcome = toStatusOutcome(input.reference, r.data);
          return outcome === 'IN_PROGRESS'
            ? { status: 'PENDING', reference: input.reference, retryAfterSeconds: 5 }
            : { status: 'SUCCESS', value: outcome };
        }),
    },
  );
}

export const quickPassAdapter = createQuickPassAdapter();
