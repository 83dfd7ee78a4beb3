/**
 * Payments spread over two wallet replicas (two wallet subgraphs on one database, each behind a
 * gateway of its own, each running its outbox relay) come out as exactly one event per payment,
 * approved or declined, each card's in the order its payments were made: on real NATS JetStream
 * (NATS_URL, default nats://127.0.0.1:4222; a consumer collecting the stream) and on the
 * in-process fallback (a listener on both replicas' buses).
 *
 * 1,000 payments on the real PostgreSQL (CARDWEAVE_TEST_DATABASE=postgres, npm run test:postgres);
 * 200 on the embedded database, whose single connection queue makes the full chain (gateway →
 * wallet → clearing → issuer) too slow for 1,000 within a minute on a 2-core machine.
 */
import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { startGateway, type RunningGateway } from '@cardweave/gateway';
import { fixedClock } from '@cardweave/service-kit';
import { startEventRelay, type DomainEventMessage, type RunningEventRelay } from '@cardweave/subgraph-kit';
import { startWalletSubgraph, WALLET_SCHEMA, type WalletSubgraph } from '@cardweave/wallet-subgraph';
import { simulatedPlatforms } from '../../scripts/system/simulated-platforms';
import { insertCustomer } from '../support/card-fixtures';
import { usesRealPostgres } from '../support/test-database';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';
import { bindingsOf, PAY, type PayResponse } from '../payments/payment-support';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const PAYMENTS = usesRealPostgres() ? 1_000 : 200;
/** Cards paid with at once, each card's payments one after another (their order is then defined). */
const CARDS = 10;
const CUSTOMERS = 5;
/** Above the fixture cards' credit limit (5,000,000 fen); amounts stay unique per payment, which names it. */
const OVER_THE_LIMIT_FEN = 6_000_000;

jest.setTimeout(120_000);

interface ReceivedEvent {
  id: string;
  type: string;
  cardId: string | null;
  amountFen: string;
  /** JetStream's Nats-Msg-Id (what it deduplicates on), which the relay sets to the event's id; the event's id on the bus. */
  messageId: string | null;
}

/** Where the relays publish, and what a consumer received there. */
interface Destination {
  relayOptions: { natsUrl?: string; stream?: string; subjectPrefix?: string };
  /** Starts collecting, once the relays are up (they create the stream). */
  listen(relays: RunningEventRelay[]): Promise<void>;
  received: ReceivedEvent[];
  close(): Promise<void>;
}

function toReceived(event: Pick<DomainEventMessage, 'id' | 'type' | 'cardId' | 'payload'>, messageId: string | null): ReceivedEvent {
  return { id: event.id, type: event.type, cardId: event.cardId, amountFen: String(event.payload.amountFen), messageId };
}

function inProcessDestination(): Destination {
  const received: ReceivedEvent[] = [];
  return {
    relayOptions: {},
    listen(relays) {
      // Each replica's relay has its own bus: a consumer of the fallback listens to both.
      for (const relay of relays) relay.bus!.subscribe((event) => received.push(toReceived(event, event.id)));
      return Promise.resolve();
    },
    received,
    close: () => Promise.resolve(),
  };
}

