/**
 * An Apollo Client 4 with the real InMemoryCache against a running gateway, as a client
 * developer builds it: HTTP for queries and mutations, GraphQL over SSE for subscriptions, a
 * customer's bearer token unless an operation's context names another. Records every warning
 * and error Apollo or anything else prints, so a test can require there were none.
 */
import './apollo-dev-mode';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type TypePolicies } from '@apollo/client';
import { loadDevMessages, loadErrorMessages } from '@apollo/client/dev';
import { getMainDefinition } from '@apollo/client/utilities';
import { print } from 'graphql';
import { format } from 'node:util';
import { Observable, tap } from 'rxjs';
import { subscribeOverSse } from '../subscriptions/activity-sse-client';

loadDevMessages();
loadErrorMessages();

export interface PrintedWarning {
  level: 'warn' | 'error';
  text: string;
}

/** Console warnings and errors printed since the last take(), with Apollo's invariant messages among them. */
export function captureConsoleWarnings(): { take(): PrintedWarning[]; restore(): void } {
  let printed: PrintedWarning[] = [];
  const spies = (['warn', 'error'] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      printed.push({ level, text: format(...args) });
    }),
  );
  return {
    take() {
      const taken = printed;
      printed = [];
      return taken;
    },
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

/** A subscription read over SSE, one GraphQL result per `next` event, until the client unsubscribes. */
function sseLink(url: string, bearerOf: (context: Record<string, unknown>) => string): ApolloLink {
  return new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        let closed = false;
        let close = () => undefined as void;
        void (async () => {
          const stream = await subscribeOverSse(url, bearerOf(operation.getContext()), print(operation.query), operation.variables);
          close = () => stream.close();
          if (closed) return close();
          while (!closed) {
            const message = await stream.next(1_000);
            if (closed) break;
            if (message?.event === 'next' && message.data) observer.next(message.data as never);
            else if (message?.event === 'complete' || message?.event === 'response') {
              if (message.data) observer.next(message.data as never);
              return observer.complete();
            }
          }
        })().catch((error: unknown) => observer.error(error));
        return () => {
          closed = true;
          close();
        };
      }),
  );
}

/**
 * Objects one answer gives the same `__typename` + `id` must agree on every field both carry:
 * otherwise the id is not unique and a cache would merge two things into one.
 */
export function sameIdsAgree(data: unknown, found: string[], seen = new Map<string, Record<string, unknown>>()): string[] {
  if (Array.isArray(data)) data.forEach((item) => sameIdsAgree(item, found, seen));
  else if (data && typeof data === 'object') {
    const object = data as Record<string, unknown>;
    if (typeof object.__typename === 'string' && typeof object.id === 'string') {
      const key = `${object.__typename}:${object.id}`;
      const before = seen.get(key) ?? {};
      for (const [field, value] of Object.entries(object)) {
        if (value !== null && typeof value === 'object') continue;
        if (field in before && before[field] !== value)
          found.push(`${key}.${field}: ${JSON.stringify(before[field])} and ${JSON.stringify(value)}`);
        before[field] = value;
      }
      seen.set(key, before);
    }
    Object.values(object).forEach((value) => sameIdsAgree(value, found, seen));
  }
  return found;
}

export function apolloClientFor(
  gatewayUrl: string,
  customerToken: string,
  typePolicies: TypePolicies = {},
  /** Told of every answer's ids that disagree (sameIdsAgree). */
  onIdConflict: (conflicts: string[]) => void = () => undefined,
): ApolloClient {
  const bearerOf = (context: Record<string, unknown>) => (typeof context.token === 'string' ? context.token : customerToken);
  const withToken = new ApolloLink((operation, forward) => {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, authorization: `Bearer ${bearerOf(operation.getContext())}` },
    }));
    return forward(operation).pipe(
      tap((result) => {
        const conflicts = sameIdsAgree(result.data, []);
        if (conflicts.length) onIdConflict(conflicts.map((c) => `${operation.operationName}: one id, two values: ${c}`));
      }),
    );
  });
  const isSubscription = ({ query }: { query: Parameters<typeof getMainDefinition>[0] }) => {
    const main = getMainDefinition(query);
    return main.kind === 'OperationDefinition' && main.operation === 'subscription';
  };
  return new ApolloClient({
    cache: new InMemoryCache({ typePolicies }),
    link: ApolloLink.split(isSubscription, sseLink(gatewayUrl, bearerOf), ApolloLink.from([withToken, new HttpLink({ uri: gatewayUrl })])),
  });
}
