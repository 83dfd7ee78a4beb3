/**
 * Registering endpoints and reading their logs. An operator's endpoint receives every
 * customer's events; a customer's, that customer's own. Operators list every endpoint (they may
 * delete any of them), a customer only their own. The owner alone (operators for an operator's
 * endpoint) reads an endpoint's log and asks for a redelivery; anyone else gets NOT_FOUND, as
 * for an id that does not exist.
 */
import { randomUUID } from 'node:crypto';
import { graphqlError, type HasIdentity } from '@cardweave/service-kit';
import { decodeCursor, DOMAIN_EVENT_TYPES, pageSize, toConnection, type Connection, type SqlRunner } from '@cardweave/subgraph-kit';
import {
  insertWebhookEndpoint,
  scheduleRedelivery,
  webhookDeliveryWithOwner,
  webhookEndpointsPage,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from '../db/queries/webhook.queries';
import { WEBHOOK_RETRY_WINDOW_MS } from './webhook-backoff';
import type { WebhookSecretKeys } from './webhook-secret-keys';
import { newSigningSecret } from './webhook-signature';

/** The events endpoints may ask for: every service's (the fan-out reads the wallet's event inbox, which holds them all). */
export const WEBHOOK_EVENT_TYPES = DOMAIN_EVENT_TYPES;

export interface RegisteredWebhookEndpointModel {
  endpoint: WebhookEndpointRow;
  signingSecret: string;
}

export function badInput(field: string, message: string) {
  return graphqlError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

/** An absolute http(s) URL without credentials in it, or a field-level refusal. */
export function webhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw badInput('url', 'not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badInput('url', 'only http and https URLs receive webhooks');
  if (url.username || url.password) throw badInput('url', 'credentials in the URL are refused; verify the signature instead');
  if (url.href.length > 2048) throw badInput('url', 'at most 2048 characters');
  return url.href;
}

function eventTypes(raw: readonly string[]): string[] {
  const types = [...new Set(raw)];
  if (types.length === 0) throw badInput('eventTypes', 'at least one event type');
  const unknown = types.filter((t) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0)
    throw badInput('eventTypes', `unknown event types ${unknown.join(', ')}; known: ${WEBHOOK_EVENT_TYPES.join(', ')}`);
  return types;
}

/** Who owns the endpoints the caller registers and reads: its customer, or (null) the operators. */
export function endpointOwner(ctx: HasIdentity): string | null | undefined {
  const identity = ctx.identity;
  if (!identity) return undefined;
  if (identity.roles.includes('CUSTOMER') && identity.customerId) return identity.customerId;
  if (identity.roles.includes('OPERATOR')) return null;
  return undefined;
}

/** Registers an endpoint; its secret is stored sealed under the current key and returned in clear this once. */
export async function registerWebhookEndpoint(
  db: SqlRunner,
  keys: WebhookSecretKeys,
  owner: string | null,
  input: { url: string; eventTypes: readonly string[] },
  now: Date,
): Promise<RegisteredWebhookEndpointModel> {
  const url = webhookUrl(input.url);
  const types = eventTypes(input.eventTypes);
  const id = randomUUID();
  const signingSecret = newSigningSecret();
  const endpoint = await insertWebhookEndpoint(db, {
    id,
    url,
    eventTypes: types,
    customerId: owner,
    signingSecret: keys.seal(signingSecret, id),
    createdAt: now,
  });
  return { endpoint, signingSecret };
}

/**
 * A page of the endpoints the caller sees: an operator every endpoint (the operators' and each
 * customer's), a customer their own; anyone else none.
 */
export async function visibleEndpoints(
  db: SqlRunner,
  ctx: HasIdentity,
  page: { first?: number | null; after?: string | null; includeDeleted: boolean },
): Promise<Connection<WebhookEndpointRow>> {
  const size = pageSize(page.first);
  const after = decodeCursor(page.after);
  const owner = endpointOwner(ctx);
  const keyOf = (row: WebhookEndpointRow & { sort?: string }) => ({ sort: row.sort ?? row.createdAt.toISOString(), id: row.id });
  if (owner === undefined) return toConnection([], size, keyOf);
  const rows = await webhookEndpointsPage(db, {
    customerId: owner ?? undefined,
    includeDeleted: page.includeDeleted,
    after,
    limit: size + 1,
  });
  return toConnection(rows, size, keyOf);
}

export function ownsEndpoint(ctx: HasIdentity, endpoint: { customerId: string | null }): boolean {
  const owner = endpointOwner(ctx);
  return owner !== undefined && owner === endpoint.customerId;
}

export async function redeliver(db: SqlRunner, ctx: HasIdentity, deliveryId: string, now: Date): Promise<WebhookDeliveryRow> {
  const delivery = await webhookDeliveryWithOwner(db, deliveryId);
  if (!delivery || !ownsEndpoint(ctx, { customerId: delivery.ownerCustomerId })) {
    throw graphqlError('NOT_FOUND', 'no such webhook delivery', { field: 'deliveryId' });
  }
  if (delivery.endpointDeletedAt) throw badInput('deliveryId', 'its endpoint was deleted; register a new one');
  await scheduleRedelivery(db, deliveryId, now, new Date(now.getTime() + WEBHOOK_RETRY_WINDOW_MS));
  // Gone in between only if the log's retention deleted it (a finished delivery past EVENT_RETENTION_DAYS).
  const rescheduled = await webhookDeliveryWithOwner(db, deliveryId);
  if (!rescheduled) throw graphqlError('NOT_FOUND', 'no such webhook delivery', { field: 'deliveryId' });
  const { ownerCustomerId: _owner, endpointDeletedAt: _deleted, ...updated } = rescheduled;
  return updated;
}
