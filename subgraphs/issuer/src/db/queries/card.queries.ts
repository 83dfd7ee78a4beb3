/** The issuer's cards: the record a check or a payment reads, and issuing one. */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { hydrateRows } from '@cardweave/subgraph-kit';
import { CardEntity } from '../entities/card.entity';

export async function cardById(db: SqlRunner, id: string): Promise<CardEntity | null> {
  const rows = (await db.query(`SELECT * FROM issuer.cards WHERE id = $1`, [id])) as Record<string, unknown>[];
  return hydrateRows(db, CardEntity, rows)[0] ?? null;
}

/** Cards of the credit line that are not closed. */
export async function countOpenCards(m: SqlRunner, creditLineId: string): Promise<number> {
  const [open] = (await m.query(`SELECT count(*)::int AS n FROM issuer.cards WHERE credit_line_id = $1 AND status <> 'CLOSED'`, [
    creditLineId,
  ])) as Array<{ n: number }>;
  return open.n;
}

export interface NewCard {
  id: string;
  customerId: string;
  creditLineId: string;
  issuerPlatform: string;
  network: string;
  bin: string;
  last4: string;
  /** Ciphertext only (pan-vault.ts): the full number is never stored in clear. */
  panEncrypted: string;
  expiresOn: string;
  createdAt: Date;
}

/** An ACTIVE card. */
export async function insertCard(m: SqlRunner, card: NewCard): Promise<void> {
  await m.query(
    `INSERT INTO issuer.cards (id, customer_id, credit_line_id, issuer_platform, network, bin, last4, pan_encrypted, status, expires_on, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'ACTIVE', $9, $10)`,
    [
      card.id,
      card.customerId,
      card.creditLineId,
      card.issuerPlatform,
      card.network,
      card.bin,
      card.last4,
      card.panEncrypted,
      card.expiresOn,
      card.createdAt,
    ],
  );
}
