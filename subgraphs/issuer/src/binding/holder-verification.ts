/**
 * The bank's side of a wallet's card check (the four-element check for WeChat Pay, the
 * card number for QuickPass): does what the user typed match the issuer's records of
 * this card? Answers per element with yes or no only; never echoes a value. The card
 * number and ID number are compared after decrypting the stored ones, in memory.
 */
import type { DataSource } from 'typeorm';
import { canActForCustomer } from '@cardweave/service-kit';
import type { InternalRoute } from '@cardweave/subgraph-kit';
import type { PanVault } from '../card-number/pan-vault';
import { cardById } from '../db/queries/card.queries';
import { customerById } from '../db/queries/customer.queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The four elements (name, ID number, mobile, card number) and the CVV2 printed on the card.
const CHECKED = ['name', 'residentId', 'mobile', 'cardNumber', 'cvv2'] as const;

export interface HolderCheck {
  cardId: string;
  /** Already validated and normalized by the wallet adapter; only these keys are compared. */
  fields: Partial<Record<(typeof CHECKED)[number], string>>;
}

/** Why the card cannot be bound as it stands: the canonical code the wallet declines with. */
export type CardBlock = 'CARD_LOCKED' | 'CARD_NOT_ACTIVE';

export type HolderVerdict = { found: false } | { found: true; matches: Record<string, boolean>; blocked: CardBlock | null };

function cardBlock(status: string): CardBlock | null {
  if (status === 'LOCKED') return 'CARD_LOCKED';
  return status === 'ACTIVE' ? null : 'CARD_NOT_ACTIVE';
}

export function holderVerificationRoutes(dataSource: DataSource, vault: PanVault | undefined): Record<string, InternalRoute> {
  return {
    'cards/verify-holder': async (body, caller) => {
      const check = body as HolderCheck;
      if (caller.service !== 'wallet') return { status: 403, body: { error: 'only the wallet checks card holders' } };
      if (typeof check?.cardId !== 'string' || !UUID.test(check.cardId) || typeof check.fields !== 'object' || check.fields === null) {
        return { status: 400, body: { error: 'cardId and fields are required' } };
      }
      const card = await cardById(dataSource, check.cardId.toLowerCase());
      // Someone else's card answers exactly like no card at all.
      if (!card || !canActForCustomer({ identity: caller.identity }, card.customerId)) return { status: 200, body: { found: false } };
      const customer = await customerById(dataSource, card.customerId);
      if (!customer) throw new Error(`card ${card.id} without customer`);
      const matches: Record<string, boolean> = {};
      for (const key of CHECKED) {
        const entered = check.fields[key];
        if (typeof entered !== 'string') continue;
        if (key === 'name') matches.name = entered.normalize('NFC').trim() === customer.name;
        if (key === 'cardNumber') matches.cardNumber = !!vault && entered.replace(/\s/g, '') === vault.decrypt(card.panEncrypted);
        if (key === 'mobile') {
          matches.mobile =
            !!vault &&
            !!customer.mobileEncrypted &&
            entered.replace(/^\+86/, '').replace(/\s/g, '') === vault.decrypt(customer.mobileEncrypted);
        }
        if (key === 'cvv2') {
          const cardNumber = vault?.decrypt(card.panEncrypted);
          matches.cvv2 = !!vault && !!cardNumber && entered === vault.cardVerificationValue(cardNumber, card.expiresOn);
        }
        if (key === 'residentId') {
          matches.residentId =
            !!vault &&
            !!customer.residentIdEncrypted &&
            entered.toUpperCase() === vault.decrypt(customer.residentIdEncrypted).toUpperCase();
        }
      }
      return { status: 200, body: { found: true, matches, blocked: cardBlock(card.status) } satisfies HolderVerdict };
    },
  };
}
