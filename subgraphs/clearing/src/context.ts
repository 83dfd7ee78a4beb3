/** Per-request state of the clearing subgraph. */
import type { DataSource } from 'typeorm';
import type { AdapterRegistry, PlatformAdapter } from '@cardweave/adapter-sdk';
import type DataLoader from 'dataloader';
import type { HasIdentity, Clock } from '@cardweave/service-kit';
import { createClearingLoaders } from './db/clearing-loaders';

export function createClearingContext(
  dataSource: DataSource,
  registry: AdapterRegistry,
  clock: Clock,
  /** Card id → customer id, from the issuer (shared/src/auth/card-owners.ts). */
  cardOwners: DataLoader<string, string | null>,
) {
  const network: PlatformAdapter = registry.single('clearing');
  const now = clock.now();
  return {
    loaders: createClearingLoaders(dataSource, network.limits, now),
    registry,
    network,
    now,
    cardOwners,
  };
}

export type ClearingContext = ReturnType<typeof createClearingContext> & HasIdentity;
