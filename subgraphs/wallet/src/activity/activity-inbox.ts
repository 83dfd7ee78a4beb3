/**
 * Where the wallet's subscriptions read from: the wallet's event inbox (wallet.event_inbox),
 * filled from the broker with every service's events (the issuer's card and credit-line events,
 * the wallet's own payments and bindings), not the wallet's outbox, which holds only its own.
 *
 * Why an inbox in the wallet's database rather than reading the issuer's outbox or subscribing
 * each client to the broker: no subgraph reads another's tables; one table gives every
 * subscription one order across services (its position), so `after: <event id>` resumes at the
 * same place whichever service wrote the event; a customer's filter is a WHERE clause on
 * indexed columns; and any number of wallet replicas share the table, each storing what it
 * receives at most once (startEventInbox in the subgraph kit says how order survives that).
 */
import { configValue } from '@cardweave/service-kit';
import { startEventInbox, type InProcessEventBus, type RetentionJobOptions } from '@cardweave/subgraph-kit';
import { WALLET_SCHEMA } from '../db/wallet-database';
import type { WalletSubgraph } from '../wallet-subgraph';
import { startInboxRetention } from './inbox-retention';

export interface ActivityInboxOptions {
  /** NATS with JetStream; none: `bus`, which the relays of this process publish to. */
  natsUrl?: string;
  bus?: InProcessEventBus;
  /** The stream and subjects the relays publish to, when not the default ones. */
  stream?: string;
  subjectPrefix?: string;
  /** Days an event stays in the inbox (EVENT_RETENTION_DAYS unless given); 0: kept for ever. */
  retentionDays?: number;
  /** How often events past the retention are looked for. */
  retention?: Pick<RetentionJobOptions, 'intervalMs' | 'batchPauseMs'>;
}

const logError = (msg: string) => (error: unknown) =>
  console.error(
    JSON.stringify({
      level: 'error',
      service: 'wallet',
      msg,
      error: error instanceof Error ? error.message : String(error),
    }),
  );

/** The wallet with its inbox filling beside it; the inbox stops before the wallet. */
export async function withActivityInbox<T extends Pick<WalletSubgraph, 'database' | 'stop'>>(
  wallet: T,
  options: ActivityInboxOptions,
): Promise<T> {
  const { retentionDays = configValue('EVENT_RETENTION_DAYS'), retention: retentionOptions, ...inboxOptions } = options;
  const inbox = await startEventInbox(wallet.database.dataSource, WALLET_SCHEMA, {
    ...inboxOptions,
    onError: logError('event inbox failed'),
  });
  const retention =
    retentionDays > 0
      ? startInboxRetention(wallet.database.dataSource, retentionDays, {
          ...retentionOptions,
          onError: logError('event inbox trimming failed'),
        })
      : null;
  return {
    ...wallet,
    async stop() {
      await retention?.stop();
      await inbox.stop();
      await wallet.stop();
    },
  };
}
