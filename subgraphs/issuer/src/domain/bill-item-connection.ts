import type { Connection } from '@cardweave/subgraph-kit';
import type { BillItemEntity } from '../db/entities/bill-item.entity';

/** A page of a bill's items; `billId` lets `totalCount` be counted only when asked for. */
export interface BillItemConnectionModel extends Connection<BillItemEntity> {
  billId: string;
}
