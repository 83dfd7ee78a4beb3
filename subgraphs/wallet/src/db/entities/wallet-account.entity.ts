import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A customer's account at one wallet platform (the adapter id). */
@Entity({ name: 'wallet_accounts' })
export class WalletAccountEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @Column({ type: 'text' })
  platform!: string;

  @Column({ type: 'text' })
  status!: 'ACTIVE' | 'RESTRICTED';

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
