/**
 * Whether a customer may get the card at the issuer, by the issuer adapter's rules and the
 * issuer's own data: real-name level, age from the resident ID number (the stored birth
 * date when no number is on file), overdue bills and the risk freeze.
 */
import { validateResidentId, type LocalDate, type RealNameLevel } from '@cardweave/adapter-sdk';
import { platformEligibility, type PlatformEligibilityModel } from '@cardweave/subgraph-kit';
import type { IssuerContext } from '../context';
import type { CustomerEntity } from '../db/entities/customer.entity';
import { parseIsoDate } from '../domain/calendar-dates';
import { overdueState } from '../domain/overdue';

export function birthDateOf(customer: CustomerEntity, ctx: IssuerContext): LocalDate {
  if (customer.residentIdEncrypted && ctx.vault) {
    let number: string | undefined;
    try {
      number = ctx.vault.decrypt(customer.residentIdEncrypted);
    } catch {
      // Sealed with another key (e.g. a service started without CARD_DATA_KEY): use the stored date.
    }
    const checked = validateResidentId(number, { asOf: ctx.clock.now() });
    if (checked.ok) return checked.value.birthDate;
  }
  return parseIsoDate(customer.birthDate);
}

export async function hasOverdueDebt(customer: CustomerEntity, ctx: IssuerContext): Promise<boolean> {
  const adapter = ctx.registry.single('issuer');
  const lines = await ctx.loaders.creditLinesByCustomer.load(customer.id);
  for (const line of lines) {
    const bills = await ctx.loaders.billsByCreditLine.load(line.id);
    if (overdueState(bills, ctx.today, adapter.issuerTerms!).isOverdue) return true;
  }
  return false;
}

export async function issuerEligibility(customer: CustomerEntity, ctx: IssuerContext): Promise<PlatformEligibilityModel> {
  const adapter = ctx.registry.single('issuer');
  return platformEligibility(
    adapter,
    'GET_CARD',
    {
      realNameLevel: customer.realNameLevel as RealNameLevel,
      birthDate: birthDateOf(customer, ctx),
      hasOverdueDebt: await hasOverdueDebt(customer, ctx),
      accountFrozen: customer.status === 'FROZEN',
      // The wallet's state is the wallet's to judge (its own eligibility).
      walletActive: true,
    },
    ctx.clock.now(),
  );
}
