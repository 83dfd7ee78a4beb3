/** Cards bound into wallet accounts: one live (not REMOVED) binding per card and account. */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { hydrateRows, returnedRows } from '@cardweave/subgraph-kit';
import { CardBindingEntity } from '../entities/card-binding.entity';

/** An ACTIVE binding unless the card has a live one in the account; the new binding's id, or null. */
export async function insertBindingOnce(
  db: SqlRunner,
  binding: { id: string; cardId: string; walletAccountId: string; platform: string; verificationMethod: string; boundAt: Date },
): Promise<string | null> {
  const inserted = (await db.query(
    `INSERT INTO wallet.card_bindings (id, card_id, wallet_account_id, platform, status, verification_method, bound_at)
     VALUES ($1, $2, $3, $4, 'ACTIVE', $5, $6)
     ON CONFLICT (card_id, wallet_account_id) WHERE status <> 'REMOVED' DO NOTHING RETURNING id`,
    [binding.id, binding.cardId, binding.walletAccountId, binding.platform, binding.verificationMethod, binding.boundAt],
  )) as Array<{ id: string }>;
  return inserted[0]?.id ?? null;
}

/** The card's live binding in the account. */
export async function liveBinding(db: SqlRunner, cardId: string, walletAccountId: string): Promise<CardBindingEntity> {
  const rows = (await db.query(`SELECT * FROM wallet.card_bindings WHERE card_id = $1 AND wallet_account_id = $2 AND status <> 'REMOVED'`, [
    cardId,
    walletAccountId,
  ])) as Record<string, unknown>[];
  if (!rows[0]) throw new Error(`no live binding of card ${cardId} in account ${walletAccountId}`);
  return hydrateRows(db, CardBindingEntity, rows)[0];
}

/** The binding, FOR SHARE: a suspension (an UPDATE of this row) waits for the caller's transaction. */
export async function shareBinding(m: SqlRunner, id: string): Promise<CardBindingEntity | null> {
  const rows = (await m.query(`SELECT * FROM wallet.card_bindings WHERE id = $1 FOR SHARE`, [id])) as Record<string, unknown>[];
  return hydrateRows(m, CardBindingEntity, rows)[0] ?? null;
}

/** Marks a live binding REMOVED: the binding as removed, or null when it already was. Waits for a payment holding it FOR SHARE. */
export async function markBindingRemoved(m: SqlRunner, id: string): Promise<CardBindingEntity | null> {
  const result = await m.query(`UPDATE wallet.card_bindings SET status = 'REMOVED' WHERE id = $1 AND status <> 'REMOVED' RETURNING *`, [
    id,
  ]);
  return hydrateRows(m, CardBindingEntity, returnedRows<Record<string, unknown>>(result))[0] ?? null;
}
