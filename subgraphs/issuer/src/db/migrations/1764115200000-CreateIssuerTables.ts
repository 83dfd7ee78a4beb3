import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIssuerTables1764115200000 implements MigrationInterface {
  name = 'CreateIssuerTables1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE issuer.customers (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        birth_date date NOT NULL,
        real_name_level smallint NOT NULL CHECK (real_name_level BETWEEN 1 AND 3),
        status text NOT NULL CHECK (status IN ('ACTIVE', 'FROZEN')),
        user_group text NOT NULL CHECK (user_group IN ('YOUNG_PROFESSIONAL', 'SMALL_BUSINESS_OWNER', 'STUDENT')),
        resident_id_encrypted text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE issuer.credit_lines (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL UNIQUE REFERENCES issuer.customers (id),
        issuer_platform text NOT NULL,
        limit_fen bigint NOT NULL CHECK (limit_fen >= 0),
        used_fen bigint NOT NULL DEFAULT 0 CHECK (used_fen >= 0 AND used_fen <= limit_fen),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE issuer.cards (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES issuer.customers (id),
        credit_line_id uuid NOT NULL REFERENCES issuer.credit_lines (id),
        issuer_platform text NOT NULL,
        network text NOT NULL,
        bin text NOT NULL CHECK (bin ~ '^[0-9]{6}$'),
        last4 text NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
        pan_encrypted text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'LOCKED', 'FROZEN', 'CLOSED')),
        expires_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cards_customer_idx ON issuer.cards (customer_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE issuer.bills (
        id uuid PRIMARY KEY,
        credit_line_id uuid NOT NULL REFERENCES issuer.credit_lines (id),
        cycle_start date NOT NULL,
        cycle_end date NOT NULL,
        statement_date date NOT NULL,
        due_date date NOT NULL,
        total_due_fen bigint NOT NULL CHECK (total_due_fen >= 0),
        minimum_due_fen bigint NOT NULL CHECK (minimum_due_fen >= 0 AND minimum_due_fen <= total_due_fen),
        paid_fen bigint NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),
        penalty_accrued_fen bigint NOT NULL DEFAULT 0 CHECK (penalty_accrued_fen >= 0),
        UNIQUE (credit_line_id, cycle_start)
      )`);
    await q.query(`CREATE INDEX bills_credit_line_idx ON issuer.bills (credit_line_id, statement_date DESC, id DESC)`);
    await q.query(`
      CREATE TABLE issuer.bill_items (
        id uuid PRIMARY KEY,
        bill_id uuid NOT NULL REFERENCES issuer.bills (id),
        card_id uuid NOT NULL REFERENCES issuer.cards (id),
        kind text NOT NULL CHECK (kind IN ('PURCHASE', 'PENALTY', 'REPAYMENT')),
        amount_fen bigint NOT NULL,
        posted_at timestamptz NOT NULL,
        transaction_id uuid
      )`);
    await q.query(`CREATE INDEX bill_items_bill_idx ON issuer.bill_items (bill_id, posted_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE issuer.bill_items, issuer.bills, issuer.cards, issuer.credit_lines, issuer.customers`);
  }
}
