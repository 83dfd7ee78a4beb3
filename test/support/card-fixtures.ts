/** Builds a customer of a chosen size straight into the three subgraphs' databases. */
import { randomUUID } from 'node:crypto';
import { luhnValid } from '@cardweave/adapter-sdk';
import { TransactionEntity } from '@cardweave/clearing-subgraph';
import { BillItemEntity, BillEntity, CardEntity, CreditLineEntity, CustomerEntity } from '@cardweave/issuer-subgraph';
import { CardBindingEntity, WalletAccountEntity } from '@cardweave/wallet-subgraph';
import type { AdapterRegistry } from '@cardweave/adapter-sdk';
import type { PanVault } from '@cardweave/issuer-subgraph';
import type { PlatformDatabases } from './payment-books';

/** Where fixtures are written: a TestSystem, or the databases of a system run as processes. */
export type FixtureTarget = PlatformDatabases & { vault: PanVault; registry: AdapterRegistry };

export interface FixtureCustomer {
  customerId: string;
  cardIds: string[];
  pans: string[];
  transactionIds: string[];
}

function pan(index: number): string {
  const body = `625350${String(index).padStart(9, '0')}`;
  for (let d = 0; d <= 9; d += 1) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

export async function insertCustomer(
  system: FixtureTarget,
  shape: {
    cards: number;
    billItems: number;
    itemAmountFen?: bigint;
    paid?: boolean;
    /** Stored encrypted, as the issuer keeps it (for four-element checks). */
    residentId?: string;
    /** The mobile number the bank holds for the holder (default 13800138000). */
    mobile?: string;
    /** false: the cards are in no wallet yet. */
    bound?: boolean;
  },
): Promise<FixtureCustomer> {
  const issuer = system.issuer.database.dataSource;
  const wallet = system.wallet.database.dataSource;
  const clearing = system.clearing.database.dataSource;
  const customerId = randomUUID();
  const lineId = randomUUID();
  const at = new Date('2026-10-15T04:00:00Z');
  const amount = shape.itemAmountFen ?? 12_345n;
  const total = amount * BigInt(shape.billItems);

  await issuer.getRepository(CustomerEntity).insert({
    id: customerId,
    name: '测试用户',
    birthDate: '1995-05-05',
    realNameLevel: 3,
    status: 'ACTIVE',
    userGroup: 'YOUNG_PROFESSIONAL',
    residentIdEncrypted: shape.residentId ? system.vault.encrypt(shape.residentId) : null,
    mobileEncrypted: system.vault.encrypt(shape.mobile ?? '13800138000'),
    createdAt: at,
  });
  await issuer.getRepository(CreditLineEntity).insert({
    id: lineId,
    customerId,
    issuerPlatform: 'jd-finance',
    limitFen: 5_000_000n,
    usedFen: shape.paid === false ? total : 0n,
    createdAt: at,
  });
  const pans = Array.from({ length: shape.cards }, (_, i) => pan(i + Math.floor(Math.random() * 1e6)));
  const cards = pans.map((number, i) => ({
    id: randomUUID(),
    customerId,
    creditLineId: lineId,
    issuerPlatform: 'jd-finance',
    network: 'UNIONPAY',
    bin: number.slice(0, 6),
    last4: number.slice(-4),
    panEncrypted: system.vault.encrypt(number),
    status: 'ACTIVE' as const,
    expiresOn: '2031-11-30',
    createdAt: new Date(at.getTime() + i * 1000),
  }));
  await issuer.getRepository(CardEntity).insert(cards);

  const billId = randomUUID();
  await issuer.getRepository(BillEntity).insert({
    id: billId,
    creditLineId: lineId,
    cycleStart: '2026-10-01',
    cycleEnd: '2026-10-31',
    statementDate: '2026-11-01',
    dueDate: '2026-11-10',
    totalDueFen: total,
    minimumDueFen: total / 10n,
    paidFen: shape.paid === false ? 0n : total,
    penaltyAccruedFen: 0n,
  });
  const transactions = Array.from({ length: shape.billItems }, (_, i) => ({
    id: randomUUID(),
    cardId: cards[i % cards.length].id,
    walletPlatform: 'wechat-pay',
    networkPlatform: 'unionpay',
    merchantName: `商户 ${i}`,
    merchantCategory: '5411',
    amountFen: amount,
    status: 'APPROVED' as const,
    declineCode: null,
    createdAt: new Date(at.getTime() + i * 60_000),
  }));
  for (let i = 0; i < transactions.length; i += 500) {
    await clearing.getRepository(TransactionEntity).insert(transactions.slice(i, i + 500));
    await issuer.getRepository(BillItemEntity).insert(
      transactions.slice(i, i + 500).map((tx) => ({
        id: randomUUID(),
        billId,
        cardId: tx.cardId,
        kind: 'PURCHASE' as const,
        amountFen: tx.amountFen,
        postedAt: tx.createdAt,
        transactionId: tx.id,
      })),
    );
  }

  const accounts = system.registry.byRole('wallet').map((w) => ({
    id: randomUUID(),
    customerId,
    platform: w.manifest.id,
    status: 'ACTIVE' as const,
    createdAt: at,
  }));
  await wallet.getRepository(WalletAccountEntity).insert(accounts);
  if (shape.bound === false) return { customerId, cardIds: cards.map((c) => c.id), pans, transactionIds: transactions.map((t) => t.id) };
  await wallet.getRepository(CardBindingEntity).insert(
    cards.flatMap((card) =>
      accounts.map((account) => ({
        id: randomUUID(),
        cardId: card.id,
        walletAccountId: account.id,
        platform: account.platform,
        status: 'ACTIVE' as const,
        verificationMethod: 'FOUR_ELEMENTS',
        boundAt: at,
      })),
    ),
  );
  return { customerId, cardIds: cards.map((c) => c.id), pans, transactionIds: transactions.map((t) => t.id) };
}
