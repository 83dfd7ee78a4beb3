/**
 * The holder sets their own limits on a card: per payment, per day, per month, and the
 * merchant category groups the card may not pay at. The input replaces the controls set
 * before (null or absent clears one). Bad input is refused field by field as BAD_USER_INPUT
 * before anything changes. Setting the same controls again changes nothing, so a retry is safe.
 */
import { assertCanActForCustomer, graphqlError, notFound, requireId } from '@cardweave/service-kit';
import type { IssuerContext } from '../context';
import { lockCardRow, updateHolderControls } from '../db/queries/holder-controls.queries';
import type { HolderControls } from './cardholder-rules';
import { isMerchantCategoryGroup, type MerchantCategoryGroup } from './merchant-category-groups';

export interface SpendingControlsInputArgs {
  perPaymentFen?: bigint | null;
  dailyFen?: bigint | null;
  monthlyFen?: bigint | null;
  blockedMerchantCategories?: readonly string[] | null;
}

export interface SpendingControlsOutcome {
  ok: boolean;
  cardId: string;
}

function badInput(field: string, message: string): never {
  throw graphqlError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

/** The controls the input asks for, or a field-level BAD_USER_INPUT. */
export function validateSpendingControls(input: SpendingControlsInputArgs): HolderControls {
  const amounts = { perPaymentFen: input.perPaymentFen ?? null, dailyFen: input.dailyFen ?? null, monthlyFen: input.monthlyFen ?? null };
  for (const [name, value] of Object.entries(amounts)) {
    if (value !== null && value <= 0n) badInput(`input.${name}`, 'must be a whole number of fen above 0');
  }
  const { perPaymentFen, dailyFen, monthlyFen } = amounts;
  if (perPaymentFen !== null && dailyFen !== null && perPaymentFen > dailyFen)
    badInput('input.perPaymentFen', 'must not be above dailyFen');
  if (perPaymentFen !== null && monthlyFen !== null && perPaymentFen > monthlyFen) {
    badInput('input.perPaymentFen', 'must not be above monthlyFen');
  }
  if (dailyFen !== null && monthlyFen !== null && dailyFen > monthlyFen) badInput('input.dailyFen', 'must not be above monthlyFen');
  const groups: MerchantCategoryGroup[] = [];
  for (const name of input.blockedMerchantCategories ?? []) {
    if (!isMerchantCategoryGroup(name)) badInput('input.blockedMerchantCategories', 'not a merchant category group');
    if (!groups.includes(name)) groups.push(name);
  }
  return { perPaymentFen, dailyFen, monthlyFen, blockedMerchantCategories: groups };
}

export async function setSpendingControls(
  ctx: IssuerContext,
  cardIdArg: string,
  input: SpendingControlsInputArgs,
): Promise<SpendingControlsOutcome> {
  const cardId = requireId(cardIdArg, 'cardId');
  const controls = validateSpendingControls(input);
  return ctx.dataSource.transaction(async (m) => {
    const card = await lockCardRow(m, cardId);
    if (!card) throw notFound('card', 'cardId');
    // Another customer's card answers exactly as an absent one.
    assertCanActForCustomer(ctx, card.customerId, 'card', 'cardId');
    await updateHolderControls(m, cardId, controls);
    return { ok: true, cardId };
  });
}
