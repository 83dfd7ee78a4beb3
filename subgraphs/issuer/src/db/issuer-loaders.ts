/**
 * The request's DataLoaders: every read a GraphQL field makes, batched into one statement
 * per kind for all the parents of a request (the card view's 5 statements at the issuer).
 */
import type { DataSource } from 'typeorm';
import { byIdLoader, countLoader, groupedLoader, pagedLoader } from '@cardweave/subgraph-kit';
import { BillItemEntity } from './entities/bill-item.entity';
import { BillEntity } from './entities/bill.entity';
import { CardEntity } from './entities/card.entity';
import { CreditLineEntity } from './entities/credit-line.entity';
import { CustomerEntity } from './entities/customer.entity';

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
