/**
 * `npm run bench:events`: how long a domain event takes from its change to a JetStream
 * consumer and to a GraphQL subscriber, under a payment load. On the real PostgreSQL (BENCH_POSTGRES_URL) with NATS
 * (NATS_URL, default nats://127.0.0.1:4222).
 *
 * It creates a database of its own (cardweave_events_<pid>, dropped after the run), fills it
 * with customers built by the tests' fixture builder (one card per payer, each bound to every
 * wallet), and starts the system in this process as `npm start` does, with the issuer's and the
 * wallet's outbox relays at their production settings publishing to a stream of their own
 * (CARDWEAVE_BENCH_EVENTS_<run>, deleted after the run). An ordered JetStream consumer reads the
 * stream from its start while N payers each send payments one after another through the
 * gateway for S seconds. Per payment event: its occurredAt (the wallet's clock, inside the
 * transaction that commits it, so an upper bound of commit-to-consumer) against the time the
 * consumer receives it. Meanwhile the first M payers are subscribed to `customerActivity` through
 * the gateway over SSE (the wallet serves it from its inbox, which the relays fill through the
 * stream): per payment event of theirs, its
 * occurredAt against the moment its `next` arrives at the subscriber. It prints p50/p90/p99/max of
 * both and the counts (payments answered, approved, declined; events received, repeats).
 *
 * Everything runs in one Node process (gateway, subgraphs, relays, payers and the consumer
 * share one event loop), so the figures include that process's queueing: they are an upper
 * bound of what separate processes would show.
 *
 * Flags: --payers N (default 50), --seconds S (default 20), --subscribers M (default 10, at most N).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { startSystem } from '../scripts/system/start-system';
import { configValueIfSet, generateLocalKeySet, keyringFromLocalKeySet, mintToken, setLogSink } from '@cardweave/service-kit';
import type { DomainEventMessage } from '@cardweave/subgraph-kit';
import { openBenchDatabase, recreateDatabase } from './lib/database';
import { benchSetting } from './lib/settings';
import { subscribeToActivity, type ActivitySubscriber } from './lib/activity-subscriber';
import { percentile } from './load/load-result';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1`);
  return value;
}

const settings = {
  payers: flag('payers', 50),
  seconds: flag('seconds', 20),
  subscribers: flag('subscribers', 10),
  adminUrl: benchSetting('BENCH_POSTGRES_URL'),
  // Read through the services' table of variables, as they read it.
  natsUrl: String(configValueIfSet('NATS_URL') ?? 'nats://127.0.0.1:4222'),
  database: `cardweave_events_${process.pid}`,
};

const PAY = `mutation Pay($input: PayInput!) { pay(input: $input) { ok error { code } } }`;
const log = (message: string) => console.log(`[events ${new Date().toISOString().slice(11, 19)}] ${message}`);
const round = (ms: number) => Number(ms.toFixed(1));

async function main(): Promise<void> {
  // Request logs of thousands of payments would only bury the figures.
  setLogSink(() => undefined);
  const url = await recreateDatabase(settings.adminUrl, settings.database);
  log(`database ${settings.database} created on ${new URL(settings.adminUrl).host}`);
  const run = randomBytes(6).toString('hex');
  const stream = `CARDWEAVE_BENCH_EVENTS_${run}`;
  const subjectPrefix = `cardweave-bench.${run}`;
  const nats = await connect({ servers: settings.natsUrl, name: 'cardweave-event-latency-bench' });
  const cleanups: Array<() => Promise<unknown>> = [
    async () => {
      await (await jetstreamManager(nats)).streams.delete(stream).catch(() => undefined);
      await nats.close();
    },
    async () => {
      const admin = new (await import('pg')).Client({ connectionString: settings.adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${settings.database} WITH (FORCE)`);
      await admin.end();
    },
  ];
  try {
    const db = await openBenchDatabase(url);
    const payers: Array<{ customerId: string; bindingId: string }> = [];
    for (let i = 0; i < settings.payers; i++) {
      const customer = await db.addCustomer({ cards: 1, billItems: 1 });
      const [binding] = await db.query<{ id: string }>(
        'wallet',
        `SELECT id FROM wallet.card_bindings WHERE card_id = $1 ORDER BY platform`,
        [customer.cardIds[0]],
      );
      payers.push({ customerId: customer.customerId, bindingId: binding.id });
    }
    await db.close();
    log(`${settings.payers} customers, one card each`);

    const keys = generateLocalKeySet();
    // The relays (at their production settings) and the wallet's activity inbox, as `npm start`
    // runs them with NATS_URL, on a stream of this run's own; no webhook endpoints, no worker.
    const system = await startSystem(
      {
        databaseUrls: { issuer: url, wallet: url, clearing: url },
        host: '127.0.0.1',
        gatewayPort: 0,
        subgraphPorts: { issuer: 0, wallet: 0, clearing: 0 },
        demoData: false,
        production: false,
        natsUrl: settings.natsUrl,
      },
      { keys, eventRelays: true, eventStream: { stream, subjectPrefix }, webhookWorker: false, gatewayLogging: false },
    );
    cleanups.unshift(() => system.stop());

    const latencies: number[] = [];
    const seen = new Set<string>();
    let repeats = 0;
    const messages = await (await jetstream(nats).consumers.get(stream)).consume();
    const consuming = (async () => {
      for await (const message of messages) {
        const receivedAt = Date.now();
        const event = message.json<DomainEventMessage>();
        if (!event.type.startsWith('payment.')) continue;
        if (seen.has(event.id)) repeats++;
        else latencies.push(receivedAt - Date.parse(event.occurredAt));
        seen.add(event.id);
      }
    })();

    const keyring = keyringFromLocalKeySet(keys);
    const tokens = new Map(payers.map((p) => [p.customerId, mintToken({ privateKey: keyring.jwtPrivateKey!, customerId: p.customerId })]));

    // Subscribers: the first M payers, each following its own activity through the gateway.
    const subscribed = payers.slice(0, Math.min(settings.subscribers, payers.length));
    const subscriberLatencies: number[] = [];
    const delivered = new Map(subscribed.map((p) => [p.customerId, new Set<string>()]));
    let subscriberRepeats = 0;
    const subscriberErrors: unknown[] = [];
    const subscriptions: ActivitySubscriber[] = subscribed.map((payer) =>
      subscribeToActivity(
        system.gateway.url,
        tokens.get(payer.customerId)!,
        (event, receivedAt) => {
          if (!event.type.startsWith('PAYMENT_')) return;
          const seenHere = delivered.get(payer.customerId)!;
          if (seenHere.has(event.id)) subscriberRepeats++;
          else subscriberLatencies.push(receivedAt - Date.parse(event.occurredAt));
          seenHere.add(event.id);
        },
        (error) => subscriberErrors.push(error),
      ),
    );
    cleanups.unshift(() => Promise.resolve(subscriptions.forEach((s) => s.close())));
    await Promise.all(subscriptions.map((s) => s.opened));
    // The stream opens before the wallet's feed has fixed where it starts; give it that moment.
    await new Promise((resolve) => setTimeout(resolve, 500));
    log(`${subscribed.length} customers subscribed to customerActivity through the gateway`);
    const outcomes = { approved: 0, declined: 0, failed: 0 };
    const until = Date.now() + settings.seconds * 1000;
    log(`${settings.payers} payers for ${settings.seconds} s`);
    await Promise.all(
      payers.map(async (payer) => {
        while (Date.now() < until) {
          const response = await fetch(system.gateway.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(payer.customerId)}` },
            body: JSON.stringify({
              query: PAY,
              variables: {
                input: {
                  idempotencyKey: `bench-${randomUUID()}`,
                  bindingId: payer.bindingId,
                  amountFen: 1_00,
                  merchantName: '永辉超市',
                  merchantCategoryCode: '5411',
                },
              },
            }),
          });
          const body = (await response.json()) as { data?: { pay: { ok: boolean } }; errors?: unknown };
          if (!body.data?.pay) outcomes.failed++;
          else if (body.data.pay.ok) outcomes.approved++;
          else outcomes.declined++;
        }
      }),
    );
    const [{ n: written }] = await system.wallet.database.dataSource.query(
      `SELECT count(*)::int AS n FROM wallet.event_outbox WHERE type LIKE 'payment.%'`,
    );
    const expectedBySubscriber = new Map<string, number>();
    for (const payer of subscribed) {
      const [{ n }] = await system.wallet.database.dataSource.query(
        `SELECT count(*)::int AS n FROM wallet.event_outbox WHERE type LIKE 'payment.%' AND customer_id = $1`,
        [payer.customerId],
      );
      expectedBySubscriber.set(payer.customerId, n);
    }
    const subscriberExpected = [...expectedBySubscriber.values()].reduce((a, b) => a + b, 0);
    const subscriberReceived = () => [...delivered.values()].reduce((sum, ids) => sum + ids.size, 0);
    const drainDeadline = Date.now() + 30_000;
    while ((seen.size < written || subscriberReceived() < subscriberExpected) && Date.now() < drainDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await messages.close();
    await consuming;
    subscriptions.forEach((s) => s.close());

    const figures = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return {
        p50: round(percentile(sorted, 50)),
        p90: round(percentile(sorted, 90)),
        p99: round(percentile(sorted, 99)),
        max: round(sorted[sorted.length - 1] ?? NaN),
      };
    };
    const answered = outcomes.approved + outcomes.declined;
    console.log(
      JSON.stringify(
        {
          payers: settings.payers,
          seconds: settings.seconds,
          payments: { ...outcomes, perSecond: round(answered / settings.seconds) },
          events: { written, received: seen.size, repeats },
          commitToConsumerMs: figures(latencies),
          subscribers: {
            customers: subscribed.length,
            paymentEvents: subscriberExpected,
            received: subscriberReceived(),
            repeats: subscriberRepeats,
            errors: subscriberErrors.length,
          },
          commitToSubscriberMs: figures(subscriberLatencies),
        },
        null,
        2,
      ),
    );
    if (seen.size !== written) throw new Error(`${written - seen.size} of ${written} payment events never reached the consumer`);
    if (subscriberErrors.length) throw new Error(`a subscription failed: ${String(subscriberErrors[0])}`);
    if (subscriberReceived() !== subscriberExpected) {
      throw new Error(
        `${subscriberExpected - subscriberReceived()} of ${subscriberExpected} payment events never reached their subscriber`,
      );
    }
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => log(`cleanup failed: ${String(error)}`));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
