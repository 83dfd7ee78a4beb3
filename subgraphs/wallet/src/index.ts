/**
 * @cardweave/wallet-subgraph: the wallet's part of the graph (wallet accounts, card
 * bindings, payments). Its process entry is src/main.ts; what others use is here: starting
 * it and its database (schema, entities, migrations) for the demo data and the tests.
 */
export { startWalletSubgraph, WALLET_SCHEMA_FILE, type WalletSubgraph, type WalletSubgraphOptions } from './wallet-subgraph';
export { WALLET_SCHEMA, walletEntities, walletMigrations } from './db/wallet-database';
export { withActivityInbox, type ActivityInboxOptions } from './activity/activity-inbox';
export {
  KEPT_FOR_WEBHOOKS,
  REFERENCED_BY_WEBHOOK_DELIVERY,
  startInboxRetention,
  trimWalletEvents,
  trimWalletInbox,
} from './activity/inbox-retention';
export { CardBindingEntity } from './db/entities/card-binding.entity';
export { PaymentEntity } from './db/entities/payment.entity';
export { WalletAccountEntity } from './db/entities/wallet-account.entity';
export { WebhookWorker, webhookBody, type WebhookWorkerOptions } from './webhooks/webhook-worker';
export { SIGNATURE_HEADER, signatureHeader, verifySignature } from './webhooks/webhook-signature';
export { WebhookSecretKeys, WebhookSecretUnreadable, type StoredSecret } from './webhooks/webhook-secret-keys';
export { resealWebhookSecrets } from './webhooks/webhook-secret-sealing';
export { DEFAULT_WEBHOOK_BACKOFF, nextAttemptAt, WEBHOOK_RETRY_WINDOW_MS, type WebhookBackoff } from './webhooks/webhook-backoff';
