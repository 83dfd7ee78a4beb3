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

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
