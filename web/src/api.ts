/**
 * Everything the page asks of the gateway, in one module: the session and the typed
 * operations from client/operations. Sign-in asks the gateway's demo sign-in
 * (POST /web/sign-in, local runs only) for a customer token, which every request then sends
 * as a bearer token. Where there is no such route (the mock server) the session holds only
 * the customer id. A real identity provider replaces signIn() and listDemoCustomers() alone.
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
