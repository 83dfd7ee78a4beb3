import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '@cardweave/subgraph-kit';

@Entity({ name: 'bill_items' })
export class BillItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** NULL while the posting awaits a statement (see the AddLifecycleTables migration). */
  @Column({ name: 'bill_id', type: 'uuid', nullable: true })
  billId!: string | null;

  @Column({ name: 'card_id', type: 'uuid' })
  cardId!: string;

  @Column({ type: 'text' })
  kind!: 'PURCHASE' | 'PENALTY' | 'REPAYMENT';

  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenColumn })
  amountFen!: bigint;

  @Column({ name: 'posted_at', type: 'timestamptz' })
  postedAt!: Date;

  /** The clearing network's transaction id: a reference, not a copy of its data. */
  @Column({ name: 'transaction_id', type: 'uuid', nullable: true })
  transactionId!: string | null;
}
