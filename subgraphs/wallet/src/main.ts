/** The wallet subgraph as its own process: `tsx subgraphs/wallet/src/main.ts`. */
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { InProcessEventBus, withEventRelay } from '@cardweave/subgraph-kit';
import {
  clockFromEnv,
  configValue,
  configValueFor,
  installKeyring,
  keyringFromEnv,
  requiredConfigValue,
  runStandalone,
} from '@cardweave/service-kit';
import { WALLET_SCHEMA } from './db/wallet-database';
import { startWalletSubgraph } from './wallet-subgraph';
import { withActivityInbox } from './activity/activity-inbox';
import { REFERENCED_BY_WEBHOOK_DELIVERY } from './activity/inbox-retention';
import { WebhookSecretKeys } from './webhooks/webhook-secret-keys';

void runStandalone('wallet', async () => {
  installKeyring(keyringFromEnv(process.env, 'wallet'));
  const served = await startWalletSubgraph({
    databaseUrl: requiredConfigValue('WALLET_DATABASE_URL'),
    registry: loadAdapterRegistry(),
    clock: clockFromEnv(),
    port: configValue('WALLET_PORT'),
    host: configValue('HOST'),
    clearingUrl: configValue('CLEARING_URL'),
    issuerUrl: configValue('ISSUER_URL'),
    hopTimeoutMs: configValueFor('HOP_TIMEOUT_MS', 'wallet'),
    recoveryIntervalMs: configValue('PAYMENT_RECOVERY_INTERVAL_MS'),
    recoveryAfterMs: configValue('PAYMENT_RECOVERY_AFTER_MS'),
    // Webhooks are delivered from this process, fanned out from the event inbox that withActivityInbox fills below.
    webhookWorker: {},
    // Outside production without WEBHOOK_SECRET_KEYS: the data folder's, as the local service keys.
    webhookSecrets: WebhookSecretKeys.fromEnv(process.env, configValue('CARDWEAVE_DATA_DIR') ?? '.data'),
  });
  // The relay runs in this process: to NATS JetStream with NATS_URL, in-process without. The
  // subscriptions' inbox reads the same broker: every service's events with NATS; without it,
  // only this process's (the issuer runs elsewhere; `npm start` runs both on one bus).
  const natsUrl = configValue('NATS_URL');
  const bus = natsUrl ? undefined : new InProcessEventBus();
  return withEventRelay(await withActivityInbox(served, { natsUrl, bus }), WALLET_SCHEMA, natsUrl, {
    bus,
    keepPublished: REFERENCED_BY_WEBHOOK_DELIVERY('o'),
  });
});
