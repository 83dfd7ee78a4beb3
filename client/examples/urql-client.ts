/**
 * urql (@urql/core, the framework-free client under urql's React, Vue and Svelte bindings)
 * against the gateway: sign in a demo customer, read the card view, pay with an idempotency
 * key, and handle a decline by its canonical code. Its default document cache needs no ids;
 * Graphcache, urql's normalized cache, keys on the same ids as Apollo's.
 *   npx tsx client/examples/urql-client.ts <gateway origin> <customer id>
 */
import { randomUUID } from 'node:crypto';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { CardView, Pay } from './documents';
import { cny, describePayment, signIn } from './example-support';

async function main(gatewayOrigin: string, customerId: string) {
  const token = await signIn(gatewayOrigin, customerId);
  const client = new Client({
    url: new URL('/graphql', gatewayOrigin).href,
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: { headers: { authorization: `Bearer ${token}` } },
  });

  const view = await client.query(CardView, { customerId }).toPromise();
  if (view.error) throw view.error;
  const customer = view.data!.customer!;
  const card = customer.cards[0];
  const wallet = card.payableNow.find((p) => p.amountFen > 0)!;
  const binding = card.walletBindings.find((b) => b.status === 'ACTIVE' && b.walletPlatform.id === wallet.walletPlatform.id)!;
  console.log(`card ${card.maskedNumber}: available credit ${cny(customer.creditLine!.availableFen)}`);
  console.log(`payable now through ${wallet.walletPlatform.id}: ${cny(wallet.amountFen)} (bound by ${wallet.bindingRule.ruleId})`);

  // One key per payment the customer means: a retry after a lost answer sends the same key and moves no money twice.
  const pay = async (amountFen: number) => {
    const input = {
      bindingId: binding.id,
      amountFen,
      merchantName: '永辉超市',
      merchantCategoryCode: '5411',
      idempotencyKey: randomUUID(),
    };
    const result = await client.mutation(Pay, { input }).toPromise();
    if (result.error) throw result.error;
    return result.data!.pay;
  };
  const paid = await pay(1_000);
  console.log(`pay ${cny(1_000)}: ${describePayment(paid)}`);
  console.log(`available credit now ${cny(paid.payment!.binding.card.credit.availableFen)}`);
  console.log(`pay ${cny(wallet.amountFen + 100)}: ${describePayment(await pay(wallet.amountFen + 100))}`);
}

const [origin, customerId] = process.argv.slice(2);
if (!origin || !customerId) {
  console.error('usage: npx tsx client/examples/urql-client.ts <gateway origin> <customer id>');
  process.exit(2);
}
main(origin, customerId).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
