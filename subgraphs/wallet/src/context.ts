/** Per-request state of the wallet subgraph. */
import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { AdapterRegistry } from '@cardweave/adapter-sdk';
import type { Clock, HasIdentity } from '@cardweave/service-kit';
import type { OutboxFeed } from '@cardweave/subgraph-kit';
import { createWalletLoaders, type WalletLoaders } from './db/wallet-loaders';
import type { CardBindingService } from './binding/card-binding-service';
import type { PaymentCoordinator } from './payments/payment-coordinator';
import type { PaymentRecovery } from './payments/payment-recovery';
import type { WebhookSecretKeys } from './webhooks/webhook-secret-keys';

/** The payment chain's services, shared by all requests of one subgraph process. */
export interface WalletPayments {
  coordinator: PaymentCoordinator;
  recovery: PaymentRecovery;
}

export interface WalletContext extends HasIdentity {
  /** Card id → customer id, from the issuer (cards are the issuer's). */
  cardOwners: DataLoader<string, string | null>;
  binding: CardBindingService;
  loaders: WalletLoaders;
  registry: AdapterRegistry;
  payments: WalletPayments;
  /** For the few writes outside the payment and binding services (removing a binding). */
  dataSource: DataSource;
  /** The wallet's outbox, tailed for subscriptions (one per process). */
  activity: OutboxFeed;
  /** The keys webhook signing secrets are sealed under. */
  webhookSecrets: WebhookSecretKeys;
  now: Date;
}

export function createWalletContext(
  dataSource: DataSource,
  registry: AdapterRegistry,
  clock: Clock,
  payments: WalletPayments,
  binding: CardBindingService,
  cardOwners: DataLoader<string, string | null>,
  activity: OutboxFeed,
  webhookSecrets: WebhookSecretKeys,
): WalletContext {
  const now = clock.now();
  return {
    loaders: createWalletLoaders(
      dataSource,
      registry.byRole('wallet').flatMap((a) => a.limits),
      now,
    ),
    registry,
    payments,
    binding,
    cardOwners,
    dataSource,
    activity,
    webhookSecrets,
    now,
  };
}
