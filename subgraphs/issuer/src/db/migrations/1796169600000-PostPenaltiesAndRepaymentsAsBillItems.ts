/**
 * A bill is the statement of its cycle: every daily penalty and every repayment is a posting
 * (a bill_items row, kind PENALTY or REPAYMENT, on the credit line's first card) of the cycle
 * in which it happens, and each bill keeps the totals of its cycle: penalties_fen and
 * repayments_fen beside total_due_fen (the purchases), and balance_fen, what the line owed
 * at the close (the previous balance plus this cycle's purchases and penalties, less its
 * repayments). A penalty happens on the day it charges and is posted as that day ends
 * (23:59:59.999 Asia/Shanghai). Existing postings and repayments become items of the bill whose
 * cycle they fall in (or stay unbilled in the cycle in progress), and the totals follow.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const FIRST_CARD = `(SELECT c.id FROM issuer.cards c WHERE c.credit_line_id = %LINE% ORDER BY c.created_at, c.id LIMIT 1)`;

export class PostPenaltiesAndRepaymentsAsBillItems1796169600000 implements MigrationInterface {
  name = 'PostPenaltiesAndRepaymentsAsBillItems1796169600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE issuer.bills
        ADD COLUMN penalties_fen bigint NOT NULL DEFAULT 0 CHECK (penalties_fen >= 0),
        ADD COLUMN repayments_fen bigint NOT NULL DEFAULT 0 CHECK (repayments_fen >= 0),
        ADD COLUMN balance_fen bigint NOT NULL DEFAULT 0`);
    await q.query(`
      INSERT INTO issuer.bill_items (id, bill_id, card_id, kind, amount_fen, posted_at, transaction_id)
      SELECT gen_random_uuid(), NULL, ${FIRST_CARD.replace('%LINE%', 'b.credit_line_id')}, 'PENALTY', p.amount_fen,
             ((p.accrual_date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') - interval '1 millisecond', NULL
        FROM issuer.penalty_postings p JOIN issuer.bills b ON b.id = p.bill_id
       WHERE EXISTS (SELECT 1 FROM issuer.cards c WHERE c.credit_line_id = b.credit_line_id)`);
    await q.query(`
      INSERT INTO issuer.bill_items (id, bill_id, card_id, kind, amount_fen, posted_at, transaction_id)
      SELECT gen_random_uuid(), NULL, ${FIRST_CARD.replace('%LINE%', 'r.credit_line_id')}, 'REPAYMENT', r.amount_fen, r.repaid_at, NULL
        FROM issuer.repayments r
       WHERE EXISTS (SELECT 1 FROM issuer.cards c WHERE c.credit_line_id = r.credit_line_id)`);
    // The bill of a posting is the first one dated after the posting's day, as the statement job closes them.
    await q.query(`
      UPDATE issuer.bill_items i SET bill_id = (
        SELECT b.id FROM issuer.bills b JOIN issuer.cards c ON c.credit_line_id = b.credit_line_id
         WHERE c.id = i.card_id AND b.statement_date > (i.posted_at AT TIME ZONE 'Asia/Shanghai')::date
         ORDER BY b.statement_date LIMIT 1)
       WHERE i.bill_id IS NULL AND i.kind IN ('PENALTY', 'REPAYMENT')`);
    await q.query(`
      UPDATE issuer.bills b SET
        penalties_fen = coalesce((SELECT sum(i.amount_fen) FROM issuer.bill_items i WHERE i.bill_id = b.id AND i.kind = 'PENALTY'), 0),
        repayments_fen = coalesce((SELECT sum(i.amount_fen) FROM issuer.bill_items i WHERE i.bill_id = b.id AND i.kind = 'REPAYMENT'), 0)`);
    await q.query(`
      UPDATE issuer.bills b SET balance_fen = running.balance
        FROM (SELECT id, sum(total_due_fen + penalties_fen - repayments_fen) OVER (PARTITION BY credit_line_id ORDER BY statement_date, id) AS balance
                FROM issuer.bills) running
       WHERE running.id = b.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM issuer.bill_items WHERE kind IN ('PENALTY', 'REPAYMENT')`);
    await q.query(`ALTER TABLE issuer.bills DROP COLUMN balance_fen, DROP COLUMN repayments_fen, DROP COLUMN penalties_fen`);
  }
}
