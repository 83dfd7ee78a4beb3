/** Per-request state of the clearing subgraph. */
import type { DataSource } from 'typeorm';
import type { AdapterRegistry, PlatformAdapter } from '@cardweave/adapter-sdk';
import type DataLoader from 'dataloader';
import type { HasIdentity, Clock } from '@cardweave/service-kit';
import { byIdLoader, pagedLoader, usageLoader } from '@cardweave/subgraph-kit';
import { CLEARING_SCHEMA } from './db/clearing-database';
import { TransactionEntity } from './db/entities/transaction.entity';

export function createClearingContext(
  dataSource: DataSource,
  registry: AdapterRegistry,
  clock: Clock,
  /** Card id → customer id, from the issuer (shared/src/auth/card-owners.ts). */
  cardOwners: DataLoader<string, string | null>,
) {
  const transactions = dataSource.getRepository(TransactionEntity);
  const network: PlatformAdapter = registry.single('clearing');
  const now = clock.now();
  return {
    loaders: {
      transactionById: byIdLoader(transactions),
      transactionPages: pagedLoader(transactions, { parentColumn: 'card_id', sortColumn: 'created_at' }),
      usage: usageLoader(dataSource, CLEARING_SCHEMA, network.limits, now),
    },
    registry,
    network,
    now,
    cardOwners,
  };
}

export type ClearingContext = ReturnType<typeof createClearingContext> & HasIdentity;
