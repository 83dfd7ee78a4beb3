/** Customers for the lifecycle suites, written straight into the issuer's and wallet's tables. */
import { randomUUID } from 'node:crypto';
import { luhnValid, residentIdCheckCharacter } from '@cardweave/adapter-sdk';
import type { TestSystem } from '../support/test-system';

export interface LifecycleCustomer {
  customerId: string;
  creditLineId: string;
  cardId: string | null;
}

/** A valid resident ID number for a birth date (GB 11643-1999). */
export function residentIdFor(birthDate: string): string {
  const first17 = `110105${birthDate.replace(/-/g, '')}002`;
  return first17 + residentIdCheckCharacter(first17);
}

function panFor(seed: number): string {
  const body = `625350${String(seed).padStart(9, '0')}`;
  for (let d = 0; d <= 9; d += 1) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

export async function insertLifecycleCustomer(
  system: TestSystem,
  shape: {
    createdAt: string;
    limitFen?: bigint;
    card?: boolean;
    realNameLevel?: number;
    birthDate?: string;
    status?: 'ACTIVE' | 'FROZEN';
    wallets?: Array<'ACTIVE' | 'RESTRICTED'>;
  },
): Promise<LifecycleCustomer> {
  const issuer = system.issuer.database.dataSource;
  const customerId = randomUUID();
  const creditLineId = randomUUID();
  const birthDate = shape.birthDate ?? '1995-05-05';
  await issuer.query(
    `INSERT INTO issuer.customers (id, name, birth_date, real_name_level, status, user_group, resident_id_encrypted, mobile_encrypted, created_at)
     VALUES ($1, '测试用户', $2, $3, $4, 'YOUNG_PROFESSIONAL', $5, $6, $7)`,
    [
      customerId,
      birthDate,
      shape.realNameLevel ?? 3,
      shape.status ?? 'ACTIVE',
      system.vault.encrypt(residentIdFor(birthDate)),
      // The mobile number the bank holds for the holder (the fourth element of WeChat Pay's check).
      system.vault.encrypt('13800138000'),
      shape.createdAt,
    ],
  );
  await issuer.query(
    `INSERT INTO issuer.credit_lines (id, customer_id, issuer_platform, limit_fen, used_fen, created_at) VALUES ($1, $2, 'jd-finance', $3, 0, $4)`,
    [creditLineId, customerId, (shape.limitFen ?? 5_000_000n).toString(), shape.createdAt],
  );
  let cardId: string | null = null;
  if (shape.card !== false) {
    cardId = randomUUID();
    const pan = panFor(Math.floor(Math.random() * 1e9));
    await issuer.query(
      `INSERT INTO issuer.cards (id, customer_id, credit_line_id, issuer_platform, network, bin, last4, pan_encrypted, status, expires_on, created_at)
       VALUES ($1, $2, $3, 'jd-finance', 'UNIONPAY', $4, $5, $6, 'ACTIVE', '2032-12-31', $7)`,
      [cardId, customerId, creditLineId, pan.slice(0, 6), pan.slice(-4), system.vault.encrypt(pan), shape.createdAt],
    );
  }
  const wallets = system.registry.byRole('wallet');
  for (const [i, status] of (shape.wallets ?? ['ACTIVE']).entries()) {
    const accountId = randomUUID();
    await system.wallet.database.dataSource.query(
      `INSERT INTO wallet.wallet_accounts (id, customer_id, platform, status, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [accountId, customerId, wallets[i].manifest.id, status, shape.createdAt],
    );
    if (cardId) {
      await system.wallet.database.dataSource.query(
        `INSERT INTO wallet.card_bindings (id, card_id, wallet_account_id, platform, status, verification_method, bound_at) VALUES ($1, $2, $3, $4, 'ACTIVE', 'FOUR_ELEMENTS', $5)`,
        [randomUUID(), cardId, accountId, wallets[i].manifest.id, shape.createdAt],
      );
    }
  }
  return { customerId, creditLineId, cardId };
}

/**
 * A purchase as the issuer posts it when it approves an authorization: an unbilled
 * posting (bill_id NULL) and the credit it uses, in one transaction.
 */
export async function postPurchase(system: TestSystem, customer: LifecycleCustomer, amountFen: bigint, at: string): Promise<void> {
  await system.issuer.database.dataSource.transaction(async (m) => {
    await m.query(
      `INSERT INTO issuer.bill_items (id, bill_id, card_id, kind, amount_fen, posted_at, transaction_id) VALUES ($1, NULL, $2, 'PURCHASE', $3, $4, $5)`,
      [randomUUID(), customer.cardId, amountFen.toString(), at, randomUUID()],
    );
    await m.query(`UPDATE issuer.credit_lines SET used_fen = used_fen + $2 WHERE id = $1`, [customer.creditLineId, amountFen.toString()]);
  });
}

export const shanghai = (local: string) => new Date(`${local}+08:00`);
