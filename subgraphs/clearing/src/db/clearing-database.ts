/**
 * The clearing network's tables and migrations, listed explicitly.
 *
 * Data access, one style (as in the issuer and the wallet): SQL written out in a query module
 * per area (db/queries/<area>.queries.ts), typed functions the payment route calls with the
 * data source or its transaction's manager; GraphQL fields read through the request's
 * DataLoaders (db/clearing-loaders.ts), whose batched SQL is @cardweave/subgraph-kit's, as
 * are the limit reservations. No SQL and no repository calls outside db/. Not TypeORM
 * repositories: a leg is claimed with `ON CONFLICT (payment_id) DO NOTHING` and moves only by
 * conditional UPDATEs (`WHERE status = ANY(…) RETURNING`), which must stay visible in the SQL.
 */
import { eventOutboxMigration, limitAlertsMigration } from '@cardweave/subgraph-kit';
import { TransactionEntity } from './entities/transaction.entity';
import { CreateClearingTables1764115200002 } from './migrations/1764115200002-CreateClearingTables';
import { RoutePayments1764116000001 } from './migrations/1764116000001-RoutePayments';
import { IndexTransactionSearch1796688000000 } from './migrations/1796688000000-IndexTransactionSearch';

export const CLEARING_SCHEMA = 'clearing';
export const clearingEntities = [TransactionEntity];
export const clearingMigrations = [
  CreateClearingTables1764115200002,
  RoutePayments1764116000001,
  IndexTransactionSearch1796688000000,
  // Events of the network's own (a limit window nearly used), and each window's one warning.
  eventOutboxMigration(CLEARING_SCHEMA),
  limitAlertsMigration(CLEARING_SCHEMA),
];
