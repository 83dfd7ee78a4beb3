import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '@cardweave/subgraph-kit';

export type PaymentStatus = 'RESERVED' | 'APPROVED' | 'DECLINED' | 'REVERSING' | 'REVERSED';

/** The wallet's leg of a payment: the coordinator's record of the whole chain. */
@Entity({ name: 'payments' })
export class PaymentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @Column({ name: 'binding_id', type: 'uuid' })
  bindingId!: string;

  @Column({ name: 'card_id', type: 'uuid' })
  cardId!: string;

  @Column({ name: 'wallet_account_id', type: 'uuid' })
  walletAccountId!: string;

  @Column({ type: 'text' })
  platform!: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenColumn })
  amountFen!: bigint;

  @Column({ name: 'merchant_name', type: 'text' })
  merchantName!: string;

  @Column({ name: 'merchant_category', type: 'text' })
  merchantCategory!: string;

  @Column({ type: 'text' })
  status!: PaymentStatus;

  /** The canonical error, as JSON, when declined. */
  @Column({ type: 'text', nullable: true })
  decline!: string | null;

  /** The wallet limit windows the amount was counted in (JSON), to give back exactly those. */
  @Column({ type: 'text' })
  reservations!: string;

  @Column({ name: 'transaction_id', type: 'uuid', nullable: true })
  transactionId!: string | null;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
