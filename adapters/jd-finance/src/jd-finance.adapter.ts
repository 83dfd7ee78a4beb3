/**
 * JD Finance (京东金融) as the issuer of the Baitiao Shanfu virtual card, issued with
 * Bank of Shanghai. Figures from PLATFORMS.md; values the source leaves vague are
 * options with documented defaults (jd-finance.options.ts).
 */
import {
  createAdapter,
  DEFAULT_ONE_TIME_CODE_POLICY,
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
import { jdFinanceCreditPolicy } from './jd-finance.credit-policy';
import { jdFinanceErrors } from './jd-finance.errors';
import { JD_SIGNATURE_HEADER, jdFinanceOptionSpec, type JdFinanceOptions } from './jd-finance.options';
import {
  fenField,
  JD_FINANCE,
  JD_SUCCESS,
  readEnvelope,
  toAuthorizeBody,
  toRepayBody,
  toSendCodeBody,
  toStatusOutcome,
  toVerifyBody,
  type JdEnvelope,
} from './jd-finance.transformers';

export function jdFinanceDeclaration(options: JdFinanceOptions): AdapterDeclaration {
  return {
    manifest: {
      id: JD_FINANCE,
      role: 'issuer',
      displayName: { 'zh-CN': '京东金融', en: 'JD Finance' },
      currencies: ['CNY'],
      cardNetworks: ['UNIONPAY'],
      // Assumption: an example UnionPay credit BIN range for the virtual card.
      binRanges: [{ from: '625350', to: '625359', length: 16 }],
    },
    // The issuer's only spending bound is the credit available, which is account state, not a rule.
    limits: [],
    verification: {
      purpose: 'ISSUANCE',
      steps: [
        {
          id: 'face',
          kind: 'FACE_RECOGNITION',
          label: { 'zh-CN': '人脸识别', en: 'Face recognition' },
          fields: [{ name: 'faceToken', kind: 'FACE_TOKEN', label: { 'zh-CN': '人脸识别凭证', en: 'Face token' }, secret: true }],
        },
        {
          id: 'sms',
          kind: 'SMS_CODE',
          label: { 'zh-CN': '短信验证码', en: 'SMS code' },
          fields: [{ name: 'smsCode', kind: 'SMS_CODE', label: { 'zh-CN': '验证码', en: 'Code' }, secret: true }],
        },
        {
          id: 'payment-password',
          kind: 'PAYMENT_PASSWORD',
          label: { 'zh-CN': '支付密码', en: 'Payment password' },
          fields: [
            { name: 'paymentPassword', kind: 'PAYMENT_PASSWORD', label: { 'zh-CN': '支付密码', en: 'Payment password' }, secret: true },
          ],
        },
      ],
      // 3–5 minutes, face recognition included.
      typicalDurationSeconds: { min: 180, max: 300 },
    },
    eligibility: {
      minRealNameLevel: 3,
      minAge: 18,
      maxAge: 55,
      requireNoOverdueDebt: true,
      requireAccountNotFrozen: true,
      requireWalletActive: false,
    },
    devices: [
      // NFC is optional for the issuer: the card works by QR without it.
      {
        os: 'IOS',
        nfc: {
          supported: true,
          minVersion: 'iPhone 6',
          note: { 'zh-CN': 'iOS 15 起限制后台读取', en: 'iOS 15+ restricts background reads' },
        },
        qr: { supported: true, note: { 'zh-CN': '需要相机权限', en: 'Needs camera permission' } },
      },
      {
        os: 'ANDROID',
        nfc: {
          supported: true,
          minVersion: '5.0',
          note: { 'zh-CN': '部分厂商限制非官方应用', en: 'Some vendors restrict unofficial apps' },
        },
        qr: { supported: true },
      },
      {
        os: 'WINDOWS',
        nfc: { supported: false, note: { 'zh-CN': '电脑不支持 NFC', en: 'No NFC on PCs' } },
        qr: { supported: false, note: { 'zh-CN': '仅网页支付', en: 'Web payments only' } },
      },
    ],
    errors: jdFinanceErrors,
    issuerTerms: {
      maxCreditLineFen: options.maxCreditLineFen,
      penaltyPerDay: options.penaltyPerDay,
      statementDay: options.statementDay,
      gracePeriodDays: options.gracePeriodDays,
      minimumDue: options.minimumDue,
      rounding: options.rounding,
      repaymentAllocation: options.repaymentAllocation,
      issuingBank: { 'zh-CN': '上海银行', en: 'Bank of Shanghai' },
      repaymentChannel: { 'zh-CN': '京东金融 App', en: 'the JD Finance app' },
      creditPolicy: jdFinanceCreditPolicy,
      // The source gives no figures for SMS codes: the common practice (one a minute, five per
      // issuance, valid five minutes, locked after five wrong tries).
      oneTimeCodes: DEFAULT_ONE_TIME_CODE_POLICY,
    },
    validation: { luhnForUnionPay: options.luhnForUnionPay },
  };
}

export function createJdFinanceAdapter(rawOptions: Partial<JdFinanceOptions> = {}): PlatformAdapter {
  const options = parseOptions(JD_FINANCE, jdFinanceOptionSpec, rawOptions);
  const declaration = jdFinanceDeclaration(options);
  const signature = { key: options.platformKey, header: JD_SIGNATURE_HEADER };

  /** Posts to JD Finance; a lost answer is INDETERMINATE, a non-success code goes through the table. */
  async function post<T>(
    ctx: PerformContext,
    flow: OperationName,
    path: string,
    body: unknown,
    reference: string,
    onSuccess: (envelope: JdEnvelope) => OperationResult<T>,
  ): Promise<OperationResult<T>> {
    const request = signedJsonRequest('POST', `${options.baseUrl}/baitiao/shanfu${path}`, body, signature);
    const answer = await exchangeJson(JD_FINANCE, ctx.http, request, signature);
    if (answer.kind === 'ANSWER_LOST') return { status: 'INDETERMINATE', reference, reason: answer.detail };
    const envelope = readEnvelope(answer.data);
    if (envelope.resultCode !== JD_SUCCESS)
      return resultFromPlatformCode(JD_FINANCE, jdFinanceErrors, flow, envelope.resultCode, envelope.resultMsg, reference);
    return onSuccess(envelope);
  }

  // The platform's stand-in outside production (npm start, tests), made with this adapter's key so
  // its answers' signatures check. Its module, and the testkit under it, load on first use only:
  // a production system never loads them.
  const simulator = (clock: Clock) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, never in production
    const { JdFinanceSimulator } = require('./jd-finance.simulator') as typeof import('./jd-finance.simulator');
    return new JdFinanceSimulator(clock, { platformKey: options.platformKey });
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

      // JD Finance texts the code to the mobile number it holds; the answer never carries it.
      sendCode: (input, ctx) =>
        post(ctx, 'sendCode', '/sms/send', toSendCodeBody(input, ctx.idempotencyKey), ctx.idempotencyKey, () => ({
          status: 'SUCCESS',
          value: { stepId: input.stepId, sent: true },
        })),

      authorize: (input, ctx) =>
        post(ctx, 'authorize', '/authorize', toAuthorizeBody(input, ctx.idempotencyKey), ctx.idempotencyKey, (e) => ({
          status: 'SUCCESS',
          value: { reference: ctx.idempotencyKey, amountFen: fenField(e.data, 'amount'), authorizedAt: ctx.clock.now().toISOString() },
        })),

      repay: (input, ctx) =>
        post(ctx, 'repay', '/repay', toRepayBody(input, ctx.idempotencyKey), ctx.idempotencyKey, (e) => ({
          status: 'SUCCESS',
          value: { reference: ctx.idempotencyKey, amountFen: fenField(e.data, 'amount'), repaidAt: ctx.clock.now().toISOString() },
        })),

      async queryStatus(input, ctx) {
        const request = signedJsonRequest('POST', `${options.baseUrl}/baitiao/shanfu/query`, { requestNo: input.reference }, signature);
        const answer = await exchangeJson(JD_FINANCE, ctx.http, request, signature);
        if (answer.kind === 'ANSWER_LOST') return { status: 'INDETERMINATE', reference: input.reference, reason: answer.detail };
        const envelope = readEnvelope(answer.data);
        if (envelope.resultCode === 'ORDER_NOT_FOUND')
          return { status: 'SUCCESS', value: { reference: input.reference, state: 'NOT_FOUND' } };
        if (envelope.resultCode !== JD_SUCCESS)
          return resultFromPlatformCode(
            JD_FINANCE,
            jdFinanceErrors,
            'queryStatus',
            envelope.resultCode,
            envelope.resultMsg,
            input.reference,
          );
        const outcome = toStatusOutcome(input.reference, envelope.data);
        return outcome === 'IN_PROGRESS'
          ? { status: 'PENDING', reference: input.reference, retryAfterSeconds: 5 }
          : { status: 'SUCCESS', value: outcome };
      },
    },
  );
}

export const jdFinanceAdapter = createJdFinanceAdapter();
