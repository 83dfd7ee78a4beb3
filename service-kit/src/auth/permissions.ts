/**
 * What each role may do: every mutation of the supergraph, and each field that shows what
 * only some roles may see, with the roles allowed. This one table is what the subgraph
 * server enforces (every Mutation field and each listed field is wrapped with its check when
 * the schema is built; a subgraph with a mutation missing here refuses to start) and what
 * the README's permission table is written from (`npm run permissions:docs`).
 *
 * The roles: CUSTOMER acts for the customer of its token; OPERATOR runs freezes, statement
 * runs and payment recovery, and reads every customer, but never moves a customer's money
 * nor acts with a customer's cards; SERVICE is a sibling subgraph, which reaches its
 * siblings only through their internal routes (the payment chain wallet → clearing →
 * issuer carries the customer's own identity), so it needs no mutation and no field here.
 * ANONYMOUS is a request that acts for no one. The ownership checks of the resolvers
 * (assertCanActForCustomer: a customer's own objects only) come after this table's.
 */
import { graphqlError } from '../errors/graphql-errors';
import type { HasIdentity, Identity, Role } from './identity';

/** Who asks: a role the identity carries, or no identity at all. */
export type Actor = Role | 'ANONYMOUS';
export const ACTORS: readonly Actor[] = ['CUSTOMER', 'OPERATOR', 'SERVICE', 'ANONYMOUS'];

export interface Permission {
  /** The actors allowed; an identity with several roles is allowed when one of them is. */
  allowed: readonly Actor[];
  /** Why, in a few words, for the README. */
  why: string;
}

/** Every mutation of the supergraph, by field name (each is owned by one subgraph). */
export const MUTATION_PERMISSIONS = {
  applyForCreditLine: { allowed: ['CUSTOMER'], why: 'applies for credit in the customer’s name' },
  startCardIssuance: { allowed: ['CUSTOMER'], why: 'applies for a card in the customer’s name' },
  sendIssuanceSmsCode: { allowed: ['CUSTOMER'], why: 'texts a code to the customer’s own phone' },
  verifyCardIssuanceStep: { allowed: ['CUSTOMER'], why: 'the customer’s own face, SMS code or password' },
  issueCard: { allowed: ['CUSTOMER'], why: 'issues a card to the customer' },
  repay: { allowed: ['CUSTOMER'], why: 'moves the customer’s money' },
  runStatements: { allowed: ['OPERATOR'], why: 'closes cycles and posts penalties for every customer' },
  freezeCustomer: { allowed: ['OPERATOR'], why: 'the issuer’s risk response, after review' },
  unfreezeCustomer: { allowed: ['OPERATOR'], why: 'lifts a freeze after review' },
  pay: { allowed: ['CUSTOMER'], why: 'moves the customer’s money' },
  recoverPayments: { allowed: ['OPERATOR'], why: 'reverses unfinished payments; moves no new money' },
  bindCard: { allowed: ['CUSTOMER'], why: 'puts the customer’s card in a wallet, with their verification' },
  repayThroughWallet: { allowed: ['CUSTOMER'], why: 'the customer’s repayment (always refused: repay at the issuer)' },
  lockCard: { allowed: ['CUSTOMER'], why: 'the holder’s own control of their card' },
  unlockCard: { allowed: ['CUSTOMER'], why: 'the holder’s own control (a card the issuer froze stays frozen)' },
  setSpendingControls: { allowed: ['CUSTOMER'], why: 'the holder’s own limits on their card' },
  removeWalletBinding: { allowed: ['CUSTOMER'], why: 'takes the customer’s card out of a wallet' },
  startCardReveal: { allowed: ['CUSTOMER'], why: 'the holder’s own payment password, before the card is shown' },
  revealCardDetails: { allowed: ['CUSTOMER'], why: 'shows the full card number, expiry and CVV2 to the holder alone' },
  provisionCardToWallet: { allowed: ['CUSTOMER'], why: 'pushes the customer’s card from the issuer into their wallet' },
  registerWebhookEndpoint: { allowed: ['OPERATOR'], why: 'an integrator’s endpoint for every customer’s events' },
  registerCustomerWebhookEndpoint: { allowed: ['CUSTOMER'], why: 'an endpoint for the customer’s own events' },
  redeliverWebhookEvent: { allowed: ['CUSTOMER', 'OPERATOR'], why: 'the endpoint’s owner resends one of its deliveries' },
  deleteWebhookEndpoint: { allowed: ['CUSTOMER', 'OPERATOR'], why: 'stops an endpoint: operators any, a customer their own' },
  rotateWebhookEndpointSecret: { allowed: ['CUSTOMER', 'OPERATOR'], why: 'the endpoint’s owner replaces its signing secret' },
} as const satisfies Record<string, Permission>;

