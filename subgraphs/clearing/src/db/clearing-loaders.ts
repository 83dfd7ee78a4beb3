/**
 * The request's DataLoaders: every read a GraphQL field makes, batched into one statement
 * per kind for all the parents of a request (the card view's 2 statements at clearing).
 */
import type { DataSource } from 'typeorm';
import type { LimitRule } from '@cardweave/adapter-sdk';
import { byIdLoader, usageLoader } from '@cardweave/subgraph-kit';
import { transactionSearchLoader } from '../transactions/transaction-search-loader';
import { CLEARING_SCHEMA } from './clearing-database';
import { TransactionEntity } from './entities/transaction.entity';

/** `networkRules`: the network's limits, whose usage `usage` reads as of `now`. */
export function createClearingLoaders(dataSource: DataSource, networkRules: LimitRule[], now: Date) {
  const transactions = dataSource.getRepository(TransactionEntity);
  return {
    transactionById: byIdLoader(transactions),
    /** Card.transactions, with or without a filter: a page per card, one statement per search and page. */
    transactionPages: transactionSearchLoader(dataSource),
    usage: usageLoader(dataSource, CLEARING_SCHEMA, networkRules, now),
  };
}
