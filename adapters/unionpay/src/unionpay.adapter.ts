/** UnionPay / Cloud QuickPass (银联云闪付) as the clearing network: routing and network limits per card. */
import {
  createAdapter,
  exchangeJson,
  parseOptions,
  resultFromPlatformCode,
  signedJsonRequest,
  type AdapterDeclaration,
  type PerformContext,
  type PlatformAdapter,
  type Clock,
} from '@cardweave/adapter-sdk';
import { unionPayErrors } from './unionpay.errors';
import { UNIONPAY_SIGNATURE_HEADER, unionPayOptionSpec, type UnionPayOptions } from './unionpay.options';
import { amountOf, readReply, toConsumeMessage, toQueryMessage, toStatusOutcome, toVerifyMessage, UNIONPAY } from './unionpay.transformers';

export function unionPayDeclaration(options: UnionPayOptions): AdapterDeclaration {
  return {
    manifest: {
      id: UNIONPAY,
      role: 'clearing',
      displayName: { 'zh-CN': '中国银联', en: 'UnionPay' },
      currencies: ['CNY'],
      cardNetworks: ['UNIONPAY'],
      binRanges: [
        { from: '62', to: '62', length: 16 },
        { from: '81', to: '81', length: 16 },
      ],
    },
    limits: [
      {
        id: 'unionpay.per-payment',
        window: 'PER_PAYMENT',
        amountFen: options.perPaymentLimitFen,
        scope: 'CARD',
        timezone: 'Asia/Shanghai',
        description: { 'zh-CN': '云闪付单笔限额', en: 'QuickPass per-payment limit' },
      },
      {
        id: 'unionpay.daily',
        window: 'DAILY',
        amountFen: options.dailyLimitFen,
        scope: 'CARD',
        timezone: 'Asia/Shanghai',
        description: { 'zh-CN': '银联单日限额', en: 'UnionPay daily limit' },
      },
      {
        id: 'unionpay.yearly',
        window: 'YEARLY',
        amountFen: options.yearlyLimitFen,
        scope: 'CARD',
        timezone: 'Asia/Shanghai',
        description: { 'zh-CN': '银联年度限额', en: 'UnionPay yearly limit' },
      },
    ],
    verification: {
      purpose: 'PAYMENT',
      steps: [
        {
          id: 'cvv2-sms',
          kind: 'CVV2',
          label: { 'zh-CN': 'CVV2 与短信验证码', en: 'CVV2 and SMS code' },
          fields: [
            { name: 'cvv2', kind: 'CVV2', label: { 'zh-CN': 'CVV2', en: 'CVV2' }, secret: true },
            { name: 'smsCode', kind: 'SMS_CODE', label: { 'zh-CN': '短信验证码', en: 'SMS code' }, secret: true },
          ],
        },
      ],
      // 1–2 minutes: the full card number is typed by hand.
      typicalDurationSeconds: { min: 60, max: 120 },
    },
    devices: [
      { os: 'IOS', nfc: { supported: true, minVersion: 'iPhone 6' }, qr: { supported: true } },
      { os: 'ANDROID', nfc: { supported: true, minVersion: '5.0' }, qr: { supported: true } },
      { os: 'WINDOWS', nfc: { supported: false }, qr: { supported: false } },
    ],
    errors: unionPayErrors,
    validation: { luhnForUnionPay: options.luhnForUnionPay },
  };
}

export function createUnionPayAdapter(rawOptions: Partial<UnionPayOptions> = {}): PlatformAdapter {
  const options = parseOptions(UNIONPAY, unionPayOptionSpec, rawOptions);
  const signature = { key: options.platformKey, header: UNIONPAY_SIGNATURE_HEADER };
  const call = (ctx: PerformContext, path: string, body: unknown) =>
    exchangeJson(UNIONPAY, ctx.http, signedJsonRequest('POST', `${options.baseUrl}${path}`, body, signature), signature);

  // The platform's stand-in outside production (npm start, tests), made with this adapter's key so
  // its answers' signatures check. Its module, and the testkit under it, load on first use only:
  // a production system never loads them.
  const simulator = (clock: Clock) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, never in production
    const { UnionPaySimulator } = require('./unionpay.simulator') as typeof import('./unionpay.simulator');
    return new UnionPaySimulator(clock, { platformKey: options.platformKey });
  };
  return createAdapter(
    { ...unionPayDeclaration(options), simulator },
    {
      async verifyStep(input, ctx) {
        const answer = await call(ctx, '/gateway/api/verify.do', toVerifyMessage(input, ctx.idempotencyKey));
        if (answer.kind === 'ANSWER_LOST') return { status: 'INDETERMINATE', reference: ctx.idempotencyKey, reason: answer.detail };
        const reply = readReply(answer.data);
        if (reply.respCode !== '00')
          return resultFromPlatformCode(UNIONPAY, unionPayErrors, 'verifyStep', reply.respCode, reply.respMsg, ctx.idempotencyKey);
        return { status: 'SUCCESS', value: { stepId: input.stepId, verified: true } };
      },

      async authorize(input, ctx) {
        const answer = await call(ctx, '/gateway/api/backTransReq.do', toConsumeMessage(input, ctx.idempotencyKey, ctx.clock.now()));
        // The network may have routed it: only a status query can tell.
        if (answer.kind === 'ANSWER_LOST') return { status: 'INDETERMINATE', reference: ctx.idempotencyKey, reason: answer.detail };
        const reply = readReply(answer.data);
        if (reply.respCode !== '00')
          return resultFromPlatformCode(UNIONPAY, unionPayErrors, 'authorize', reply.respCode, reply.respMsg, ctx.idempotencyKey);
        ctx.logger.info('unionpay consume accepted', { orderId: ctx.idempotencyKey });
        return {
          status: 'SUCCESS',
          value: { reference: ctx.idempotencyKey, amountFen: amountOf(reply.data), authorizedAt: ctx.clock.now().toISOString() },
        };
      },

      async queryStatus(input, ctx) {
        const answer = await call(ctx, '/gateway/api/queryTrans.do', toQueryMessage(input.reference));
        if (answer.kind === 'ANSWER_LOST') return { status: 'INDETERMINATE', reference: input.reference, reason: answer.detail };
        const reply = readReply(answer.data);
        if (reply.respCode === '34') return { status: 'SUCCESS', value: { reference: input.reference, state: 'NOT_FOUND' } };
        if (reply.respCode !== '00')
          return resultFromPlatformCode(UNIONPAY, unionPayErrors, 'queryStatus', reply.respCode, reply.respMsg, input.reference);
        const outcome = toStatusOutcome(input.reference, reply.data);
        return outcome === 'IN_PROGRESS'
          ? { status: 'PENDING', reference: input.reference, retryAfterSeconds: 5 }
          : { status: 'SUCCESS', value: outcome };
      },
    },
  );
}

export const unionPayAdapter = createUnionPayAdapter();
