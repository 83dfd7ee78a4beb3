/**
 * Deleting an endpoint and rotating its secret.
 *
 * Deleting: operators may delete any endpoint (a customer's too, e.g. one that posts events
 * somewhere it should not), a customer only their own; anyone else gets NOT_FOUND, as for an
 * id that does not exist. Deleting twice answers the same endpoint, deleted when it first was.
 *
 * Rotating: the owner alone (an operator never receives a customer's new secret). The new
 * secret is returned once; the old one keeps signing beside it for the hours asked, so the
 * receiver can switch to the new one without refusing a request in between.
 */
import { graphqlError, type HasIdentity } from '@cardweave/service-kit';
import type { SqlRunner } from '@cardweave/subgraph-kit';
import {
  deleteWebhookEndpointRow,
  replaceWebhookSecret,
  webhookEndpointById,
  type WebhookEndpointRow,
} from '../db/queries/webhook.queries';
import { badInput, endpointOwner, ownsEndpoint } from './webhook-registration';
import type { WebhookSecretKeys } from './webhook-secret-keys';
import { newSigningSecret } from './webhook-signature';

/** The longest the previous secret may keep signing after a rotation: a week. */
export const MAX_PREVIOUS_SECRET_HOURS = 168;

export interface RotatedWebhookSecretModel {
  endpoint: WebhookEndpointRow;
  signingSecret: string;
  previousSecretExpiresAt: Date | null;
}

const notFound = () => graphqlError('NOT_FOUND', 'no such webhook endpoint', { field: 'endpointId' });

/** Operators: any endpoint; a customer: their own. */
function mayDelete(ctx: HasIdentity, endpoint: WebhookEndpointRow): boolean {
  const owner = endpointOwner(ctx);
  return owner === null || (owner !== undefined && owner === endpoint.customerId);
}

export async function deleteEndpoint(db: SqlRunner, ctx: HasIdentity, endpointId: string, now: Date): Promise<WebhookEndpointRow> {
  const endpoint = await webhookEndpointById(db, endpointId);
  if (!endpoint || !mayDelete(ctx, endpoint)) throw notFound();
  return (await deleteWebhookEndpointRow(db, endpointId, now))!;
}

export async function rotateEndpointSecret(
  db: SqlRunner,
  keys: WebhookSecretKeys,
  ctx: HasIdentity,
  input: { endpointId: string; previousSecretHours: number },
  now: Date,
): Promise<RotatedWebhookSecretModel> {
  const hours = input.previousSecretHours;
  if (!Number.isInteger(hours) || hours < 0 || hours > MAX_PREVIOUS_SECRET_HOURS) {
    throw badInput('previousSecretHours', `0 to ${MAX_PREVIOUS_SECRET_HOURS}`);
  }
  const endpoint = await webhookEndpointById(db, input.endpointId);
  if (!endpoint || !ownsEndpoint(ctx, endpoint)) throw notFound();
  if (endpoint.deletedAt) throw badInput('endpointId', 'the endpoint was deleted');
  const signingSecret = newSigningSecret();
  const previousUntil = hours > 0 ? new Date(now.getTime() + hours * 3_600_000) : null;
  const rotated = await replaceWebhookSecret(db, endpoint.id, keys.seal(signingSecret, endpoint.id), previousUntil);
  // Deleted between the read and the update.
  if (!rotated) throw badInput('endpointId', 'the endpoint was deleted');
  return { endpoint: rotated, signingSecret, previousSecretExpiresAt: rotated.previousSecretExpiresAt };
}
