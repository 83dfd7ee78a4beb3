/**
 * A limit decline names the rule that broke (its id and window), and its remedy follows
 * the window: a per-payment limit never resets, so the remedy is a smaller amount; a used-up
 * day resets, so the remedy is to wait. UnionPay and Cloud QuickPass answer both with code 61.
 */
import { insertCustomer } from '../support/card-fixtures';
import { MutableClock } from '../support/mutable-clock';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf } from './payment-support';

let system: TestSystem;
const clock = new MutableClock('2026-11-26T06:00:00Z');

const PAY = `mutation Pay($input: PayInput!) {
  pay(input: $input) {
    ok
    error { code platform platformCode platformMessage decision remedy limitRuleId limitWindow message { zhCN en } }
  }
}`;

interface Decline {
  code: string;
  platform: string;
  platformCode: string;
  platformMessage: string;
  remedy: string;
  limitRuleId: string | null;
  limitWindow: string | null;
}

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, clock });
});

afterAll(async () => {
  await system?.stop();
});

async function payerThrough(walletPlatform: string) {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const binding = (await bindingsOf(system, customer.cardIds[0])).find((b) => b.platform === walletPlatform)!.id;
  let n = 0;
  return async (amountFen: number) => {
    n += 1;
    const { data, errors } = await system.queryAs<{ pay: { ok: boolean; error: Decline | null } }>(system.token(customer.customerId), PAY, {
      input: {
        idempotencyKey: `limit-${walletPlatform}-${customer.customerId}-${n}`,
        bindingId: binding,
        amountFen,
        merchantName: '永辉超市',
        merchantCategoryCode: '5411',
      },
    });
    expect(errors).toBeUndefined();
    return data!.pay;
  };
}

describe('a limit decline names its rule and window', () => {
  it("QuickPass's per-payment limit asks for a smaller amount, its daily limit to wait for the next day", async () => {
    clock.set('2026-11-26T06:00:00Z');
    const pay = await payerThrough('unionpay-quickpass');
    expect(await pay(100_001)).toMatchObject({
      ok: false,
      error: {
        code: 'LIMIT_EXCEEDED',
        platform: 'unionpay-quickpass',
        platformCode: '61',
        platformMessage: '超出单笔金额限制',
        remedy: 'LOWER_AMOUNT',
        limitRuleId: 'unionpay-quickpass.per-payment',
        limitWindow: 'PER_PAYMENT',
      },
    });
    for (let i = 0; i < 5; i += 1) expect((await pay(100_000)).ok).toBe(true);
    expect(await pay(1)).toMatchObject({
      ok: false,
      error: {
        code: 'LIMIT_EXCEEDED',
        platform: 'unionpay-quickpass',
        platformCode: '61',
        platformMessage: '超出金额限制',
        remedy: 'WAIT_FOR_NEXT_WINDOW',
        limitRuleId: 'unionpay-quickpass.daily',
        limitWindow: 'DAILY',
      },
    });
  });

  it("UnionPay's per-payment limit, met through WeChat Pay, asks for a smaller amount", async () => {
    clock.set('2026-11-26T06:00:00Z');
    const pay = await payerThrough('wechat-pay');
    expect(await pay(100_001)).toMatchObject({
      ok: false,
      error: {
        code: 'LIMIT_EXCEEDED',
        platform: 'unionpay',
        platformCode: '61',
        remedy: 'LOWER_AMOUNT',
        limitRuleId: 'unionpay.per-payment',
        limitWindow: 'PER_PAYMENT',
      },
    });
  });
});
