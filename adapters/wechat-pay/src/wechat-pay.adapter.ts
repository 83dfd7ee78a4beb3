/** WeChat Pay (微信支付) as a wallet: four-element binding, wallet limits per account. */
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
import { wechatPayErrors } from './wechat-pay.errors';
import { WECHAT_SIGNATURE_HEADER, wechatPayOptionSpec, type WechatPayOptions } from './wechat-pay.options';
import { fromBindData, fromPayData, readAnswer, toBindBody, toPayBody, toStatusOutcome, WECHAT_PAY } from './wechat-pay.transformers';

export function wechatPayDeclaration(options: WechatPayOptions): AdapterDeclaration {
  return {
    manifest: {
      id: WECHAT_PAY,
      role: 'wallet',
      displayName: { 'zh-CN': '微信支付', en: 'WeChat Pay' },
      currencies: ['CNY'],
      cardNetworks: ['UNIONPAY', 'VISA', 'MASTERCARD'],
      binRanges: [],
    },
    limits: [
      {
        id: 'wechat-pay.per-payment',
        window: 'PER_PAYMENT',
        amountFen: options.perPaymentLimitFen,
        scope: 'WALLET_ACCOUNT',
        timezone: 'Asia/Shanghai',
        description: { 'zh-CN': '微信支付单笔限额', en: 'WeChat Pay per-payment limit' },
      },
      {
        id: 'wechat-pay.yearly',
        window: 'YEARLY',
        amountFen: options.yearlyLimitFen,
        scope: 'WALLET_ACCOUNT',
        timezone: 'Asia/Shanghai',
        description: { 'zh-CN': '微信支付年度限额（每个钱包账户）', en: 'WeChat Pay yearly limit per wallet account' },
      },
    ],
    verification: {
      purpose: 'BINDING',
      steps: [
        {
          id: 'four-elements',
          kind: 'FOUR_ELEMENTS',
          label: { 'zh-CN': '银行卡四要素验证', en: 'Bank card four-element check' },
          fields: [
            { name: 'name', kind: 'NAME', label: { 'zh-CN': '姓名', en: 'Name' }, secret: false },
            { name: 'residentId', kind: 'RESIDENT_ID', label: { 'zh-CN': '身份证号', en: 'Resident ID number' }, secret: true },
            { name: 'mobile', kind: 'MOBILE', label: { 'zh-CN': '手机号', en: 'Mobile number' }, secret: true },
            { name: 'cardNumber', kind: 'CARD_NUMBER', label: { 'zh-CN': '卡号', en: 'Card number' }, secret: true },
          ],
        },
      ],
      // 2–3 minutes, manual entry included when auto-matching fails.
      typicalDurationSeconds: { min: 120, max: 180 },
    },
    eligibility: {
      minRealNameLevel: 2,
      minAge: 18,
      requireNoOverdueDebt: false,
      requireAccountNotFrozen: false,
      requireWalletActive: true,
    },
    devices: [
      { os: 'IOS', nfc: { supported: false }, qr: { supported: true, note: { 'zh-CN': '需要相机权限', en: 'Needs camera permission' } } },
      { os: 'ANDROID', nfc: { supported: false }, qr: { supported: true } },
      {
        os: 'WINDOWS',
        nfc: { supported: false },
        qr: { supported: false, note: { 'zh-CN': '仅网页支付', en: 'Web payments only' } },
        web: { supported: true },
      },
    ],
    errors: wechatPayErrors,
    validation: { luhnForUnionPay: options.luhnForUnionPay },
  };
}

export function createWechatPayAdapter(rawOptions: Partial<WechatPayOptions> = {}): PlatformAdapter {
  const options = parseOptions(WECHAT_PAY, wechatPayOptionSpec, rawOptions);
  const signature = { key: options.platformKey, header: WECHAT_SIGNATURE_HEADER };
  const call = (ctx: PerformContext, method: 'GET' | 'POST', path: string, body?: unknown) =>
    exchangeJson(WECHAT_PAY, ctx.http, signedJsonRequest(method, `${options.baseUrl}${path}`, body, signature), signature);

  // The platform's stand-in outside production (npm start, tests), made with this adapter's key so
  // its answers' signatures check. Its module, and the testkit under it, load on first use only:
  // a production system never loads them.
  const simulator = (clock: Clock) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, never in production
    const { WechatPaySimulator } = require('./wechat-pay.simulator') as typeof import('./wechat-pay.simulator');
    return new WechatPaySimulator(clock, { platformKey: options.platformKey });
  };
  return createAdapter(
    { ...wechatPayDeclaration(options), simulator },
    {
      async bind(input, ctx) {
        const answer = await call(ctx, 'POST', '/v3/cardweave/bank-cards', toBindBody(input, ctx.idempotencyKey));
        if (answer.kind === 'ANSWER_LOST') return { status: 'INDETERMINATE', reference: ctx.idempotencyKey, reason: answer.detail };
        const reply = readAnswer(answer.status, answer.headers, answer.data);
        if (!reply.ok)
          return resultFromPlatformCode(
            WECHAT_PAY,
            wechatPayErrors,
            'bind',
            reply.code,
            reply.message,
            ctx.idempotencyKey,
            reply.retryAfterSeconds,
          );
        return { status: 'SUCCESS', value: fromBindData(reply.data, input.fields.cardNumber) };
      },

      async authorize(input, ctx) {
        const answer = await call(ctx, 'POST', '/v3/pay/transactions/card', toPayBody(input, ctx.idempotencyKey));
        if (answer.kind === 'ANSWER_LOST') return { status: 'INDETERMINATE', reference: ctx.idempotencyKey, reason: answer.detail };
        const reply = readAnswer(answer.status, answer.headers, answer.data);
        if (!reply.ok)
          return resultFromPlatformCode(
            WECHAT_PAY,
            wechatPayErrors,
            'authorize',
            reply.code,
            reply.message,
            ctx.idempotencyKey,
            reply.retryAfterSeconds,
          );
        const paid = fromPayData(reply.data);
        if (paid.tradeState !== 'SUCCESS') {
          return resultFromPlatformCode(WECHAT_PAY, wechatPayErrors, 'authorize', paid.tradeState, paid.tradeState, paid.reference);
        }
        ctx.logger.info('wechat-pay payment authorized', { reference: paid.reference });
        return {
          status: 'SUCCESS',
          value: { reference: paid.reference, amountFen: paid.amountFen, authorizedAt: ctx.clock.now().toISOString() },
        };
      },

      async queryStatus(input, ctx) {
        const answer = await call(ctx, 'GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(input.reference)}`);
        if (answer.kind === 'ANSWER_LOST') return { status: 'INDETERMINATE', reference: input.reference, reason: answer.detail };
        const reply = readAnswer(answer.status, answer.headers, answer.data);
        if (!reply.ok) {
          if (reply.code === 'ORDER_NOT_EXIST') return { status: 'SUCCESS', value: { reference: input.reference, state: 'NOT_FOUND' } };
          return resultFromPlatformCode(
            WECHAT_PAY,
            wechatPayErrors,
            'queryStatus',
            reply.code,
            reply.message,
            input.reference,
            reply.retryAfterSeconds,
          );
        }
        const outcome = toStatusOutcome(reply.data);
        return outcome === 'IN_PROGRESS'
          ? { status: 'PENDING', reference: input.reference, retryAfterSeconds: 5 }
          : { status: 'SUCCESS', value: outcome };
      },
    },
  );
}

/** The adapter with its documented defaults, as configuration loads it without options. */
export const wechatPayAdapter = createWechatPayAdapter();