async function jetStreamDestination(): Promise<Destination> {
  const run = randomBytes(6).toString('hex');
  const stream = `CARDWEAVE_TEST_${run}`;
  const connection: NatsConnection = await connect({ servers: NATS_URL });
  const received: ReceivedEvent[] = [];
  let stopConsuming = () => undefined as unknown;
  return {
    relayOptions: { natsUrl: NATS_URL, stream, subjectPrefix: `cardweave-test.${run}` },
    async listen() {
      // An ordered consumer from the stream's start: every stored message, in stream order.
      const consumer = await jetstream(connection).consumers.get(stream);
      const messages = await consumer.consume();
      stopConsuming = () => messages.stop();
      void (async () => {
        for await (const message of messages) {
          received.push(toReceived(message.json<DomainEventMessage>(), message.headers?.get('Nats-Msg-Id') ?? null));
        }
      })();
    },
    received,
    async close() {
      stopConsuming();
      await (await jetstreamManager(connection)).streams.delete(stream).catch(() => undefined);
      await connection.close();
    },
  };
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each([
  ['NATS JetStream', jetStreamDestination],
  ['the in-process fallback', () => Promise.resolve(inProcessDestination())],
])('payments through two wallet replicas, events on %s', (_name, makeDestination) => {
  let system: TestSystem;
  let replica: WalletSubgraph;
  let secondGateway: RunningGateway;
  let relays: RunningEventRelay[] = [];
  let destination: Destination;

  beforeAll(async () => {
    // One set of simulated platforms for both replicas, as one platform would answer both.
    const registry = loadAdapterRegistry();
    const clock = fixedClock(TEST_NOW);
    const platforms = simulatedPlatforms(registry, clock);
    system = await startTestSystem({ demoData: false, eventRelays: false, registry, clock, platformHttp: platforms.http });
    replica = await startWalletSubgraph({
      databaseUrl: system.database.url,
      registry,
      clock,
      host: '127.0.0.1',
      port: 0,
      clearingUrl: system.clearing.url,
      issuerUrl: system.issuer.url,
      platformHttp: platforms.http,
      // Replicas of one wallet seal webhook secrets under one key.
      webhookSecrets: system.wallet.webhookSecrets,
    });
    secondGateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      logging: false,
      keyring: system.keyring,
      subgraphUrls: { issuer: system.issuer.url, wallet: replica.url, clearing: system.clearing.url },
    });
    destination = await makeDestination();
    relays = [
      await startEventRelay(system.wallet.database.dataSource, WALLET_SCHEMA, { ...destination.relayOptions, idleMs: 20 }),
      await startEventRelay(replica.database.dataSource, WALLET_SCHEMA, { ...destination.relayOptions, idleMs: 20 }),
    ];
    await destination.listen(relays);
  });

  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await destination?.close();
    await secondGateway?.stop();
    await replica?.stop();
    await system?.stop();
  });

  it(`${PAYMENTS} payments over ${CARDS} cards: exactly ${PAYMENTS} payment events, approved or declined, each card's in order`, async () => {
    const lanes: Array<{ customerId: string; cardId: string; bindingId: string }> = [];
    for (let c = 0; c < CUSTOMERS; c++) {
      const customer = await insertCustomer(system, { cards: CARDS / CUSTOMERS, billItems: 1 });
      for (const cardId of customer.cardIds) {
        const bindingId = (await bindingsOf(system, cardId)).find((b) => b.platform === 'wechat-pay')!.id;
        lanes.push({ customerId: customer.customerId, cardId, bindingId });
      }
    }
    const gateways = [system.gateway.url, secondGateway.url];
    const viaReplica = [0, 0];
    const outcomes = { approved: 0, declined: 0 };
    /** The event type each payment must produce, by its amount. */
    const expectedType = new Map<string, string>();
    /** Each card's payments by amount, in the order they were made: amounts are unique per payment. */
    const madePerCard = new Map<string, string[]>();

    await Promise.all(
      lanes.map(async (lane, laneIndex) => {
        const made: string[] = [];
        madePerCard.set(lane.cardId, made);
        for (let i = laneIndex; i < PAYMENTS; i += lanes.length) {
          // Alternating per payment, so each card's payments go through both replicas in turn.
          const replicaIndex = i % 2;
          // Every tenth is over the card's 5,000,000 fen credit limit: declined, an event all the same.
          const amountFen = i % 10 === 9 ? OVER_THE_LIMIT_FEN + i : 1_00 + i;
          const response = await fetch(gateways[replicaIndex], {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${system.token(lane.customerId)}` },
            body: JSON.stringify({
              query: PAY,
              variables: {
                input: {
                  idempotencyKey: `replicas-${i}`,
                  bindingId: lane.bindingId,
                  amountFen,
                  merchantName: '永辉超市',
                  merchantCategoryCode: '5411',
                },
              },
            }),
          });
          const { data, errors } = (await response.json()) as { data?: { pay: PayResponse }; errors?: unknown[] };
          expect(errors).toBeUndefined();
          if (data!.pay.ok) outcomes.approved++;
          else outcomes.declined++;
          expectedType.set(String(amountFen), data!.pay.ok ? 'payment.approved' : 'payment.declined');
          viaReplica[replicaIndex]++;
          made.push(String(amountFen));
        }
      }),
    );
    expect(outcomes.approved + outcomes.declined).toBe(PAYMENTS);
    // The over-limit tenth at least was declined, and payments within the limit were approved.
    expect(outcomes.declined).toBeGreaterThanOrEqual(PAYMENTS / 10);
    expect(outcomes.approved).toBeGreaterThan(0);
    expect(viaReplica).toEqual([PAYMENTS / 2, PAYMENTS / 2]);

    const paymentEvents = () => destination.received.filter((e) => e.type.startsWith('payment.'));
    await waitFor(() => paymentEvents().length >= PAYMENTS, 30_000, `${PAYMENTS} payment events`);
    // A moment more for anything extra (a repeat or a stray reversal) to arrive and fail the counts.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events = paymentEvents();

    expect(events).toHaveLength(PAYMENTS);
    expect(new Set(events.map((e) => e.id)).size).toBe(PAYMENTS);
    expect(events.filter((e) => e.messageId !== e.id)).toEqual([]);
    expect(events.filter((e) => e.type === 'payment.approved')).toHaveLength(outcomes.approved);
    expect(events.filter((e) => e.type === 'payment.declined')).toHaveLength(outcomes.declined);
    // Each event is its payment's outcome.
    for (const event of events) expect(event.type).toBe(expectedType.get(event.amountFen));
    for (const [cardId, made] of madePerCard) {
      expect(events.filter((e) => e.cardId === cardId).map((e) => e.amountFen)).toEqual(made);
    }
    // Both relays drained the shared outbox: nothing of it is left pending.
    const [pending] = (await system.wallet.database.dataSource.query(
      `SELECT count(*)::int AS n FROM ${WALLET_SCHEMA}.event_outbox WHERE published_at IS NULL`,
    )) as Array<{ n: number }>;
    expect(pending.n).toBe(0);
  });
});
