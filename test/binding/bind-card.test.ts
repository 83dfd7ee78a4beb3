/**
 * Binding a card into a wallet with that wallet's verification, through the gateway:
 * four elements for WeChat Pay, card number + CVV2 + SMS code for Cloud QuickPass.
 * Input is refused field by field before any platform call; the issuer confirms the
 * elements are this card's; the wallet platform's declines arrive as canonical errors.
 */
import { fetchHttpClient, type Clock, type HttpClient } from '@cardweave/adapter-sdk';
import { JdFinanceSimulator } from '@cardweave/adapter-jd-finance/simulator';
import { QuickPassSimulator } from '@cardweave/adapter-unionpay-quickpass/simulator';
import { WechatPaySimulator } from '@cardweave/adapter-wechat-pay/simulator';
import { insertCustomer } from '../support/card-fixtures';
import { fixedClock } from '@cardweave/service-kit';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';

const clock: Clock = fixedClock(TEST_NOW);
const wechat = new WechatPaySimulator(clock);
const quickpass = new QuickPassSimulator(clock);
const jd = new JdFinanceSimulator(clock);
const platforms: Record<string, HttpClient> = { 'wechat-pay': wechat, 'unionpay-quickpass': quickpass, 'jd-finance': jd };

const BIND = `mutation Bind($input: BindCardInput!) {
  bindCard(input: $input) {
    ok
    binding { id verificationMethod walletPlatform { id } }
    error { code platform platformCode platformMessage decision remedy message { zhCN en } }
    fieldErrors { code field }
  }
}`;

interface BindResult {
  ok: boolean;
  binding: { id: string; verificationMethod: string; walletPlatform: { id: string } } | null;
  error: { code: string; platform: string; platformCode: string; platformMessage: string; decision: string; remedy: string } | null;
  fieldErrors: Array<{ code: string; field: string }>;
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

async function unboundCard() {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1, residentId: RESIDENT_ID, bound: false });
  const bind = async (
    walletPlatform: string,
    fields: Record<string, string>,
    idempotencyKey = `bind-${Math.random().toString(36).slice(2, 12)}`,
  ) => {
    const { data, errors } = await system.queryAs<{ bindCard: BindResult }>(system.token(customer.customerId), BIND, {
      input: {
        idempotencyKey,
        cardId: customer.cardIds[0],
        walletPlatform,
        fields: Object.entries(fields).map(([name, value]) => ({ name, value })),
      },
    });
    return { result: data?.bindCard, errors };
  };
  return { customer, pan: customer.pans[0], bind };
}

const fourElements = (pan: string) => ({ name: '测试用户', residentId: RESIDENT_ID, mobile: '13800138000', cardNumber: pan });

describe('binding a card into a wallet', () => {
  it('binds into WeChat Pay with the four elements, and the same key replays the binding', async () => {
    const { customer, pan, bind } = await unboundCard();
    const first = await bind('wechat-pay', fourElements(pan), 'bind-key-0001');
    expect(first.errors).toBeUndefined();
    expect(first.result).toMatchObject({
      ok: true,
      error: null,
      binding: { verificationMethod: 'FOUR_ELEMENTS', walletPlatform: { id: 'wechat-pay' } },
    });
    const again = await bind('wechat-pay', fourElements(pan), 'bind-key-0001');
    expect(again.result!.binding!.id).toBe(first.result!.binding!.id);
    const view = await system.queryAs<{ card: { walletBindings: Array<{ id: string }> } }>(
      system.token(customer.customerId),
      `query($id: ID!) { card(id: $id) { walletBindings { id } } }`,
      { id: customer.cardIds[0] },
    );
    expect(view.data!.card.walletBindings.map((b) => b.id)).toEqual([first.result!.binding!.id]);
    expect(JSON.stringify(first)).not.toContain(pan);
    expect(JSON.stringify(first)).not.toContain(RESIDENT_ID);
  });

  it('refuses malformed elements field by field before any platform is called', async () => {
    const { pan, bind } = await unboundCard();
    const calls = wechat.calls.length;
    // Too short for a card number (a 62-prefix Luhn failure is allowed: the UnionPay exception).
    const { result } = await bind('wechat-pay', {
      name: '测试用户',
      residentId: '110105194912310021',
      mobile: '12345',
      cardNumber: pan.slice(0, 10),
    });
    expect(result).toMatchObject({ ok: false, binding: null, error: { code: 'INVALID_FORMAT', platform: 'wechat-pay' } });
    expect(result!.fieldErrors.map((e) => e.field).sort()).toEqual(['cardNumber', 'mobile', 'residentId']);
    expect(wechat.calls.length).toBe(calls);
  });

  it("refuses elements that are well formed but not this card's holder's", async () => {
    const { bind } = await unboundCard();
    const { result } = await bind('wechat-pay', { ...fourElements('6253509999999990'), residentId: '440524188001010014' });
    expect(result).toMatchObject({ ok: false, error: { code: 'HOLDER_INFO_MISMATCH', platform: 'wechat-pay' } });
    expect(result!.fieldErrors.map((e) => e.field).sort()).toEqual(['cardNumber', 'residentId']);
  });

  it("maps WeChat Pay's 商户限制 to MERCHANT_RESTRICTED with its remedy", async () => {
    const { pan, bind } = await unboundCard();
    wechat.failNext({ kind: 'PLATFORM_ERROR', platformCode: 'RULELIMIT', platformMessage: '商户限制' });
    const { result } = await bind('wechat-pay', fourElements(pan));
    expect(result).toMatchObject({
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

  it('binds into Cloud QuickPass with the card number, CVV2 and an SMS code', async () => {
    const { pan, bind } = await unboundCard();
    // The CVV2 printed on the card: the issuer derives it from the number and expiry, never stores it.
    const cvv2 = system.vault.cardVerificationValue(pan, '2031-11-30');
    const { result, errors } = await bind('unionpay-quickpass', { cardNumber: pan, cvv2, smsCode: '246810' });
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({
      ok: true,
      binding: { walletPlatform: { id: 'unionpay-quickpass' }, verificationMethod: 'CVV2+SMS_CODE' },
    });
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`246810|"${cvv2}"`));
  });

  it("answers another customer's card as if it did not exist", async () => {
    const { customer } = await unboundCard();
    const stranger = await insertCustomer(system, { cards: 1, billItems: 1, bound: false });
    const { errors } = await system.queryAs(system.token(stranger.customerId), BIND, {
      input: { idempotencyKey: 'bind-stranger-1', cardId: customer.cardIds[0], walletPlatform: 'wechat-pay', fields: [] },
    });
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
