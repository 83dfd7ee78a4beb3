/**
 * Everything the page asks of the gateway, in one module: the session and the typed
 * operations from client/operations. Sign-in asks the gateway's demo sign-in
 * (POST /web/sign-in, local runs only) for a customer token, which every request then sends
 * as a bearer token. Where there is no such route (a gateway without the local token key) the session holds only
 * the customer id. A real identity provider replaces signIn() and listDemoCustomers() alone.
 */
import applyForCreditLineDocument from '../../client/operations/apply-for-credit-line.graphql?raw';
import cardViewDocument from '../../client/operations/card-view.graphql?raw';
import demoCustomersDocument from '../../client/operations/demo-customers.graphql?raw';
import issueCardDocument from '../../client/operations/issue-card.graphql?raw';
import lockCardDocument from '../../client/operations/lock-card.graphql?raw';
import provisionCardToWalletDocument from '../../client/operations/provision-card-to-wallet.graphql?raw';
import removeWalletBindingDocument from '../../client/operations/remove-wallet-binding.graphql?raw';
import revealCardDetailsDocument from '../../client/operations/reveal-card-details.graphql?raw';
import sendIssuanceSmsCodeDocument from '../../client/operations/send-issuance-sms-code.graphql?raw';
import setSpendingControlsDocument from '../../client/operations/set-spending-controls.graphql?raw';
import startCardIssuanceDocument from '../../client/operations/start-card-issuance.graphql?raw';
import startCardRevealDocument from '../../client/operations/start-card-reveal.graphql?raw';
import unlockCardDocument from '../../client/operations/unlock-card.graphql?raw';
import verifyCardIssuanceStepDocument from '../../client/operations/verify-card-issuance-step.graphql?raw';
import walletChoicesDocument from '../../client/operations/wallet-choices.graphql?raw';
import type {
  ApplyForCreditLineMutation,
  ApplyForCreditLineMutationVariables,
  CardViewQuery,
  CardViewQueryVariables,
  DemoCustomersQuery,
  DemoCustomersQueryVariables,
  IssueCardMutation,
  IssueCardMutationVariables,
  LockCardMutation,
  LockCardMutationVariables,
  MerchantCategoryGroup,
  ProvisionCardToWalletMutation,
  ProvisionCardToWalletMutationVariables,
  RemoveWalletBindingMutation,
  RemoveWalletBindingMutationVariables,
  RevealCardDetailsMutation,
  RevealCardDetailsMutationVariables,
  SendIssuanceSmsCodeMutation,
  SendIssuanceSmsCodeMutationVariables,
  SetSpendingControlsMutation,
  SetSpendingControlsMutationVariables,
  StartCardIssuanceMutation,
  StartCardIssuanceMutationVariables,
  StartCardRevealMutation,
  StartCardRevealMutationVariables,
  UnlockCardMutation,
  UnlockCardMutationVariables,
  VerifyCardIssuanceStepMutation,
  VerifyCardIssuanceStepMutationVariables,
  WalletChoicesQuery,
  WalletChoicesQueryVariables,
} from '../../client/generated/operations';
import { fragmentDefinitions, withFragments } from '@cardweave/service-kit/with-fragments';
import { errorFromGraphQL, unreachable, type PageError } from './errors';
import type { Language } from './money';

export const GRAPHQL_ENDPOINT = '/graphql';
/**
 * The fragments the card view defines (CardPayableNow), which the lock, unlock and spending
 * controls documents spread: a document sent must define each fragment it spreads.
 */
const cardViewFragments = fragmentDefinitions(cardViewDocument);
const lockCardOperation = withFragments(lockCardDocument, cardViewFragments);
const unlockCardOperation = withFragments(unlockCardDocument, cardViewFragments);
const setSpendingControlsOperation = withFragments(setSpendingControlsDocument, cardViewFragments);
const SESSION_KEY = 'cardweave.session';

export interface Session {
  customerId: string;
  /** A bearer token, once the gateway issues them. */
  token?: string;
}

/** A failed request, in the canonical error form. */
export class RequestFailed extends Error {
  constructor(readonly error: PageError) {
    super(error.message.en);
  }
}

