import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '@cardweave/subgraph-kit';

@Entity({ name: 'credit_lines' })
export class CreditLineEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  /** The issuer adapter that granted the line. */
  @Column({ name: 'issuer_platform', type: 'text' })
  issuerPlatform!: string;

  @Column({ name: 'limit_fen', type: 'bigint', transformer: fenColumn })
  limitFen!: bigint;

  @Column({ name: 'used_fen', type: 'bigint', transformer: fenColumn })
  usedFen!: bigint;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
