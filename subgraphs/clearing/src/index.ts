/**
 * @cardweave/clearing-subgraph: the clearing network's part of the graph (transactions,
 * routing of payments). Its process entry is src/main.ts; what others use is here:
 * starting it and its database (schema, entities, migrations) for the demo data and the tests.
 */
export { CLEARING_SCHEMA_FILE, startClearingSubgraph, type ClearingSubgraph, type ClearingSubgraphOptions } from './clearing-subgraph';
export { CLEARING_SCHEMA, clearingEntities, clearingMigrations } from './db/clearing-database';
export { TransactionEntity } from './db/entities/transaction.entity';
