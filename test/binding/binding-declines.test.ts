/**
 * A binding that cannot go through says why in the wallet's own words, with the remedy that
 * helps: a card number that is not this card's is 无效卡号 (correct it), a locked card is
 * 卡片锁定 (unlock it), and no account at the wallet yet means opening one.
 */
import { fetchHttpClient, type Clock, type HttpClient } from '@cardweave/adapter-sdk';
import { QuickPassSimulator } from '@cardweave/adapter-unionpay-quickpass/simulator';
import { WechatPaySimulator } from '@cardweave/adapter-wechat-pay/simulator';
import { fixedClock } from '@cardweave/service-kit';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';

const clock: Clock = fixedClock(TEST_NOW);
const platforms: Record<string, HttpClient> = {
  'wechat-pay': new WechatPaySimulator(clock),
  'unionpay-quickpass': new QuickPassSimulator(clock),
};

const BIND = `mutation Bind($input: BindCardInput!) {
  bindCard(input: $input) {
    ok
    error { code platform platformCode platformMessage decision remedy message { zhCN en } }
    fieldErrors { code field remedy }
  }
}`;

interface BindResult {
  ok: boolean;
  error: { code: string; platform: string; platformCode: string; platformMessage: string; decision: string; remedy: string } | null;
  fieldErrors: Array<{ code: string; field: string; remedy: string }>;
}

const RESIDENT_ID = '11010519491231002X';
let system: TestSystem;

beforeAll(async () => {
  const real = fetchHttpClient();
  system = await startTestSystem({ demoData: false, platformHttp: (id) => platforms[id] ?? real });
});

afterAll(async () => {
  await system?.stop();
});

async function bindAs(customerId: string, cardId: string, walletPlatform: string, fields: Record<string, string>) {
  const { data, errors } = await system.queryAs<{ bindCard: BindResult }>(system.token(customerId), BIND, {
    input: {
      idempotencyKey: `bind-${Math.random().toString(36).slice(2, 12)}`,
      cardId,
      walletPlatform,
      fields: Object.entries(fields).map(([name, value]) => ({ name, value })),
    },
  });
  expect(errors).toBeUndefined();
  return data!.bindCard;
}

