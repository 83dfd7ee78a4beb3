/**
 * When the statement job recorded that a bill became overdue (its bill.overdue event): once
 * per bill, so a run repeated at the same instant, or on another replica, writes no second
 * event. Bills already overdue when this is added are taken as recorded: their state was
 * shown long before there were events to write.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddBillOverdueRecorded1796860800000 implements MigrationInterface {
  name = 'AddBillOverdueRecorded1796860800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issuer.bills ADD COLUMN overdue_recorded_at timestamptz`);
    await q.query(
      `UPDATE issuer.bills SET overdue_recorded_at = now()
        WHERE paid_by_due_fen < minimum_due_fen AND due_date < (now() AT TIME ZONE 'Asia/Shanghai')::date`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issuer.bills DROP COLUMN overdue_recorded_at`);
  }
}
