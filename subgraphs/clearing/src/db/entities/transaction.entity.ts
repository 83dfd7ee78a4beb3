import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '@cardweave/subgraph-kit';

/** A payment as the clearing network routed it: the network's own record. */
@Entity({ name: 'transactions' })
export class TransactionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'card_id', type: 'uuid' })
  cardId!: string;

  @Column({ name: 'wallet_platform', type: 'text' })
  walletPlatform!: string;

  @Column({ name: 'network_platform', type: 'text' })
  networkPlatform!: string;

  @Column({ name: 'merchant_name', type: 'text' })
  merchantName!: string;

  @Column({ name: 'merchant_category', type: 'text' })
  merchantCategory!: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenColumn })
  amountFen!: bigint;

  @Column({ type: 'text' })
  status!: 'PENDING' | 'APPROVED' | 'DECLINED' | 'REVERSED';

  @Column({ name: 'decline_code', type: 'text', nullable: true })
  declineCode!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The wallet's payment this leg belongs to; null for history loaded as demo data. */
  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId?: string | null;
}
