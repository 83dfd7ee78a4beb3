/**
 * Batches the request's searches of cards' transactions: every card asking for the same search
 * and page (size, cursor) shares one statement (db/queries/transaction-search.queries.ts).
 * Its keys are checked already (filter, size, cursor), so a batch never fails for one bad key.
 */
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { toConnection, type Connection, type Keyset } from '@cardweave/subgraph-kit';
import type { TransactionEntity } from '../db/entities/transaction.entity';
import { searchTransactionPages } from '../db/queries/transaction-search.queries';
import { searchKey, type TransactionSearch } from './transaction-search';

export interface SearchPageKey {
  cardId: string;
  search: TransactionSearch;
  size: number;
  after: Keyset | null;
}

function pageKey(key: SearchPageKey): string {
  return `${key.size}|${key.after ? `${key.after.sort}|${key.after.id}` : ''}|${searchKey(key.search)}`;
}

export function transactionSearchLoader(dataSource: DataSource): DataLoader<SearchPageKey, Connection<TransactionEntity>, string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { first: SearchPageKey; cardIds: string[] }>();
      for (const key of keys) {
        const group = groups.get(pageKey(key)) ?? { first: key, cardIds: [] };
        if (!group.cardIds.includes(key.cardId)) group.cardIds.push(key.cardId);
        groups.set(pageKey(key), group);
      }
      const results = new Map<string, Connection<TransactionEntity>>();
      for (const [groupKey, { first, cardIds }] of groups) {
        const pages = await searchTransactionPages(dataSource.manager, {
          cardIds,
          search: first.search,
          limit: first.size + 1,
          after: first.after,
        });
        for (const cardId of cardIds) {
          const connection = toConnection(pages.get(cardId) ?? [], first.size, (row) => ({ sort: row.sort, id: row.transaction.id }));
          results.set(`${cardId}|${groupKey}`, {
            edges: connection.edges.map((e) => ({ cursor: e.cursor, node: e.node.transaction })),
            pageInfo: connection.pageInfo,
          });
        }
      }
      return keys.map((key) => results.get(`${key.cardId}|${pageKey(key)}`)!);
    },
    { cacheKeyFn: (key) => `${key.cardId}|${pageKey(key)}` },
  );
}
