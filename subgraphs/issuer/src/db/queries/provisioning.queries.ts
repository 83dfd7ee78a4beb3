/** Push-provisioning references: minting one, and redeeming it once. */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { returnedRows } from '@cardweave/subgraph-kit';

export interface NewProvisioningReference {
  id: string;
  cardId: string;
  customerId: string;
  walletPlatform: string;
  referenceHash: string;
  createdAt: Date;
  expiresAt: Date;
}

export async function insertProvisioningReference(m: SqlRunner, r: NewProvisioningReference): Promise<void> {
  await m.query(
    `INSERT INTO issuer.provisioning_references (id, card_id, customer_id, wallet_platform, reference_hash, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.id, r.cardId, r.customerId, r.walletPlatform, r.referenceHash, r.createdAt, r.expiresAt],
  );
}

export interface RedeemedReference {
  cardId: string;
  customerId: string;
}

/** Marks the reference redeemed: only for the wallet it was minted for, unredeemed and not lapsed at `at`; else null. */
export async function redeemProvisioningReference(
  m: SqlRunner,
  args: { referenceHash: string; walletPlatform: string; at: Date },
): Promise<RedeemedReference | null> {
  const result = await m.query(
    `UPDATE issuer.provisioning_references SET redeemed_at = $3
     WHERE reference_hash = $1 AND wallet_platform = $2 AND redeemed_at IS NULL AND expires_at > $3
     RETURNING card_id AS "cardId", customer_id AS "customerId"`,
    [args.referenceHash, args.walletPlatform, args.at],
  );
  return returnedRows<RedeemedReference>(result)[0] ?? null;
}
