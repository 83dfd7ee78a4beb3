import type { Connection } from '@cardweave/subgraph-kit';
import type { BillItemEntity } from '../db/entities/bill-item.entity';

/**
 * A page of a bill's items (`billId`), or of the cycle in progress of a credit line
 * (`creditLineId`, its unbilled postings); either lets `totalCount` be counted only when asked for.
 */
export type BillItemConnectionModel = Connection<BillItemEntity> & ({ billId: string } | { creditLineId: string });
