/** The issuer's customers: their status (the risk freeze) and the records the checks read. */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { hydrateRows } from '@cardweave/subgraph-kit';
import { CustomerEntity } from '../entities/customer.entity';

export type CustomerStatus = CustomerEntity['status'];

export async function customerById(db: SqlRunner, id: string): Promise<CustomerEntity | null> {
  const rows = (await db.query(`SELECT * FROM issuer.customers WHERE id = $1`, [id])) as Record<string, unknown>[];
  return hydrateRows(db, CustomerEntity, rows)[0] ?? null;
}

/**
 * The customer, FOR SHARE: a freeze (an UPDATE of this row) waits for the caller's
 * transaction, or the caller sees the freeze.
 */
export async function shareCustomer(m: SqlRunner, id: string): Promise<CustomerEntity | null> {
  const rows = (await m.query(`SELECT * FROM issuer.customers WHERE id = $1 FOR SHARE`, [id])) as Record<string, unknown>[];
  return hydrateRows(m, CustomerEntity, rows)[0] ?? null;
}

/** The customer's status, FOR UPDATE: what a concurrent freeze changes. Null for no such customer. */
export async function lockCustomerStatus(m: SqlRunner, id: string): Promise<CustomerStatus | null> {
  const [row] = (await m.query(`SELECT status FROM issuer.customers WHERE id = $1 FOR UPDATE`, [id])) as Array<{ status: CustomerStatus }>;
  return row?.status ?? null;
}

/** Changes the status and keeps the change with its reason and who made it. */
export async function changeCustomerStatus(
  m: SqlRunner,
  change: { id: string; customerId: string; status: CustomerStatus; reason: string; changedBy: string | null; at: Date },
): Promise<void> {
  await m.query(`UPDATE issuer.customers SET status = $2, status_reason = $3, status_changed_at = $4 WHERE id = $1`, [
    change.customerId,
    change.status,
    change.reason,
    change.at,
  ]);
  await m.query(
    `INSERT INTO issuer.customer_status_changes (id, customer_id, status, reason, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [change.id, change.customerId, change.status, change.reason, change.changedBy, change.at],
  );
}

/**
 * A page of customers by id, `limit` rows after `afterId`; `only` keeps one customer (a
 * customer sees only themselves).
 */
export async function customersPage(
  db: SqlRunner,
  page: { afterId: string | null; only: string | null; limit: number },
): Promise<CustomerEntity[]> {
  const rows = (await db.query(
    `SELECT * FROM issuer.customers
      WHERE ($1::uuid IS NULL OR id > $1::uuid) AND ($2::uuid IS NULL OR id = $2::uuid)
      ORDER BY id ASC LIMIT $3`,
    [page.afterId, page.only, page.limit],
  )) as Record<string, unknown>[];
  return hydrateRows(db, CustomerEntity, rows);
}
