/**
 * The whole system as `npm start` runs it publishes its events: the issuer's, the wallet's and
 * the clearing network's outbox relays run beside their subgraphs (as each standalone main.ts
 * starts them), here on the in-process bus, since no NATS_URL is given. A payment through the
 * gateway reaches the bus and its outbox row is marked published; a card lock reaches it too.
 */
import type { DomainEvent, InProcessEventBus } from '@cardweave/subgraph-kit';
import { systemConfigFromEnv } from '../../scripts/system/system-config';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf } from '../payments/payment-support';
import { holderClient } from '../holder-controls/holder-controls-support';

jest.setTimeout(60_000);

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, eventRelays: true });
});

afterAll(async () => {
  await system?.stop();
});

/** Everything the bus delivers from now on, and a wait for the first event that matches. */
function listen(bus: InProcessEventBus) {
  const received: DomainEvent[] = [];
  const waiters: Array<{ match: (e: DomainEvent) => boolean; resolve: (e: DomainEvent) => void }> = [];
  bus.subscribe((event) => {
    received.push(event);
    for (const w of waiters.filter((w) => w.match(event))) w.resolve(event);
  });
  return {
    received,
    next(match: (e: DomainEvent) => boolean, timeoutMs = 15_000): Promise<DomainEvent> {
      const seen = received.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no such event was published')), timeoutMs);
        waiters.push({
          match,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
  };
}

/** Waits until the outbox row is marked published (the relay marks it after the publish). */
async function publishedAt(schema: 'issuer' | 'wallet', eventId: string): Promise<Date> {
  const db = schema === 'issuer' ? system.issuer.database : system.wallet.database;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [row] = (await db.dataSource.query(`SELECT published_at FROM ${schema}.event_outbox WHERE id = $1`, [eventId])) as Array<{
      published_at: Date | null;
    }>;
    if (row?.published_at) return row.published_at;
    if (Date.now() > deadline) throw new Error(`event ${eventId} is still pending`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it('runs a relay for the issuer, one for the wallet and one for the clearing network, on one in-process bus when NATS_URL is unset', () => {
  expect(system.events).not.toBeNull();
  expect(system.events!.issuer.sink.name).toBe('in-process');
  expect(system.events!.wallet.sink.name).toBe('in-process');
  expect(system.events!.clearing.sink.name).toBe('in-process');
  // Shared, so the wallet's activity inbox hears the issuer's and the network's events in the one process.
  expect(system.events!.issuer.bus).toBe(system.events!.wallet.bus);
  expect(system.events!.clearing.bus).toBe(system.events!.wallet.bus);
});

it('publishes a payment approved through the gateway, and marks its outbox row published', async () => {
  const wallet = listen(system.events!.wallet.bus!);
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const cardId = customer.cardIds[0];
  const wechat = (await bindingsOf(system, cardId)).find((b) => b.platform === 'wechat-pay')!.id;
  expect((await holderClient(system, customer.customerId).pay(wechat, 42_00)).ok).toBe(true);

  const event = await wallet.next((e) => e.type === 'payment.approved' && e.cardId === cardId);
  expect(event).toMatchObject({ customerId: customer.customerId, platform: 'wechat-pay', payload: { amountFen: '4200' } });
  const [row] = (await system.wallet.database.dataSource.query(`SELECT id FROM wallet.event_outbox WHERE card_id = $1`, [
    cardId,
  ])) as Array<{
    id: string;
  }>;
  expect(row.id).toBe(event.id);
  expect(await publishedAt('wallet', event.id)).toBeInstanceOf(Date);
  // Delivered once to this listener: the row, once marked, is not claimed again.
  expect(wallet.received.filter((e) => e.id === event.id)).toHaveLength(1);
});

it("publishes the issuer's events on the issuer's bus: a card locked through the gateway", async () => {
  const issuer = listen(system.events!.issuer.bus!);
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const cardId = customer.cardIds[0];
  expect((await holderClient(system, customer.customerId).lockCard(cardId)).data!.lockCard).toMatchObject({ ok: true, changed: true });

  const event = await issuer.next((e) => e.type === 'card.locked' && e.cardId === cardId);
  expect(event.payload.maskedCardNumber).toMatch(/^\*{4} \*{4} \*{4} \d{4}$/);
  expect(await publishedAt('issuer', event.id)).toBeInstanceOf(Date);
});

it('takes NATS_URL from the environment as npm start reads it (JetStream then), none without', () => {
  expect(systemConfigFromEnv({ NATS_URL: 'nats://127.0.0.1:4222' }).natsUrl).toBe('nats://127.0.0.1:4222');
  expect(systemConfigFromEnv({}).natsUrl).toBeUndefined();
});
