/** Per-request state of the wallet subgraph. */
import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { AdapterRegistry } from '@cardweave/adapter-sdk';
import type { Clock, HasIdentity } from '@cardweave/service-kit';
import { byIdLoader, groupedLoader, groupedWithParentLoader } from '@cardweave/subgraph-kit';
import { usageLoader, type UsageByWindow } from '@cardweave/subgraph-kit';
import { CardBindingEntity } from './db/entities/card-binding.entity';
import { WalletAccountEntity } from './db/entities/wallet-account.entity';
import { WALLET_SCHEMA } from './db/wallet-database';
import type { CardBindingService } from './binding/card-binding-service';
import type { PaymentCoordinator } from './payments/payment-coordinator';
import type { PaymentRecovery } from './payments/payment-recovery';

/** The payment chain's services, shared by all requests of one subgraph process. */
export interface WalletPayments {
  coordinator: PaymentCoordinator;
  recovery: PaymentRecovery;
}

export interface WalletContext extends HasIdentity {
  /** Card id → customer id, from the issuer (cards are the issuer's). */
  cardOwners: DataLoader<string, string | null>;
  binding: CardBindingService;
  loaders: {
    accountById: DataLoader<string, WalletAccountEntity | null>;
    accountsByCustomer: DataLoader<string, WalletAccountEntity[]>;
    bindingById: DataLoader<string, CardBindingEntity | null>;
    bindingsByCard: DataLoader<string, CardBindingEntity[]>;
    bindingsByAccount: DataLoader<string, CardBindingEntity[]>;
    usage: DataLoader<string, UsageByWindow>;
  };
  registry: AdapterRegistry;
  payments: WalletPayments;
  now: Date;
}

export function createWalletContext(
  dataSource: DataSource,
  registry: AdapterRegistry,
  clock: Clock,
  payments: WalletPayments,
  binding: CardBindingService,
  cardOwners: DataLoader<string, string | null>,
): WalletContext {
  const accounts = dataSource.getRepository(WalletAccountEntity);
  const bindings = dataSource.getRepository(CardBindingEntity);
  const now = clock.now();
  const walletRules = registry.byRole('wallet').flatMap((a) => a.limits);
  const accountById = byIdLoader(accounts);
  return {
    loaders: {
      accountById,
      accountsByCustomer: groupedLoader(accounts, 'customer_id', 'ORDER BY platform'),
      bindingById: byIdLoader(bindings),
      // A card's bindings come with their accounts: whose they are is the next question.
      bindingsByCard: groupedWithParentLoader(
        bindings,
        'card_id',
        { repo: accounts, foreignKey: 'wallet_account_id', byId: accountById },
        `AND t.status <> 'REMOVED' ORDER BY t.bound_at, t.id`,
      ),
      bindingsByAccount: groupedLoader(bindings, 'wallet_account_id', `AND status <> 'REMOVED' ORDER BY bound_at, id`),
      usage: usageLoader(dataSource, WALLET_SCHEMA, walletRules, now),
    },
    registry,
    payments,
    binding,
    cardOwners,
    now,
  };
}
