/** A customer the issuer knows but who has no credit line yet, written into the issuer's table as its onboarding would. */
import { randomUUID } from 'node:crypto';
import { residentIdFor } from '../lifecycle/lifecycle-fixtures';
import type { TestSystem } from '../support/test-system';

/** What the bank holds for the applicant: WeChat Pay's four-element check is compared against it. */
export const HOLDER = {
  name: '周晓岚',
  birthDate: '1994-09-18',
  residentId: residentIdFor('1994-09-18'),
  /** The mobile number the bank holds (银行预留手机号), stored without the country code. */
  mobile: '13912345678',
} as const;

/** A young professional at real-name level 3 with no credit line, no card and no wallet account. */
export async function newApplicant(system: TestSystem): Promise<string> {
  const id = randomUUID();
  await system.issuer.database.dataSource.query(
    `INSERT INTO issuer.customers (id, name, birth_date, real_name_level, status, user_group, resident_id_encrypted, mobile_encrypted, created_at)
     VALUES ($1, $2, $3, 3, 'ACTIVE', 'YOUNG_PROFESSIONAL', $4, $5, '2028-01-05T00:00:00+08:00')`,
    [id, HOLDER.name, HOLDER.birthDate, system.vault.encrypt(HOLDER.residentId), system.vault.encrypt(HOLDER.mobile)],
  );
  return id;
}
