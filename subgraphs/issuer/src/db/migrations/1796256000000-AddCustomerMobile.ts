/**
 * The mobile number the bank holds for the card holder (银行预留手机号), encrypted with the
 * card-data key like the resident ID number: the fourth element of a wallet's four-element
 * check. Null for a customer whose mobile the issuer does not know: such a check never matches.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCustomerMobile1796256000000 implements MigrationInterface {
  name = 'AddCustomerMobile1796256000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issuer.customers ADD COLUMN mobile_encrypted text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issuer.customers DROP COLUMN mobile_encrypted`);
  }
}
