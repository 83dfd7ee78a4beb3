/**
 * The request's DataLoaders: every read a GraphQL field makes, batched into one statement
 * per kind for all the parents of a request (the card view's 2 statements at the wallet).
 */
import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { LimitRule } from '@cardweave/adapter-sdk';
import { byIdLoader, groupedLoader, groupedWithParentLoader, usageLoader, type UsageByWindow } from '@cardweave/subgraph-kit';
import { CardBindingEntity } from './entities/card-binding.entity';
import { WalletAccountEntity } from './entities/wallet-account.entity';
import { WALLET_SCHEMA } from './wallet-database';

export interface WalletLoaders {
  accountById: DataLoader<string, WalletAccountEntity | null>;
  accountsByCustomer: DataLoader<string, WalletAccountEntity[]>;
  bindingById: DataLoader<string, CardBindingEntity | null>;
  bindingsByCard: DataLoader<string, CardBindingEntity[]>;
  bindingsByAccount: DataLoader<string, CardBindingEntity[]>;
  usage: DataLoader<string, UsageByWindow>;
}

/** `walletRules`: the limits of every wallet adapter, whose usage `usage` reads as of `now`. */
export function createWalletLoaders(dataSource: DataSource, walletRules: LimitRule[], now: Date): WalletLoaders {
  const accounts = dataSource.getRepository(WalletAccountEntity);
  const bindings = dataSource.getRepository(CardBindingEntity);
  const accountById = byIdLoader(accounts);
  return {
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
  };
}
