/** The card holder's controls on a card: its lock, and the holder's own limits and blocked merchant categories. */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { hydrateRows, returnedRows } from '@cardweave/subgraph-kit';
import { CardEntity } from '../entities/card.entity';

/** The card, FOR UPDATE: a lock, an unlock or new controls wait for each other, and a payment (FOR SHARE of the customer) sees the result whole. */
export async function lockCardRow(m: SqlRunner, cardId: string): Promise<CardEntity | null> {
  const rows = (await m.query(`SELECT * FROM issuer.cards WHERE id = $1 FOR UPDATE`, [cardId])) as Record<string, unknown>[];
  return hydrateRows(m, CardEntity, rows)[0] ?? null;
}

/** Moves the card between ACTIVE and LOCKED only; a frozen or closed card is left as it is. */
export async function changeLockState(m: SqlRunner, cardId: string, from: 'ACTIVE' | 'LOCKED', to: 'ACTIVE' | 'LOCKED'): Promise<boolean> {
  const result = await m.query(`UPDATE issuer.cards SET status = $3 WHERE id = $1 AND status = $2 RETURNING id`, [cardId, from, to]);
  return returnedRows(result).length === 1;
}

export interface HolderControlsRow {
  perPaymentFen: bigint | null;
  dailyFen: bigint | null;
  monthlyFen: bigint | null;
  blockedMerchantCategories: string[];
}

export async function updateHolderControls(m: SqlRunner, cardId: string, controls: HolderControlsRow): Promise<void> {
  await m.query(
    `UPDATE issuer.cards
        SET holder_per_payment_fen = $2, holder_daily_fen = $3, holder_monthly_fen = $4, holder_blocked_categories = $5::text[]
      WHERE id = $1`,
    [
      cardId,
      controls.perPaymentFen?.toString() ?? null,
      controls.dailyFen?.toString() ?? null,
      controls.monthlyFen?.toString() ?? null,
      controls.blockedMerchantCategories,
    ],
  );
}

/** The card, FOR SHARE: a payment reads the lock and the holder's controls, and a change of them waits for it. */
export async function shareCard(m: SqlRunner, cardId: string): Promise<CardEntity | null> {
  const rows = (await m.query(`SELECT * FROM issuer.cards WHERE id = $1 FOR SHARE`, [cardId])) as Record<string, unknown>[];
  return hydrateRows(m, CardEntity, rows)[0] ?? null;
}