describe('binding declines', () => {
  it('a card number that is not this card is 无效卡号 at QuickPass, to be corrected', async () => {
    const customer = await insertCustomer(system, { cards: 1, billItems: 1, residentId: RESIDENT_ID, bound: false });
    const result = await bindAs(customer.customerId, customer.cardIds[0], 'unionpay-quickpass', {
      cardNumber: '6253509999999990',
      cvv2: '123',
      smsCode: '246810',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_CARD_NUMBER',
        platform: 'unionpay-quickpass',
        platformCode: '14',
        platformMessage: '无效卡号',
        decision: 'USER_ACTION',
        remedy: 'CORRECT_INPUT',
      },
    });
    expect(result.fieldErrors).toEqual([{ code: 'INVALID_CARD_NUMBER', field: 'cardNumber', remedy: 'CORRECT_INPUT' }]);
  });

  it("WeChat Pay's four-element check compares the mobile number too, before the platform is asked", async () => {
    const customer = await insertCustomer(system, { cards: 1, billItems: 1, residentId: RESIDENT_ID, bound: false });
    const wechat = platforms['wechat-pay'] as WechatPaySimulator;
    const calls = wechat.calls.length;
    const result = await bindAs(customer.customerId, customer.cardIds[0], 'wechat-pay', {
      name: '测试用户',
      residentId: RESIDENT_ID,
      mobile: '13912345678',
      cardNumber: customer.pans[0],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'HOLDER_INFO_MISMATCH', platform: 'wechat-pay', platformMessage: '持卡人信息有误', remedy: 'CORRECT_INPUT' },
    });
    expect(result.fieldErrors.map((e) => e.field)).toEqual(['mobile']);
    expect(wechat.calls.length).toBe(calls);
    expect(JSON.stringify(result)).not.toContain('13912345678');
  });

  it('QuickPass checks the CVV2: a wrong one is CVN2错误, named on its field and never echoed', async () => {
    const customer = await insertCustomer(system, { cards: 1, billItems: 1, residentId: RESIDENT_ID, bound: false });
    const quickpass = platforms['unionpay-quickpass'] as QuickPassSimulator;
    const calls = quickpass.calls.length;
    const right = system.vault.cardVerificationValue(customer.pans[0], '2031-11-30');
    const wrong = String((Number(right) + 1) % 1000).padStart(3, '0');
    const result = await bindAs(customer.customerId, customer.cardIds[0], 'unionpay-quickpass', {
      cardNumber: customer.pans[0],
      cvv2: wrong,
      smsCode: '246810',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VERIFICATION_FAILED',
        platform: 'unionpay-quickpass',
        platformCode: 'CVN2_ERROR',
        platformMessage: 'CVN2错误',
        remedy: 'CORRECT_INPUT',
      },
    });
    expect(result.fieldErrors.map((e) => e.field)).toEqual(['cvv2']);
    expect(quickpass.calls.length).toBe(calls);
    expect(JSON.stringify(result)).not.toContain(`"${wrong}"`);
    expect(JSON.stringify(result)).not.toContain(customer.pans[0]);
    const ok = await bindAs(customer.customerId, customer.cardIds[0], 'unionpay-quickpass', {
      cardNumber: customer.pans[0],
      cvv2: right,
      smsCode: '246810',
    });
    expect(ok).toMatchObject({ ok: true, error: null });
  });

  it('a locked card is 卡片锁定 at QuickPass, to be unlocked', async () => {
    const customer = await insertCustomer(system, { cards: 1, billItems: 1, residentId: RESIDENT_ID, bound: false });
    await system.issuer.database.dataSource.query(`UPDATE issuer.cards SET status = 'LOCKED' WHERE id = $1`, [customer.cardIds[0]]);
    const result = await bindAs(customer.customerId, customer.cardIds[0], 'unionpay-quickpass', {
      cardNumber: customer.pans[0],
      cvv2: system.vault.cardVerificationValue(customer.pans[0], '2031-11-30'),
      smsCode: '246810',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'CARD_LOCKED',
        platform: 'unionpay-quickpass',
        platformMessage: '卡片锁定',
        decision: 'USER_ACTION',
        remedy: 'UNLOCK_CARD',
      },
    });
  });

  it("a locked card is declined in WeChat Pay's words too, to be unlocked", async () => {
    const customer = await insertCustomer(system, { cards: 1, billItems: 1, residentId: RESIDENT_ID, bound: false });
    await system.issuer.database.dataSource.query(`UPDATE issuer.cards SET status = 'LOCKED' WHERE id = $1`, [customer.cardIds[0]]);
    const result = await bindAs(customer.customerId, customer.cardIds[0], 'wechat-pay', {
      name: '测试用户',
      residentId: RESIDENT_ID,
      mobile: '13800138000',
      cardNumber: customer.pans[0],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CARD_LOCKED', platform: 'wechat-pay', decision: 'USER_ACTION', remedy: 'UNLOCK_CARD' },
    });
    expect(result.error!.platformMessage).toMatch(/锁定/);
  });

  it('no QuickPass account yet is reported with the remedy to open one, a restricted one with support', async () => {
    const customer = await insertCustomer(system, { cards: 1, billItems: 1, residentId: RESIDENT_ID, bound: false });
    await system.wallet.database.dataSource.query(
      `DELETE FROM wallet.wallet_accounts WHERE customer_id = $1 AND platform = 'unionpay-quickpass'`,
      [customer.customerId],
    );
    await system.wallet.database.dataSource.query(`UPDATE wallet.wallet_accounts SET status = 'RESTRICTED' WHERE customer_id = $1`, [
      customer.customerId,
    ]);
    const { data, errors } = await system.query<{ customer: { walletEligibility: any[] } }>(
      `query($id: ID!) { customer(id: $id) { walletEligibility { platform { id } eligible reasons { rule error { code platform platformCode remedy message { zhCN en } } } } } }`,
      { id: customer.customerId },
    );
    expect(errors).toBeUndefined();
    const byWallet = Object.fromEntries(data!.customer.walletEligibility.map((e) => [e.platform.id, e]));
    expect(byWallet['unionpay-quickpass']).toMatchObject({
      eligible: false,
      reasons: [
        { rule: 'WALLET_INACTIVE', error: { code: 'BINDING_NOT_ACTIVE', platform: 'unionpay-quickpass', remedy: 'OPEN_WALLET_ACCOUNT' } },
      ],
    });
    expect(byWallet['unionpay-quickpass'].reasons[0].error.message.zhCN).toMatch(/开通|添加/);
    expect(byWallet['wechat-pay']).toMatchObject({
      eligible: false,
      reasons: [{ rule: 'WALLET_INACTIVE', error: { code: 'BINDING_NOT_ACTIVE', platform: 'wechat-pay', remedy: 'CONTACT_SUPPORT' } }],
    });
  });
});
