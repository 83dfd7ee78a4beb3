/**
 * Requests that show a card's full number, expiry and CVV2, or unlock them (revealCardDetails,
 * startCardReveal): their answer is sent with `Cache-Control: no-store`, so no browser, proxy or
 * CDN keeps it, and the request log leaves out their variables (a payment password, a reveal
 * token) whatever happens to them. The response body is never logged by any request.
 */
import { Kind, visit, type DocumentNode } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/** Root fields whose answer or input is a card secret. */
export const CARD_SECRET_FIELDS: ReadonlySet<string> = new Set(['revealCardDetails', 'startCardReveal']);
const NAMED_IN_TEXT = new RegExp(`\\b(?:${[...CARD_SECRET_FIELDS].join('|')})\\b`);

const secretRequests = new WeakSet<Request>();

/** Whether the request's operation touches card secrets (known once its parameters are read). */
export function isCardSecretRequest(request: Request): boolean {
  return secretRequests.has(request);
}

/** Whether a parsed document selects one of the card-secret fields, directly, by alias or in a fragment. */
export function selectsCardSecrets(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (CARD_SECRET_FIELDS.has(node.name.value)) found = true;
    },
  });
  return found;
}

export function useCardSecrets(): GatewayPlugin {
  return {
    // The text is enough to keep a request that never executes (invalid variables) out of the cache and the log.
    onParams({ params, request }) {
      if (typeof params.query === 'string' && NAMED_IN_TEXT.test(params.query)) secretRequests.add(request);
    },
    // A persisted document has no text in its parameters: its parsed document says it.
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request } | undefined)?.request;
      if (request && selectsCardSecrets(args.document)) secretRequests.add(request);
    },
    onResponse({ request, response }) {
      if (!secretRequests.has(request)) return;
      response.headers.set('cache-control', 'no-store');
      response.headers.set('pragma', 'no-cache');
    },
  };
}
