import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '@cardweave/subgraph-kit';

export type CardStatus = 'ACTIVE' | 'LOCKED' | 'FROZEN' | 'CLOSED';

@Entity({ name: 'cards' })
export class CardEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @Column({ name: 'credit_line_id', type: 'uuid' })
  creditLineId!: string;

  @Column({ name: 'issuer_platform', type: 'text' })
  issuerPlatform!: string;

  @Column({ type: 'text' })
  network!: string;

  @Column({ type: 'text' })
  bin!: string;

  @Column({ type: 'text' })
  last4!: string;

  /** AES-256-GCM ciphertext of the full number (see pan-vault.ts); never returned. */
  @Column({ name: 'pan_encrypted', type: 'text' })
  panEncrypted!: string;

  @Column({ type: 'text' })
  status!: CardStatus;

  /** Last day of the expiry month. */
  @Column({ name: 'expires_on', type: 'date' })
  expiresOn!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The holder's own limits (null: not set; absent on a card built in memory, e.g. demo data, which has none), enforced by the issuer as the `cardholder` platform's rules. */
  @Column({ name: 'holder_per_payment_fen', type: 'bigint', nullable: true, transformer: fenColumn })
  holderPerPaymentFen?: bigint | null;

  @Column({ name: 'holder_daily_fen', type: 'bigint', nullable: true, transformer: fenColumn })
  holderDailyFen?: bigint | null;

  @Column({ name: 'holder_monthly_fen', type: 'bigint', nullable: true, transformer: fenColumn })
  holderMonthlyFen?: bigint | null;

  /** Merchant category groups the holder blocks (cardholder/merchant-category-groups.ts). */
  @Column({ name: 'holder_blocked_categories', type: 'text', array: true, default: () => "'{}'" })
  holderBlockedCategories?: string[];
}
