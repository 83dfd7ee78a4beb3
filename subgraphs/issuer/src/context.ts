/** Per-request state of the issuer subgraph: fresh DataLoaders, the adapters, the clock. */
import type { DataSource } from 'typeorm';
import { fetchHttpClient, type AdapterRegistry, type HttpClient, type IdempotencyStore } from '@cardweave/adapter-sdk';
import type { Identity, Clock } from '@cardweave/service-kit';
import { byIdLoader, countLoader, groupedLoader, pagedLoader } from '@cardweave/subgraph-kit';
import { BillItemEntity } from './db/entities/bill-item.entity';
import { BillEntity } from './db/entities/bill.entity';
import { CardEntity } from './db/entities/card.entity';
import { CreditLineEntity } from './db/entities/credit-line.entity';
import { CustomerEntity } from './db/entities/customer.entity';
import type { PanVault } from './card-number/pan-vault';
import { ISSUER_SCHEMA } from './db/issuer-database';
import { AdapterIdempotencyStore } from './platform/adapter-idempotency-store';
import { programDateOf } from './domain/calendar-dates';

export function createIssuerLoaders(dataSource: DataSource) {
  const customers = dataSource.getRepository(CustomerEntity);
  const creditLines = dataSource.getRepository(CreditLineEntity);
  const cards = dataSource.getRepository(CardEntity);
  const bills = dataSource.getRepository(BillEntity);
  const billItems = dataSource.getRepository(BillItemEntity);
  const billItemCounts = countLoader(billItems, 'bill_id');
  return {
    customerById: byIdLoader(customers),
    creditLineById: byIdLoader(creditLines),
    creditLinesByCustomer: groupedLoader(creditLines, 'customer_id'),
    cardById: byIdLoader(cards),
    cardsByCustomer: groupedLoader(cards, 'customer_id', 'ORDER BY created_at DESC, id DESC'),
    billById: byIdLoader(bills),
    billsByCreditLine: groupedLoader(bills, 'credit_line_id', 'ORDER BY statement_date DESC, id DESC'),
    billPages: pagedLoader(bills, { parentColumn: 'credit_line_id', sortColumn: 'statement_date', defaultPageSize: 12 }),
    // A bill's first page of items also counts them (BillItemConnection.totalCount).
    billItemPages: pagedLoader(billItems, { parentColumn: 'bill_id', sortColumn: 'posted_at' }, billItemCounts),
    billItemCounts,
  };
}

export type IssuerLoaders = ReturnType<typeof createIssuerLoaders>;

export interface IssuerContext {
  loaders: IssuerLoaders;
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
  /** Where adapter calls keep their results per idempotency key (the issuer's own table). */
  adapterIdempotency: IdempotencyStore;
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
    adapterIdempotency: new AdapterIdempotencyStore(dataSource, ISSUER_SCHEMA),
    loaders: createIssuerLoaders(dataSource),
    registry,
    dataSource,
    clock,
    today: programDateOf(clock.now()),
  };
}
