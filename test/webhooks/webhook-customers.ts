/** A customer of the webhook suites: one card bound to WeChat Pay, their token, and a payment that must be approved. */
import { insertCustomer } from '../support/card-fixtures';
import type { TestSystem } from '../support/test-system';
import { bindingsOf } from '../payments/payment-support';
import { holderClient } from '../holder-controls/holder-controls-support';

export async function customerWithCard(system: TestSystem) {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const binding = (await bindingsOf(system, customer.cardIds[0])).find((b) => b.platform === 'wechat-pay')!.id;
  const holder = holderClient(system, customer.customerId);
  return {
    ...customer,
    token: system.token(customer.customerId),
    pay: async (fen: number) => expect((await holder.pay(binding, fen)).ok).toBe(true),
  };
}
