/**
 * Whether a customer may bind the card into each wallet, by that wallet adapter's rules:
 * the issuer's facts about the person (real-name level, birth date, overdue, frozen) come
 * through federation (@requires), the wallet's own (the account's state) from here.
 */
import type { RealNameLevel } from '@cardweave/adapter-sdk';
import {
  parseDevice,
  platformEligibility,
  requiredPartMissing,
  type DeviceInputShape,
  type PlatformEligibilityModel,
} from '@cardweave/subgraph-kit';
import type { WalletContext } from '../context';

export interface CustomerFacts {
  id: string;
  realNameLevel?: number | null;
  birthDate?: string | null;
  hasOverdueDebt?: boolean | null;
  isFrozen?: boolean | null;
}

export async function walletEligibility(
  customer: CustomerFacts,
  ctx: WalletContext,
  deviceInput?: DeviceInputShape | null,
): Promise<PlatformEligibilityModel[]> {
  // Bad device input is refused before anything is read.
  const device = deviceInput ? parseDevice(deviceInput, 'device') : null;
  if (customer.realNameLevel == null || !customer.birthDate) {
    throw requiredPartMissing('walletEligibility', "the customer's facts", 'issuer');
  }
  const wallets = ctx.registry.byRole('wallet');
  const [year, month, day] = customer.birthDate.split('-').map(Number);
  const accounts = await ctx.loaders.accountsByCustomer.load(customer.id);
  return wallets.map((wallet) =>
    platformEligibility(
      wallet,
      'BIND_CARD',
      {
        realNameLevel: customer.realNameLevel as RealNameLevel,
        birthDate: { year, month, day },
        hasOverdueDebt: customer.hasOverdueDebt === true,
        accountFrozen: customer.isFrozen === true,
        // No account at this wallet, or a restricted one, is not a working wallet.
        walletActive: accounts.some((a) => a.platform === wallet.manifest.id && a.status === 'ACTIVE'),
        hasWalletAccount: accounts.some((a) => a.platform === wallet.manifest.id),
      },
      ctx.now,
      device ? { device, wallets } : undefined,
    ),
  );
}
