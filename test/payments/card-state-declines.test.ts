/**
 * A payment from a card the issuer has locked is declined in the platform's own words
 * (卡片锁定 / 卡片已锁定) with the remedy that lifts it (UNLOCK_CARD), whatever wallet it pays through.
 */
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf, pay } from './payment-support';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false });
});

afterAll(async () => {
  await system?.stop();
});

describe('a locked card', () => {
  it.each(['wechat-pay', 'unionpay-quickpass'])('is declined as locked, with UNLOCK_CARD, through %s', async (walletPlatform) => {
    const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
    await system.issuer.database.dataSource.query(`UPDATE issuer.cards SET status = 'LOCKED' WHERE id = $1`, [customer.cardIds[0]]);
    const binding = (await bindingsOf(system, customer.cardIds[0])).find((b) => b.platform === walletPlatform)!.id;
    const { result, errors } = await pay(system, customer.customerId, binding, 1_000);
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ ok: false, error: { code: 'CARD_LOCKED', decision: 'USER_ACTION', remedy: 'UNLOCK_CARD' } });
    expect(result!.error!.message.zhCN).toMatch(/锁定/);
  });
});
