/**
 * Everything the page asks of the gateway, in one module: the session and the typed
 * operations from client/operations. Sign-in today remembers the chosen demo customer's
 * id and sends it as the operations' variable; when the gateway issues tokens, signIn()
 * exchanges the choice for one and request() sends it as a bearer token, nothing else here
 * or in the page changes.
 */
import cardViewDocument from '../../client/operations/card-view.graphql?raw';
import demoCustomersDocument from '../../client/operations/demo-customers.graphql?raw';
import type {
  CardViewQuery,
  CardViewQueryVariables,
  DemoCustomersQuery,
  DemoCustomersQueryVariables,
} from '../../client/generated/operations';
import { errorFromGraphQL, unreachable, type PageError } from './errors';
import type { Language } from './money';

export const GRAPHQL_ENDPOINT = '/graphql';
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
  const session: Session = { customerId };
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

export type DemoCustomer = DemoCustomersQuery['customers']['edges'][number]['node'];
export type CustomerView = NonNullable<CardViewQuery['customer']>;
export type CardView = CustomerView['cards'][number];

export async function listDemoCustomers(language: Language, first = 20): Promise<DemoCustomer[]> {
  const data = await request<DemoCustomersQuery, DemoCustomersQueryVariables>(demoCustomersDocument, { first }, language);
  return data.customers.edges.map((e) => e.node);
}

export async function loadCardView(session: Session, language: Language): Promise<CustomerView> {
  const data = await request<CardViewQuery, CardViewQueryVariables>(cardViewDocument, { customerId: session.customerId }, language, session);
  if (!data.customer) throw new RequestFailed(errorFromGraphQL({ extensions: { code: 'NOT_FOUND' } }));
  return data.customer;
}
