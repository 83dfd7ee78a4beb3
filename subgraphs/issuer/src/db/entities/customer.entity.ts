import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'customers' })
export class CustomerEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  @Column({ name: 'real_name_level', type: 'smallint' })
  realNameLevel!: number;

  @Column({ type: 'text' })
  status!: 'ACTIVE' | 'FROZEN';

  @Column({ name: 'user_group', type: 'text' })
  userGroup!: 'YOUNG_PROFESSIONAL' | 'SMALL_BUSINESS_OWNER' | 'STUDENT';

  /** The resident ID number, encrypted with the card-data key; never returned. */
  @Column({ name: 'resident_id_encrypted', type: 'text', nullable: true })
  residentIdEncrypted!: string | null;

  /** The mobile number the bank holds for the holder (银行预留手机号), encrypted like the ID number; never returned. */
  @Column({ name: 'mobile_encrypted', type: 'text', nullable: true })
  mobileEncrypted?: string | null;

  /** Why the issuer last changed the status (a freeze's reason), for manual review. */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason?: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt?: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
