/**
 * Whether a bill is overdue is settled when its due date ends (00:00 Asia/Shanghai of the
 * next day): less than the minimum repaid by then makes it overdue until it is repaid in
 * full, whatever is repaid afterwards. paid_by_due_fen keeps what was repaid by then, so
 * the status is still derived at read time from the bill's own row. Existing bills take it
 * from their repayment allocations.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddBillPaidByDueDate1796083200000 implements MigrationInterface {
  name = 'AddBillPaidByDueDate1796083200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE issuer.bills ADD COLUMN paid_by_due_fen bigint NOT NULL DEFAULT 0 CHECK (paid_by_due_fen >= 0 AND paid_by_due_fen <= paid_fen)`,
    );
    await q.query(`
      UPDATE issuer.bills b SET paid_by_due_fen = on_time.fen
        FROM (SELECT a.bill_id, sum(a.penalty_fen + a.principal_fen) AS fen
                FROM issuer.repayment_allocations a JOIN issuer.bills d ON d.id = a.bill_id
               WHERE a.allocated_at < ((d.due_date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
               GROUP BY a.bill_id) on_time
       WHERE on_time.bill_id = b.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issuer.bills DROP COLUMN paid_by_due_fen`);
  }
}
