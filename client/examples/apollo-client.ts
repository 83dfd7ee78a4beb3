/**
 * Apollo Client 4 against the gateway: sign in a demo customer, read the card view, pay with an
 * idempotency key, and handle a decline by its canonical code. The cache needs no configuration
 * but client/cache/type-policies.ts (README, "Caching on the client").
 *   npx tsx client/examples/apollo-client.ts <gateway origin> <customer id>
 */
import { randomUUID } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { CACHE_TYPE_POLICIES } from '../cache/type-policies';
import { CardView, Pay } from './documents';
import { cny, describePayment, signIn } from './example-support';

async function main(gatewayOrigin: string, customerId: string) {
  const token = await signIn(gatewayOrigin, customerId);
  const client = new ApolloClient({
    link: new HttpLink({ uri: new URL('/graphql', gatewayOrigin).href, headers: { authorization: `Bearer ${token}` } }),
    cache: new InMemoryCache({ typePolicies: CACHE_TYPE_POLICIES }),
  });

  const { data } = await client.query({ query: CardView, variables: { customerId } });
  const customer = data!.customer!;
  const card = customer.cards[0];
  const wallet = card.payableNow.find((p) => p.amountFen > 0)!;
  const binding = card.walletBindings.find((b) => b.status === 'ACTIVE' && b.walletPlatform.id === wallet.walletPlatform.id)!;
  console.log(`card ${card.maskedNumber}: available credit ${cny(customer.creditLine!.availableFen)}`);
  console.log(`payable now through ${wallet.walletPlatform.id}: ${cny(wallet.amountFen)} (bound by ${wallet.bindingRule.ruleId})`);

  // One key per payment the customer means: a retry after a lost answer sends the same key and moves no money twice.
  const pay = async (amountFen: number) => {
    const input = { bindingId: binding.id, amountFen, merchantName: '永辉超市', merchantCategoryCode: '5411' };
    const result = await client.mutate({ mutation: Pay, variables: { input: { ...input, idempotencyKey: randomUUID() } } });
    return result.data!.pay;
  };
  console.log(`pay ${cny(1_000)}: ${describePayment(await pay(1_000))}`);
  // The payment's answer updated the cached card view: read it back without asking the gateway.
  const cached = client.readQuery({ query: CardView, variables: { customerId } });
  console.log(`available credit now ${cny(cached!.customer!.creditLine!.availableFen)}`);
  console.log(`pay ${cny(wallet.amountFen + 100)}: ${describePayment(await pay(wallet.amountFen + 100))}`);
  client.stop();
}

const [origin, customerId] = process.argv.slice(2);
if (!origin || !customerId) {
  console.error('usage: npx tsx client/examples/apollo-client.ts <gateway origin> <customer id>');
  process.exit(2);
}
main(origin, customerId).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
