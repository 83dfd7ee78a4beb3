/** An outbox of its own on the suite's database, events to fill it, and what a consumer saw. */
import { randomUUID } from 'node:crypto';
import {
  eventOutboxMigration,
  openSubgraphDatabase,
  recordEvent,
  type DomainEvent,
  type EventSink,
  type SubgraphDatabase,
} from '@cardweave/subgraph-kit';

export const RELAY_SCHEMA = 'relay_test';

export async function openOutbox(url: string): Promise<SubgraphDatabase> {
  return openSubgraphDatabase({ url, schema: RELAY_SCHEMA, entities: [], migrations: [eventOutboxMigration(RELAY_SCHEMA)], poolSize: 3 });
}

/** `count` events spread over `cards` cards of one customer, each card's in the order written: their ids. */
export async function writeEvents(
  database: SubgraphDatabase,
  count: number,
  cards: number,
): Promise<Array<{ id: string; cardId: string }>> {
  const customerId = randomUUID();
  const cardIds = Array.from({ length: cards }, () => randomUUID());
  const written: Array<{ id: string; cardId: string }> = [];
  for (let i = 0; i < count; i++) {
    const cardId = cardIds[(i * 7) % cards];
    const event = await database.dataSource.transaction((m) =>
      recordEvent(
        m,
        RELAY_SCHEMA,
        { type: 'payment.approved', customerId, cardId, platform: 'wechat-pay', payload: { amountFen: String(100 + i) } },
        new Date(),
      ),
    );
    written.push({ id: event.id, cardId });
  }
  return written;
}

/** A sink that forwards `survives` publishes and then fails every one, as a relay killed mid-batch. */
export function killedAfter(sink: EventSink, survives: number): EventSink {
  let left = survives;
  return {
    name: `${sink.name} (killed)`,
    async publish(event: DomainEvent) {
      if (left-- <= 0) throw new Error('relay killed');
      await sink.publish(event);
    },
    close: () => Promise.resolve(),
  };
}

/** Checks what a consumer received against what was written; returns how many were repeats. */
export function checkDelivery(
  written: Array<{ id: string; cardId: string }>,
  received: Array<{ id: string; cardId: string | null }>,
): number {
  const seen = new Set<string>();
  const firstSeenPerCard = new Map<string, string[]>();
  let repeats = 0;
  for (const event of received) {
    if (seen.has(event.id)) {
      repeats++;
      continue;
    }
    seen.add(event.id);
    const list = firstSeenPerCard.get(event.cardId!) ?? [];
    list.push(event.id);
    firstSeenPerCard.set(event.cardId!, list);
  }
  // Every event arrived; nothing arrived that was not written.
  expect([...seen].sort()).toEqual(written.map((e) => e.id).sort());
  // Each card's events arrived (first time) in the order they were written.
  for (const [cardId, ids] of firstSeenPerCard) expect(ids).toEqual(written.filter((e) => e.cardId === cardId).map((e) => e.id));
  return repeats;
}

export async function pendingCount(database: SubgraphDatabase): Promise<number> {
  const [row] = (await database.dataSource.query(
    `SELECT count(*)::int AS n FROM ${RELAY_SCHEMA}.event_outbox WHERE published_at IS NULL`,
  )) as Array<{
    n: number;
  }>;
  return row.n;
}
