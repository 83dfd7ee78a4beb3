import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A card bound into a wallet account. The card itself belongs to the issuer: only its id is here. */
@Entity({ name: 'card_bindings' })
export class CardBindingEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'card_id', type: 'uuid' })
  cardId!: string;

  @Column({ name: 'wallet_account_id', type: 'uuid' })
  walletAccountId!: string;

  @Column({ type: 'text' })
  platform!: string;

  @Column({ type: 'text' })
  status!: 'ACTIVE' | 'SUSPENDED' | 'REMOVED';

  /** The verification step kind the wallet ran, e.g. FOUR_ELEMENTS. */
  @Column({ name: 'verification_method', type: 'text' })
  verificationMethod!: string;

  @Column({ name: 'bound_at', type: 'timestamptz' })
  boundAt!: Date;
}
