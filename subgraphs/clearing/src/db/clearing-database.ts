import { TransactionEntity } from './entities/transaction.entity';
import { CreateClearingTables1764115200002 } from './migrations/1764115200002-CreateClearingTables';
import { RoutePayments1764116000001 } from './migrations/1764116000001-RoutePayments';

export const CLEARING_SCHEMA = 'clearing';
export const clearingEntities = [TransactionEntity];
export const clearingMigrations = [CreateClearingTables1764115200002, RoutePayments1764116000001];
