/**
 * A system that stops says nothing at error level about its own stopping: each service stops
 * its readers and jobs (the subscriptions' feed, the inbox, the relays, the payment recovery)
 * and waits for what they had under way before it closes its database, so no statement runs on
 * a closed pool ("Connection terminated"). Run with subscribers listening and payments made.
 */
import { setLogSink } from '@cardweave/service-kit';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf } from '../payments/payment-support';
import { holderClient } from '../holder-controls/holder-controls-support';
import { subscribeOverSse, type SseSubscription } from '../subscriptions/activity-sse-client';
import { CUSTOMER_ACTIVITY, eventOf, lastEventId } from '../subscriptions/activity-support';

jest.setTimeout(90_000);

let system: TestSystem | undefined;
afterAll(async () => {
  await system?.stop();
});

/** Every line written while `work` runs: the JSON log's, and what went to the console directly. */
async function linesWrittenDuring(work: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const previousSink = setLogSink((line) => lines.push(line));
  const spies = (['error', 'warn', 'log'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
  );
  try {
    await work();
  } finally {
    setLogSink(previousSink);
    for (const spy of spies) spy.mockRestore();
  }
  return lines;
}

const isError = (line: string) => /"level"\s*:\s*"(error|fatal)"/.test(line) || /Connection terminated/i.test(line);

it('stops with subscribers listening and payments just made, writing no error', async () => {
  system = await startTestSystem({ demoData: false, eventRelays: true });
  const customers = [
    await insertCustomer(system, { cards: 1, billItems: 1, paid: true }),
    await insertCustomer(system, { cards: 1, billItems: 1, paid: true }),
  ];
  const feeds: SseSubscription[] = [];
  const payers: Array<() => Promise<unknown>> = [];
  for (const customer of customers) {
    const cardId = customer.cardIds[0];
    const wechat = (await bindingsOf(system, cardId)).find((b) => b.platform === 'wechat-pay')!.id;
    const client = holderClient(system, customer.customerId);
    expect((await client.pay(wechat, 1_00)).ok).toBe(true);
    const feed = await subscribeOverSse(system.gateway.url, system.token(customer.customerId), CUSTOMER_ACTIVITY, {
      after: await lastEventId(system, customer.customerId),
    });
    expect(feed.status).toBe(200);
    feeds.push(feed);
    expect((await client.pay(wechat, 2_00)).ok).toBe(true);
    expect(eventOf(await feed.next(5_000), 'customerActivity')).toMatchObject({ type: 'PAYMENT_APPROVED' });
    payers.push(() => client.pay(wechat, 3_00).catch(() => undefined));
  }

  const running = system;
  system = undefined;
  const lines = await linesWrittenDuring(async () => {
    // Payments under way (the wallet calling clearing and the issuer, events being written, relayed,
    // stored and read by the feed) when the system stops: the gateway cuts them, the services finish them.
    const paying = payers.flatMap((pay) => [pay(), pay(), pay()]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await running.stop();
    await Promise.all(paying);
  });
  for (const feed of feeds) feed.close();
  expect(lines.filter(isError)).toEqual([]);
});
