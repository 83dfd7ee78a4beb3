/**
 * The simulators answer the source document's messages by themselves, from documented test
 * triggers (adapters/README.md, "Test card numbers, and making the simulators fail"), here
 * through the gateway with the simulators the adapters bring (as npm start runs them):
 *  - WeChat Pay binds a card numbered testCardNumber('625350', 16, 999_000_001): 商户限制;
 *  - JD Finance verifies the SMS code 000005: 银行验证失败; the SMS code 000096: 系统繁忙.
 */
import { testCardNumber } from '@cardweave/adapter-testkit';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';
import { insertLifecycleCustomer } from '../lifecycle/lifecycle-fixtures';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, now: TEST_NOW });
});

afterAll(async () => {
  await system?.stop();
});

const ERROR = 'error { code platform platformCode platformMessage decision remedy }';

describe('documented test triggers', () => {
  it('WeChat Pay answers 商户限制 for its test card, with the remedy the source gives', async () => {
    const customer = await insertCustomer(system, { cards: 1, billItems: 1, residentId: '11010519491231002X', bound: false });
    const card = testCardNumber('625350', 16, 999_000_001);
    await system.issuer.database.dataSource.query(`UPDATE issuer.cards SET pan_encrypted = $2, bin = $3, last4 = $4 WHERE id = $1`, [
      customer.cardIds[0],
      system.vault.encrypt(card),
      card.slice(0, 6),
      card.slice(-4),
    ]);
    const { data, errors } = await system.queryAs<{ bindCard: any }>(
      system.token(customer.customerId),
      `mutation($input: BindCardInput!) { bindCard(input: $input) { ok ${ERROR} } }`,
      {
        input: {
          idempotencyKey: 'trigger-rulelimit-1',
          cardId: customer.cardIds[0],
          walletPlatform: 'wechat-pay',
          fields: Object.entries({ name: '测试用户', residentId: '11010519491231002X', mobile: '13800138000', cardNumber: card }).map(
            ([name, value]) => ({ name, value }),
          ),
        },
      },
    );
    expect(errors).toBeUndefined();
    expect(data!.bindCard).toEqual({
      ok: false,
      error: {
        code: 'MERCHANT_RESTRICTED',
        platform: 'wechat-pay',
        platformCode: 'RULELIMIT',
        platformMessage: '商户限制',
        decision: 'USER_ACTION',
        remedy: 'CHANGE_PAYMENT_SCENE',
      },
    });
  });

  it.each([
    [
      '000005',
      { code: 'VERIFICATION_FAILED', platformCode: 'BANK_VERIFY_FAILED', platformMessage: '银行验证失败', decision: 'USER_ACTION' },
    ],
    ['000096', { code: 'SYSTEM_BUSY', platformCode: 'SYSTEM_BUSY', platformMessage: '系统繁忙', decision: 'RETRY', remedy: 'RETRY_LATER' }],
  ])('JD Finance answers the SMS code %s in its own words', async (smsCode, expected) => {
    const person = await insertLifecycleCustomer(system, { createdAt: '2025-01-05T00:00:00+08:00', card: false });
    const token = system.token(person.customerId);
    const RESULT = `ok ${ERROR} issuance { id nextStep { id } }`;
    const started = await system.queryAs<{ startCardIssuance: any }>(
      token,
      `mutation($i: StartCardIssuanceInput!) { startCardIssuance(input: $i) { ${RESULT} } }`,
      { i: { customerId: person.customerId, idempotencyKey: `trigger-start-${smsCode}` } },
    );
    expect(started.errors).toBeUndefined();
    const issuanceId = started.data!.startCardIssuance.issuance.id;
    const verify = (stepId: string, fields: Record<string, string>, key: string) =>
      system.queryAs<{ verifyCardIssuanceStep: any }>(
        token,
        `mutation($i: VerifyCardIssuanceStepInput!) { verifyCardIssuanceStep(input: $i) { ${RESULT} } }`,
        { i: { issuanceId, stepId, fields: Object.entries(fields).map(([name, value]) => ({ name, value })), idempotencyKey: key } },
      );
    expect((await verify('face', { faceToken: 'face-token-0001' }, `trigger-face-${smsCode}`)).data!.verifyCardIssuanceStep.ok).toBe(true);
    // A code must have been sent for the step; the test code is answered before the one sent is compared.
    const sent = await system.queryAs<{ sendIssuanceSmsCode: any }>(
      token,
      `mutation($i: SendIssuanceSmsCodeInput!) { sendIssuanceSmsCode(input: $i) { ok } }`,
      { i: { issuanceId, idempotencyKey: `trigger-send-${smsCode}` } },
    );
    expect(sent.data!.sendIssuanceSmsCode.ok).toBe(true);
    const { data, errors } = await verify('sms', { smsCode }, `trigger-sms-${smsCode}`);
    expect(errors).toBeUndefined();
    expect(data!.verifyCardIssuanceStep).toMatchObject({ ok: false, error: { platform: 'jd-finance', ...expected } });
  });
});
