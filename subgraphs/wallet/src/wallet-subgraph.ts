/** Starts the wallet subgraph: its database (migrated), its adapters, its HTTP server. */
import * as path from 'node:path';
import { fetchHttpClient, type AdapterRegistry, type HttpClient } from '@cardweave/adapter-sdk';
import { configValueFor, writeLog, type Clock } from '@cardweave/service-kit';
import { openSubgraphStore, serveSubgraph, siblingClient, type ServedSubgraph, type SqlRunner } from '@cardweave/subgraph-kit';
import { CardOwnerDirectory, OutboxFeed } from '@cardweave/subgraph-kit';
import { CardBindingService } from './binding/card-binding-service';
import { createWalletContext, type WalletPayments } from './context';
import { PaymentCoordinator } from './payments/payment-coordinator';
import { PaymentRecovery } from './payments/payment-recovery';
import { WALLET_SCHEMA, walletEntities, walletMigrations } from './db/wallet-database';
import { walletResolvers } from './resolvers';
import { WebhookWorker, type WebhookWorkerOptions } from './webhooks/webhook-worker';
import { WebhookSecretKeys } from './webhooks/webhook-secret-keys';
import { resealWebhookSecrets } from './webhooks/webhook-secret-sealing';

export const WALLET_SCHEMA_FILE = path.resolve(__dirname, '../schema.graphql');

export interface WalletSubgraphOptions {
  databaseUrl: string;
  registry: AdapterRegistry;
  clock: Clock;
  port?: number;
  host?: string;
  /** Where the clearing subgraph listens (its /graphql URL or origin): payments go there next. */
  clearingUrl: string;
  /** Where the issuer subgraph listens: it says whose a card is and checks its holder's elements. */
  issuerUrl: string;
  /** How wallet adapters reach their platforms; real HTTP unless given (simulators in tests and demos). */
  platformHttp?: (adapterId: string) => HttpClient;
  /** How long a hop may take before the payment is reversed (HOP_TIMEOUT_MS's default for the wallet unless given). */
  hopTimeoutMs?: number;
  /** Reverse payments left unfinished this long; checked every `recoveryIntervalMs` (0: never in the background). */
  recoveryAfterMs?: number;
  recoveryIntervalMs?: number;
  /** Deliver webhooks from this process (fanned out from the event inbox, which withActivityInbox fills); none when absent. */
  webhookWorker?: Omit<WebhookWorkerOptions, 'secrets'>;
  /** The keys webhook signing secrets are sealed under; WEBHOOK_SECRET_KEYS (or a throwaway key outside production) unless given. */
  webhookSecrets?: WebhookSecretKeys;
}

export interface WalletSubgraph extends ServedSubgraph {
  payments: WalletPayments;
  /** The webhook delivery worker, when this process runs one. */
  webhooks: WebhookWorker | null;
  /** The keys webhook signing secrets are sealed under. */
  webhookSecrets: WebhookSecretKeys;
  /** What the activity subscriptions follow (filled by withActivityInbox). */
  activity: OutboxFeed;
}

export async function startWalletSubgraph(options: WalletSubgraphOptions): Promise<WalletSubgraph> {
  if (options.registry.byRole('wallet').length === 0) throw new Error('no wallet adapter is configured');
  const database = await openSubgraphStore(options.databaseUrl, WALLET_SCHEMA, walletEntities, walletMigrations);
  const webhookSecrets = options.webhookSecrets ?? WebhookSecretKeys.fromEnv(process.env);
  await sealWebhookSecrets(database.dataSource, webhookSecrets);
  const hopTimeoutMs = options.hopTimeoutMs ?? configValueFor('HOP_TIMEOUT_MS', 'wallet', {});
  const clearing = siblingClient('wallet', options.clearingUrl, hopTimeoutMs);
  const coordinator = new PaymentCoordinator(database.dataSource, options.registry, clearing, options.clock, hopTimeoutMs);
  const payments = { coordinator, recovery: new PaymentRecovery(database.dataSource, coordinator, options.clock) };
  const issuer = siblingClient('wallet', options.issuerUrl, hopTimeoutMs);
  const http = fetchHttpClient();
  const binding = new CardBindingService(
    database.dataSource,
    options.registry,
    issuer,
    options.clock,
    options.platformHttp ?? (() => http),
  );
  const cardOwners = new CardOwnerDirectory(options.issuerUrl, 'wallet');
  // Every service's events as the wallet received them (activity/activity-inbox.ts says why there).
  const activity = new OutboxFeed(database.dataSource, WALLET_SCHEMA, { table: 'event_inbox' });
  const stopRecovery = options.recoveryIntervalMs
    ? payments.recovery.schedule(options.recoveryIntervalMs, options.recoveryAfterMs ?? 30_000)
    : async () => undefined;
  const served = await serveSubgraph(
    database,
    WALLET_SCHEMA,
    {
      name: 'wallet',
      schemaFile: WALLET_SCHEMA_FILE,
      resolvers: walletResolvers,
      context: () =>
        createWalletContext(
          database.dataSource,
          options.registry,
          options.clock,
          payments,
          binding,
          cardOwners.loader(),
          activity,
          webhookSecrets,
        ),
      port: options.port,
      host: options.host,
    },
    // The subscriptions' feed and the payment recovery stop, and what they had under way finishes, before the database closes.
    () => Promise.all([activity.close(), stopRecovery()]).then(() => undefined),
  );
  const webhooks = options.webhookWorker
    ? new WebhookWorker(database.dataSource, {
        secrets: webhookSecrets,
        onError: (error) =>
          console.error(
            JSON.stringify({
              level: 'error',
              service: 'wallet',
              msg: 'webhook delivery failed',
              error: error instanceof Error ? error.message : String(error),
            }),
          ),
        ...options.webhookWorker,
      })
    : null;
  webhooks?.start();
  return {
    ...served,
    payments,
    webhooks,
    webhookSecrets,
    activity,
    async stop() {
      // Its requests end within their timeout; then the database it records them in closes.
      await webhooks?.stop();
      await served.stop();
    },
  };
}

/**
 * Secrets still in clear or under an older key are sealed under the current one. One that
 * does not open is logged, not fatal: a wallet that refused to start would only restart and
 * refuse again, while its payments wait.
 */
async function sealWebhookSecrets(db: SqlRunner, keys: WebhookSecretKeys): Promise<void> {
  const report = await resealWebhookSecrets(db, keys);
  if (report.resealed > 0) {
    writeLog('info', 'wallet', 'webhook signing secrets sealed under the current key', {
      endpoints: report.resealed,
      keyId: keys.currentKeyId,
    });
  }
  if (report.unreadable.length > 0) writeLog('error', 'wallet', 'webhook signing secrets that do not open', { reasons: report.unreadable });
}
