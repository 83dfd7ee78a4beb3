/**
 * Whose card is it? The issuer owns cards; clearing keeps only card ids on its transactions.
 * So clearing asks the issuer, over the signed internal route `POST /internal/card-owners`,
 * batched per request (DataLoader) and cached per process: a card never changes customer,
 * so a cached answer never goes stale. Unknown cards are not cached. A card already being
 * asked about is not asked about again: many requests at once on a cold cache wait for one
 * lookup instead of sending the issuer one each. A lookup that fails is SUBGRAPH_UNAVAILABLE.
 */
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { requireId, signServiceRequest, graphqlError } from '@cardweave/service-kit';
import type { InternalRoute } from '../server/subgraph-server';

const MAX_IDS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The issuer's side: card id → customer id, for its siblings only. */
export function cardOwnerRoutes(dataSource: DataSource, schema: string): Record<string, InternalRoute> {
  return {
    'card-owners': async (body) => {
      const ids = (body as { cardIds?: unknown })?.cardIds;
      if (!Array.isArray(ids) || ids.length > MAX_IDS || !ids.every((id) => typeof id === 'string' && UUID.test(id))) {
        return { status: 400, body: { error: `cardIds: up to ${MAX_IDS} ids` } };
      }
      const rows = (await dataSource.query(`SELECT id, customer_id FROM ${schema}.cards WHERE id = ANY($1)`, [
        ids.map((id) => requireId(id as string)),
      ])) as Array<{ id: string; customer_id: string }>;
      return { status: 200, body: { owners: Object.fromEntries(rows.map((r) => [r.id, r.customer_id])) } };
    },
  };
}

/** The asking side: one directory per subgraph process. */
export class CardOwnerDirectory {
  private readonly cache = new Map<string, string>();
  /** Lookups under way, by card id. */
  private readonly pending = new Map<string, Promise<void>>();
  private readonly origin: string;

  constructor(
    issuerUrl: string,
    private readonly service: string,
    private readonly timeoutMs = 3_000,
  ) {
    this.origin = new URL(issuerUrl).origin;
  }

  /** A loader for one request: card id → customer id, or null for a card the issuer does not know. */
  loader(): DataLoader<string, string | null> {
    return new DataLoader(async (ids) => {
      const waits = new Set<Promise<void>>();
      const missing: string[] = [];
      for (const id of ids) {
        if (this.cache.has(id)) continue;
        const underWay = this.pending.get(id);
        if (underWay) waits.add(underWay);
        else missing.push(id);
      }
      for (let i = 0; i < missing.length; i += MAX_IDS) {
        const chunk = missing.slice(i, i + MAX_IDS);
        const lookup = this.fetch(chunk).finally(() => chunk.forEach((id) => this.pending.get(id) === lookup && this.pending.delete(id)));
        chunk.forEach((id) => this.pending.set(id, lookup));
        waits.add(lookup);
      }
      await Promise.all(waits);
      return ids.map((id) => this.cache.get(id) ?? null);
    });
  }

  private async fetch(cardIds: readonly string[]): Promise<void> {
    const path = '/internal/card-owners';
    const body = JSON.stringify({ cardIds });
    let response: Response;
    try {
      response = await fetch(`${this.origin}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signServiceRequest({ service: this.service, method: 'POST', path, body }) },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw unavailable((error as Error).name === 'TimeoutError' ? `no answer in ${this.timeoutMs} ms` : 'unreachable');
    }
    if (!response.ok) throw unavailable(`answered ${response.status}`);
    const { owners } = (await response.json().catch(() => {
      throw unavailable('answered with something that is not JSON');
    })) as { owners: Record<string, string> };
    if (this.cache.size > 100_000) this.cache.clear();
    for (const [card, customer] of Object.entries(owners)) this.cache.set(card, customer);
  }
}

/** The issuer could not say whose a card is: this part of the answer is missing, not refused. */
function unavailable(reason: string): GraphQLError {
  return graphqlError('SUBGRAPH_UNAVAILABLE', `card owners: the issuer ${reason}`);
}
