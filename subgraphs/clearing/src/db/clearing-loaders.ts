/**
 * The request's DataLoaders: every read a GraphQL field makes, batched into one statement
 * per kind for all the parents of a request (the card view's 2 statements at clearing).
 */
import type { DataSource } from 'typeorm';
import type { LimitRule } from '@cardweave/adapter-sdk';
import { byIdLoader, pagedLoader, usageLoader } from '@cardweave/subgraph-kit';
import { CLEARING_SCHEMA } from './clearing-database';
import { TransactionEntity } from './entities/transaction.entity';

/** `networkRules`: the network's limits, whose usage `usage` reads as of `now`. */
export function createClearingLoaders(dataSource: DataSource, networkRules: LimitRule[], now: Date) {
  const transactions = dataSource.getRepository(TransactionEntity);
  return {
    transactionById: byIdLoader(transactions),
    transactionPages: pagedLoader(transactions, { parentColumn: 'card_id', sortColumn: 'created_at' }),
    usage: usageLoader(dataSource, CLEARING_SCHEMA, networkRules, now),
  };
}
