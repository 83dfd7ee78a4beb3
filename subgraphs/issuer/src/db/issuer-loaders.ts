/**
 * The request's DataLoaders: every read a GraphQL field makes, batched into one statement
 * per kind for all the parents of a request (the card view's 5 statements at the issuer; the
 * cycle in progress, when asked for, 1 more for its totals and 1 for its page of items).
 */
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import {
  byIdLoader,
  countLoader,
  decodeCursor,
  groupedLoader,
  pagedLoader,
  pageSize,
  toConnection,
  type Connection,
  type Keyset,
  type PageKey,
} from '@cardweave/subgraph-kit';
import { BillItemEntity } from './entities/bill-item.entity';
import { BillEntity } from './entities/bill.entity';
import { CardEntity } from './entities/card.entity';
import { CreditLineEntity } from './entities/credit-line.entity';
import { CustomerEntity } from './entities/customer.entity';
import { unbilledItemPages, unbilledTotals, type UnbilledTotalsRow } from './queries/bill-item.queries';

/** Each credit line's unbilled postings summed by kind (the cycle in progress), one statement per batch. */
function unbilledTotalsLoader(dataSource: DataSource): DataLoader<string, UnbilledTotalsRow> {
  return new DataLoader(async (lineIds) => {
    const byLine = new Map((await unbilledTotals(dataSource.manager, lineIds)).map((r) => [r.creditLineId, r]));
    return lineIds.map(
      (id) => byLine.get(id) ?? { creditLineId: id, chargesFen: 0n, penaltiesFen: 0n, repaymentsFen: 0n, items: 0, lastBalanceFen: 0n },
    );
  });
}

/**
 * Pages of each credit line's unbilled postings, newest first, with the kit's cursors: one
 * statement per page size and cursor for all the lines of a request (as the kit's pagedLoader).
 */
function unbilledItemPagesLoader(dataSource: DataSource): DataLoader<PageKey, Connection<BillItemEntity>, string> {
  const keyOf = (key: PageKey) => `${key.parentId}|${pageSize(key.first)}|${key.after ?? ''}`;
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { size: number; after: Keyset | null; lines: string[] }>();
      for (const key of keys) {
        const size = pageSize(key.first);
        const group = groups.get(`${size}|${key.after ?? ''}`) ?? { size, after: decodeCursor(key.after), lines: [] };
        group.lines.push(key.parentId);
        groups.set(`${size}|${key.after ?? ''}`, group);
      }
      const pages = new Map<string, Connection<BillItemEntity>>();
      for (const [groupKey, group] of groups) {
        const rows = await unbilledItemPages(dataSource.manager, group.lines, group.size + 1, group.after);
        for (const line of group.lines) {
          const own = rows.filter((r) => r.creditLineId === line);
          const page = toConnection(own, group.size, (r) => ({ sort: r.sort, id: r.item.id }));
          pages.set(`${line}|${groupKey}`, {
            edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.item })),
            pageInfo: page.pageInfo,
          });
        }
      }
      return keys.map((key) => pages.get(keyOf(key))!);
    },
    { cacheKeyFn: keyOf },
  );
}

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
    // The cycle in progress (Card.currentCycle): read only when asked for, batched over the request's cards.
    unbilledTotals: unbilledTotalsLoader(dataSource),
    unbilledItemPages: unbilledItemPagesLoader(dataSource),
  };
}

export type IssuerLoaders = ReturnType<typeof createIssuerLoaders>;
