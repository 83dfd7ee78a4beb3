/**
 * The issuer's card lifecycle: idempotency keys, unbilled postings, statements,
 * penalty postings, repayments with their allocations, freezes and card issuance.
 *
 * Postings (the decision other flows build on):
 *   A posting is a row of issuer.bill_items. `bill_id` is now NULL while the posting
 *   awaits a statement: when the issuer approves an authorization it inserts
 *     (id, bill_id NULL, card_id, kind 'PURCHASE', amount_fen > 0, posted_at = now, transaction_id)
 *   in the same transaction that raises credit_lines.used_fen. The statement job later
 *   sets bill_id on every unbilled posting dated before the statement day, so a bill is
 *   built only from the issuer's own records. One PURCHASE posting per clearing
 *   transaction (a unique index), so a replayed authorization cannot post twice.
 *
 * Penalties are posted once per bill and accrual day (primary key), so re-running the
 * statement job changes nothing. Repayments keep their split per bill (penalty and
 * principal) with the instant they landed: the penalty of a past day is computed from
 * what was owed at the start of that day, whenever the job runs.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddLifecycleTables1764979200000 implements MigrationInterface {
  name = 'AddLifecycleTables1764979200000';

  async up(q: QueryRunner): Promise<void> {
    // Keyed by (scope, key) as first released; a later migration scopes the keys per customer.
    await q.query(`
      CREATE TABLE issuer.idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        state text NOT NULL CHECK (state IN ('IN_PROGRESS', 'DONE')),
        result text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);

    await q.query(`ALTER TABLE issuer.bill_items ALTER COLUMN bill_id DROP NOT NULL`);
    await q.query(`ALTER TABLE issuer.bill_items ADD CONSTRAINT bill_items_purchase_positive CHECK (kind <> 'PURCHASE' OR amount_fen > 0)`);
    await q.query(`CREATE INDEX bill_items_unbilled_idx ON issuer.bill_items (card_id, posted_at) WHERE bill_id IS NULL`);
    await q.query(
      `CREATE UNIQUE INDEX bill_items_purchase_transaction_uq ON issuer.bill_items (transaction_id) WHERE kind = 'PURCHASE' AND transaction_id IS NOT NULL`,
    );

    await q.query(`ALTER TABLE issuer.bills ADD COLUMN penalty_paid_fen bigint NOT NULL DEFAULT 0 CHECK (penalty_paid_fen >= 0)`);
    await q.query(`ALTER TABLE issuer.bills ADD CONSTRAINT bills_paid_within_owed CHECK (paid_fen <= total_due_fen + penalty_accrued_fen)`);
    await q.query(`
      CREATE TABLE issuer.penalty_postings (
        bill_id uuid NOT NULL REFERENCES issuer.bills (id),
        accrual_date date NOT NULL,
        principal_fen bigint NOT NULL CHECK (principal_fen > 0),
        amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
        posted_at timestamptz NOT NULL,
        PRIMARY KEY (bill_id, accrual_date)
      )`);

    await q.query(`
      CREATE TABLE issuer.repayments (
        id uuid PRIMARY KEY,
        credit_line_id uuid NOT NULL REFERENCES issuer.credit_lines (id),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        repaid_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE issuer.repayment_allocations (
        repayment_id uuid NOT NULL REFERENCES issuer.repayments (id),
        bill_id uuid NOT NULL REFERENCES issuer.bills (id),
        penalty_fen bigint NOT NULL CHECK (penalty_fen >= 0),
        principal_fen bigint NOT NULL CHECK (principal_fen >= 0),
        allocated_at timestamptz NOT NULL,
        PRIMARY KEY (repayment_id, bill_id)
      )`);
    await q.query(`CREATE INDEX repayment_allocations_bill_idx ON issuer.repayment_allocations (bill_id, allocated_at)`);

    await q.query(`ALTER TABLE issuer.customers ADD COLUMN status_reason text`);
    await q.query(`ALTER TABLE issuer.customers ADD COLUMN status_changed_at timestamptz`);
    await q.query(`
      CREATE TABLE issuer.customer_status_changes (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES issuer.customers (id),
        status text NOT NULL CHECK (status IN ('ACTIVE', 'FROZEN')),
        reason text NOT NULL,
        changed_by text,
        changed_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE issuer.card_issuances (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES issuer.customers (id),
        credit_line_id uuid NOT NULL REFERENCES issuer.credit_lines (id),
        issuer_platform text NOT NULL,
        status text NOT NULL CHECK (status IN ('VERIFYING', 'VERIFIED', 'ISSUED')),
        passed_steps text[] NOT NULL DEFAULT '{}',
        failed_attempts integer NOT NULL DEFAULT 0,
        card_id uuid REFERENCES issuer.cards (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX card_issuances_customer_idx ON issuer.card_issuances (customer_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE issuer.card_issuances, issuer.customer_status_changes, issuer.repayment_allocations, issuer.repayments, issuer.penalty_postings, issuer.idempotency_keys`,
    );
    await q.query(`ALTER TABLE issuer.customers DROP COLUMN status_changed_at, DROP COLUMN status_reason`);
    await q.query(`ALTER TABLE issuer.bills DROP CONSTRAINT bills_paid_within_owed, DROP COLUMN penalty_paid_fen`);
    await q.query(`DROP INDEX issuer.bill_items_purchase_transaction_uq, issuer.bill_items_unbilled_idx`);
    await q.query(`ALTER TABLE issuer.bill_items DROP CONSTRAINT bill_items_purchase_positive`);
    await q.query(`DELETE FROM issuer.bill_items WHERE bill_id IS NULL`);
    await q.query(`ALTER TABLE issuer.bill_items ALTER COLUMN bill_id SET NOT NULL`);
  }
}