export function currentSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export async function signIn(customerId: string): Promise<Session> {
  let session: Session = { customerId };
  const response = await fetch('/web/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customerId }),
  }).catch(() => null);
  if (!response) throw new RequestFailed(unreachable());
  if (response.ok) session = (await response.json()) as Session;
  else if (response.status !== 404)
    throw new RequestFailed(
      errorFromGraphQL(
        ((await response.json().catch(() => ({}))) as { errors?: Array<{ extensions?: Record<string, unknown> }> }).errors?.[0] ?? {},
      ),
    );
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return session;
}

export function signOut(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

async function request<TData, TVariables extends Record<string, unknown>>(
  query: string,
  variables: TVariables,
  language: Language,
  session?: Session | null,
): Promise<TData> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', 'accept-language': language };
  if (session?.token) headers.authorization = `Bearer ${session.token}`;
  let body: { data?: TData | null; errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> };
  try {
    const response = await fetch(GRAPHQL_ENDPOINT, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    body = await response.json();
  } catch {
    throw new RequestFailed(unreachable());
  }
  if (body.errors?.length) throw new RequestFailed(errorFromGraphQL(body.errors[0]));
  if (!body.data) throw new RequestFailed(unreachable());
  return body.data;
}

/** GET /web/demo-customers when the gateway offers demo sign-in; null where it does not. */
async function demoCustomersFromGateway(): Promise<DemoCustomersQuery | null> {
  const response = await fetch('/web/demo-customers', { headers: { accept: 'application/json' } }).catch(() => null);
  if (!response) throw new RequestFailed(unreachable());
  if (response.status === 404) return null;
  const body = (await response.json().catch(() => ({}))) as {
    data?: DemoCustomersQuery;
    errors?: Array<{ extensions?: Record<string, unknown> }>;
  };
  if (body.errors?.length || !body.data) throw new RequestFailed(body.errors?.length ? errorFromGraphQL(body.errors[0]) : unreachable());
  return body.data;
}

export type DemoCustomer = DemoCustomersQuery['customers']['edges'][number]['node'];
export type CustomerView = NonNullable<CardViewQuery['customer']>;
export type CardView = CustomerView['cards'][number];

export async function listDemoCustomers(language: Language, first = 20): Promise<DemoCustomer[]> {
  const data =
    (await demoCustomersFromGateway()) ??
    (await request<DemoCustomersQuery, DemoCustomersQueryVariables>(demoCustomersDocument, { first }, language));
  return data.customers.edges.map((e) => e.node);
}

export async function loadCardView(session: Session, language: Language): Promise<CustomerView> {
  const data = await request<CardViewQuery, CardViewQueryVariables>(
    cardViewDocument,
    { customerId: session.customerId },
    language,
    session,
  );
  if (!data.customer) throw new RequestFailed(errorFromGraphQL({ extensions: { code: 'NOT_FOUND' } }));
  return data.customer;
}

export type WalletChoice = NonNullable<WalletChoicesQuery['customer']>['walletEligibility'][number];

/** The wallets the customer may put a card into (asked for by the wallets panel, not in the card view). */
export async function loadWalletChoices(session: Session, language: Language): Promise<WalletChoice[]> {
  const data = await request<WalletChoicesQuery, WalletChoicesQueryVariables>(
    walletChoicesDocument,
    { customerId: session.customerId },
    language,
    session,
  );
  return data.customer?.walletEligibility ?? [];
}

/**
 * The holder's actions. Each call sends a fresh idempotency key: a click is one request, and
 * the gateway answers a retried request (same key) with the first answer.
 * Nothing here is logged or kept: the payment password and the revealed details pass through.
 */
function idempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}

export type CreditLineApplication = ApplyForCreditLineMutation['applyForCreditLine'];
export type IssuanceResult = StartCardIssuanceMutation['startCardIssuance'] | VerifyCardIssuanceStepMutation['verifyCardIssuanceStep'];
export type Issuance = NonNullable<IssuanceResult['issuance']>;
export type SmsCodeSend = SendIssuanceSmsCodeMutation['sendIssuanceSmsCode'];
export type CardIssued = IssueCardMutation['issueCard'];
export type CardLock = LockCardMutation['lockCard'];
export type RevealStart = StartCardRevealMutation['startCardReveal'];
export type Reveal = RevealCardDetailsMutation['revealCardDetails'];
export type Provisioning = ProvisionCardToWalletMutation['provisionCardToWallet'];
export type { MerchantCategoryGroup };

