/** Per-request state of the issuer subgraph: fresh DataLoaders, the adapters, the clock. */
import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { fetchHttpClient, type AdapterRegistry, type HttpClient, type IdempotencyStore } from '@cardweave/adapter-sdk';
import type { Identity, Clock } from '@cardweave/service-kit';
import { usageLoader, type UsageByWindow } from '@cardweave/subgraph-kit';
import { COUNTED_WINDOW_RULES } from './cardholder/cardholder-rules';
import { ISSUER_SCHEMA } from './db/issuer-database';
import type { PanVault } from './card-number/pan-vault';
import { createIssuerLoaders, type IssuerLoaders } from './db/issuer-loaders';
import { AdapterIdempotencyStore } from './platform/adapter-idempotency-store';
import { programDateOf } from './domain/calendar-dates';

export interface IssuerContext {
  loaders: IssuerLoaders;
  /** Each card's usage toward the holder's own daily and monthly limits (read only for cards that have one). */
  holderUsage: DataLoader<string, UsageByWindow>;
  registry: AdapterRegistry;
  dataSource: DataSource;
  clock: Clock;
  /** Today's date in the program's zone, fixed for the whole request. */
  today: string;
  /** Who is asking (see shared/src/auth/identity.ts); undefined while enforcement is off. */
  identity?: Identity | null;
  /** Encrypts card and ID numbers; absent only where no card data is handled. */
  vault?: PanVault;
  /** The HTTP client an adapter's operations talk to its platform through. */
  platformHttp: (adapterId: string) => HttpClient;
  /** Where adapter calls for a customer keep their results per key (the issuer's own table, per customer). */
  adapterIdempotencyFor(customerId: string): IdempotencyStore;
}

/** What the subgraph passes on to every request besides data source, adapters and clock. */
export interface IssuerContextExtras {
  vault?: PanVault;
  /** Defaults to real HTTP; tests and the embedded demo pass the platforms' simulators. */
  platformHttp?: (adapterId: string) => HttpClient;
}

const realPlatforms = fetchHttpClient();

export function createIssuerContext(
  dataSource: DataSource,
  registry: AdapterRegistry,
  clock: Clock,
  extras: IssuerContextExtras = {},
): IssuerContext {
  return {
    vault: extras.vault,
    platformHttp: extras.platformHttp ?? (() => realPlatforms),
    adapterIdempotencyFor: (customerId) => new AdapterIdempotencyStore(dataSource, customerId),
    loaders: createIssuerLoaders(dataSource),
    holderUsage: usageLoader(dataSource, ISSUER_SCHEMA, COUNTED_WINDOW_RULES, clock.now()),
    registry,
    dataSource,
    clock,
    today: programDateOf(clock.now()),
  };
}