/**
 * Fields that show a customer's identity or card, as `Type.field`: customers see their own,
 * operators read them to serve the customer, nobody else. A field that would show a full
 * card number, a CVV2 or a wallet's provisioning data would be listed for CUSTOMER alone.
 */
export const FIELD_PERMISSIONS = {
  'Customer.name': { allowed: ['CUSTOMER', 'OPERATOR'], why: 'the holder’s legal name' },
  'Customer.birthDate': { allowed: ['CUSTOMER', 'OPERATOR'], why: 'from the resident ID number' },
  'Card.maskedNumber': { allowed: ['CUSTOMER', 'OPERATOR'], why: 'the card, masked (the full number is never returned)' },
  'Card.expiry': { allowed: ['CUSTOMER', 'OPERATOR'], why: 'the card’s expiry' },
  'CardRevealStartResult.revealToken': { allowed: ['CUSTOMER'], why: 'unlocks the card’s details once' },
  'CardDetails.cardNumber': { allowed: ['CUSTOMER'], why: 'the full card number' },
  'CardDetails.expiry': { allowed: ['CUSTOMER'], why: 'the expiry beside the full number' },
  'CardDetails.cvv2': { allowed: ['CUSTOMER'], why: 'the card verification value' },
  'Subscription.cardActivity': { allowed: ['CUSTOMER'], why: 'the holder’s own card’s payments and bindings, as they happen' },
  'Subscription.customerActivity': { allowed: ['CUSTOMER'], why: 'the signed-in customer’s own activity, as it happens' },
  'Query.webhookEndpoints': {
    allowed: ['CUSTOMER', 'OPERATOR'],
    why: 'operators every endpoint, a customer their own; each log its owner’s',
  },
} as const satisfies Record<string, Permission>;

export type MutationName = keyof typeof MUTATION_PERMISSIONS;

/** The actors a request counts as: its identity's roles, or ANONYMOUS without one. */
export function actorsOf(identity: Identity | null | undefined): Actor[] {
  return identity && identity.roles.length ? [...identity.roles] : ['ANONYMOUS'];
}

const WHO: Record<Actor, string> = {
  CUSTOMER: 'the customer',
  OPERATOR: 'operators',
  SERVICE: 'sibling services',
  ANONYMOUS: 'a request without identity',
};

/**
 * Refuses a request the table does not allow: FORBIDDEN, saying who may. A request without
 * identity reached the subgraph signed by the gateway, so it is authenticated as a request
 * yet allowed nothing here. `coordinate` is `Mutation.pay` or `Card.expiry`.
 */
export function assertPermitted(permission: Permission, ctx: HasIdentity, coordinate: string, verb: 'do' | 'read'): void {
  const actors = actorsOf(ctx.identity);
  if (actors.some((actor) => permission.allowed.includes(actor))) return;
  const only = `only ${permission.allowed.map((a) => WHO[a]).join(' or ')} may`;
  if (actors.includes('ANONYMOUS')) {
    throw graphqlError('FORBIDDEN', `${coordinate}: needs an identity; ${only}`);
  }
  const refused = actors.includes('OPERATOR') ? 'OPERATOR' : actors[0];
  const action = verb === 'do' ? 'do this' : 'read this';
  const onBehalf = permission.allowed.includes('CUSTOMER') && refused !== 'CUSTOMER' ? ' on a customer’s behalf' : '';
  throw graphqlError('FORBIDDEN', `${coordinate}: ${WHO[refused]} may not ${action}${onBehalf}; ${only}`);
}

/**
 * The ownership check's second half, for changes: having passed the read check, only the
 * customer themself may change their data. Operators and services read every customer but
 * act for none: FORBIDDEN, with the reason (existence is no secret from them).
 */
export function assertActsAsCustomer(ctx: HasIdentity, customerId: string, what: string): void {
  const identity = ctx.identity;
  if (identity === undefined || identity === null) return;
  if (identity.customerId === customerId && identity.roles.includes('CUSTOMER')) return;
  const who = identity.roles.includes('OPERATOR') ? 'operators' : 'sibling services';
  throw graphqlError('FORBIDDEN', `${what}: ${who} may not act on a customer’s behalf`);
}

/** Whether the request may change this customer's data or move their money: the customer themself only. */
export function canChangeForCustomer(ctx: HasIdentity, customerId: string): boolean {
  if (ctx.identity === undefined) return true;
  return !!ctx.identity && ctx.identity.customerId === customerId && ctx.identity.roles.includes('CUSTOMER');
}
