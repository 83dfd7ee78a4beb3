/**
 * The signed-in customer's card activity, live: the customerActivity subscription over
 * GraphQL-over-SSE at the gateway. It is read with fetch, not EventSource, because the stream
 * needs the bearer token in a header. When the stream drops it reconnects with `after: <the last
 * event id>`, so what happened meanwhile arrives first; the id is kept for the tab's session, so a
 * reload resumes the same way. A refusal (a GraphQL error) ends the feed: trying again would not help.
 */
import customerActivityDocument from '../../client/operations/customer-activity.graphql?raw';
import type { CustomerActivitySubscription, CustomerActivitySubscriptionVariables } from '../../client/generated/operations';
import { GRAPHQL_ENDPOINT, type Session } from './api';
import { errorFromGraphQL, type PageError } from './errors';

export type ActivityEvent = CustomerActivitySubscription['customerActivity'];

export interface ActivityHandlers {
  onEvent: (event: ActivityEvent) => void;
  /** Whether the stream is open now (false while reconnecting). */
  onLive?: (live: boolean) => void;
  /** A refusal that ends the feed. */
  onRefused?: (error: PageError) => void;
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 10_000;

const lastEventKey = (customerId: string) => `cardweave.activity.${customerId}`;

function lastEventId(customerId: string): string | null {
  try {
    return sessionStorage.getItem(lastEventKey(customerId));
  } catch {
    return null;
  }
}

function rememberEventId(customerId: string, id: string): void {
  try {
    sessionStorage.setItem(lastEventKey(customerId), id);
  } catch {
    // Without storage the id is still kept in memory for reconnects.
  }
}

type Payload = { data?: CustomerActivitySubscription | null; errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> };

/** One SSE message block (`event:` and `data:` lines) in the GraphQL-over-SSE distinct connections format. */
function parseBlock(block: string): { event: string; data: string } | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue; // keep-alive comment
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length || event !== 'message' ? { event, data: data.join('\n') } : null;
}

/** Starts following the customer's activity; the returned function stops it. */
export function followCustomerActivity(session: Session, handlers: ActivityHandlers): () => void {
  let stopped = false;
  let abort: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryMs = RETRY_MIN_MS;
  let after = lastEventId(session.customerId);

  const refuse = (error: PageError) => {
    stopped = true;
    handlers.onLive?.(false);
    handlers.onRefused?.(error);
  };

  /** Reads one connection until it ends, delivering each event as it comes. */
  const connect = async (): Promise<void> => {
    abort = new AbortController();
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
    if (session.token) headers.authorization = `Bearer ${session.token}`;
    const variables: CustomerActivitySubscriptionVariables = after ? { after } : {};
    const response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: customerActivityDocument, variables }),
      signal: abort.signal,
    });
    // A refusal before any stream starts is a plain GraphQL response.
    if (!String(response.headers.get('content-type')).includes('text/event-stream') || !response.body) {
      const body = (await response.json().catch(() => ({}))) as Payload;
      if (body.errors?.length) return refuse(errorFromGraphQL(body.errors[0]));
      throw new Error(`activity stream not opened (${response.status})`);
    }
    handlers.onLive?.(true);
    retryMs = RETRY_MIN_MS;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
        const message = parseBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (!message || message.event !== 'next' || !message.data) continue;
        const payload = JSON.parse(message.data) as Payload;
        if (payload.errors?.length) return refuse(errorFromGraphQL(payload.errors[0]));
        const event = payload.data?.customerActivity;
        if (!event) continue;
        after = event.id;
        rememberEventId(session.customerId, event.id);
        handlers.onEvent(event);
      }
    }
  };

  const run = () => {
    if (stopped) return;
    connect()
      .catch(() => undefined)
      .finally(() => {
        if (stopped) return;
        // The stream dropped (or never opened): again after a growing pause, from the last event received.
        handlers.onLive?.(false);
        retryTimer = setTimeout(run, retryMs);
        retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
      });
  };
  run();

  return () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    abort?.abort();
  };
}