export async function applyForCreditLine(session: Session, language: Language): Promise<CreditLineApplication> {
  const input = { customerId: session.customerId, idempotencyKey: idempotencyKey() };
  const data = await request<ApplyForCreditLineMutation, ApplyForCreditLineMutationVariables>(
    applyForCreditLineDocument,
    { input },
    language,
    session,
  );
  return data.applyForCreditLine;
}

export async function startCardIssuance(session: Session, language: Language): Promise<IssuanceResult> {
  const input = { customerId: session.customerId, idempotencyKey: idempotencyKey() };
  const data = await request<StartCardIssuanceMutation, StartCardIssuanceMutationVariables>(
    startCardIssuanceDocument,
    { input },
    language,
    session,
  );
  return data.startCardIssuance;
}

export async function sendIssuanceSmsCode(session: Session, language: Language, issuanceId: string): Promise<SmsCodeSend> {
  const input = { issuanceId, idempotencyKey: idempotencyKey() };
  const data = await request<SendIssuanceSmsCodeMutation, SendIssuanceSmsCodeMutationVariables>(
    sendIssuanceSmsCodeDocument,
    { input },
    language,
    session,
  );
  return data.sendIssuanceSmsCode;
}

export async function verifyCardIssuanceStep(
  session: Session,
  language: Language,
  issuanceId: string,
  stepId: string,
  fields: Array<{ name: string; value: string }>,
): Promise<IssuanceResult> {
  const input = { issuanceId, stepId, fields, idempotencyKey: idempotencyKey() };
  const data = await request<VerifyCardIssuanceStepMutation, VerifyCardIssuanceStepMutationVariables>(
    verifyCardIssuanceStepDocument,
    { input },
    language,
    session,
  );
  return data.verifyCardIssuanceStep;
}

export async function issueCard(session: Session, language: Language, issuanceId: string): Promise<CardIssued> {
  const input = { issuanceId, idempotencyKey: idempotencyKey() };
  const data = await request<IssueCardMutation, IssueCardMutationVariables>(issueCardDocument, { input }, language, session);
  return data.issueCard;
}

export async function setCardLocked(session: Session, language: Language, cardId: string, locked: boolean): Promise<CardLock> {
  if (locked)
    return (await request<LockCardMutation, LockCardMutationVariables>(lockCardOperation, { cardId }, language, session)).lockCard;
  return (await request<UnlockCardMutation, UnlockCardMutationVariables>(unlockCardOperation, { cardId }, language, session)).unlockCard;
}

export async function startCardReveal(session: Session, language: Language, cardId: string, paymentPassword: string): Promise<RevealStart> {
  const data = await request<StartCardRevealMutation, StartCardRevealMutationVariables>(
    startCardRevealDocument,
    { input: { cardId, paymentPassword } },
    language,
    session,
  );
  return data.startCardReveal;
}

export async function revealCardDetails(session: Session, language: Language, cardId: string, revealToken: string): Promise<Reveal> {
  const data = await request<RevealCardDetailsMutation, RevealCardDetailsMutationVariables>(
    revealCardDetailsDocument,
    { input: { cardId, revealToken } },
    language,
    session,
  );
  return data.revealCardDetails;
}

export async function provisionCardToWallet(
  session: Session,
  language: Language,
  cardId: string,
  walletPlatform: string,
): Promise<Provisioning> {
  const input = { cardId, walletPlatform, idempotencyKey: idempotencyKey() };
  const data = await request<ProvisionCardToWalletMutation, ProvisionCardToWalletMutationVariables>(
    provisionCardToWalletDocument,
    { input },
    language,
    session,
  );
  return data.provisionCardToWallet;
}

export async function removeWalletBinding(session: Session, language: Language, bindingId: string): Promise<boolean> {
  const data = await request<RemoveWalletBindingMutation, RemoveWalletBindingMutationVariables>(
    removeWalletBindingDocument,
    { bindingId },
    language,
    session,
  );
  return data.removeWalletBinding.ok;
}

export interface SpendingControlsInput {
  perPaymentFen: number | null;
  dailyFen: number | null;
  monthlyFen: number | null;
  blockedMerchantCategories: MerchantCategoryGroup[];
}

export async function setSpendingControls(
  session: Session,
  language: Language,
  cardId: string,
  input: SpendingControlsInput,
): Promise<SetSpendingControlsMutation['setSpendingControls']> {
  const data = await request<SetSpendingControlsMutation, SetSpendingControlsMutationVariables>(
    setSpendingControlsOperation,
    { cardId, input },
    language,
    session,
  );
  return data.setSpendingControls;
}
