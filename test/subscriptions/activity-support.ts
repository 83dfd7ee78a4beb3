/** What the activity suites share: the events a subscriber sees, and where a subscription resumes. */
import type { TestSystem } from '../support/test-system';
import type { SseMessage } from './activity-sse-client';

export const EVENT_FIELDS =
  'id type occurredAt card { id maskedNumber } platformId amountFen merchantName paymentId errorCode ' +
  'repaymentId billId dueDate minimumDueFen totalDueFen outstandingFen penaltyDate ' +
  'limitUsage { ruleId window windowKey usedFen limitFen }';
export const CUSTOMER_ACTIVITY = `subscription ($after: ID) { customerActivity(after: $after) { ${EVENT_FIELDS} } }`;
export const CARD_ACTIVITY = `subscription ($cardId: ID!, $after: ID) { cardActivity(cardId: $cardId, after: $after) { ${EVENT_FIELDS} } }`;

export interface ActivityEvent {
  id: string;
  type: string;
  occurredAt: string;
  card: { id: string; maskedNumber: string } | null;
  platformId: string | null;
  amountFen: string | number | null;
  merchantName: string | null;
  paymentId: string | null;
  errorCode: string | null;
  repaymentId: string | null;
  billId: string | null;
  dueDate: string | null;
  limitUsage: { ruleId: string; window: string; windowKey: string; usedFen: string | number; limitFen: string | number } | null;
}

export function eventOf(message: SseMessage | null, field: 'customerActivity' | 'cardActivity'): ActivityEvent {
  expect(message).toMatchObject({ event: 'next' });
  expect(message!.data!.errors).toBeUndefined();
  return message!.data!.data![field] as ActivityEvent;
}

/**
 * The id of the customer's latest event as the wallet's inbox holds it: where a subscription
 * resumes. Waits until every event the customer's changes wrote (the issuer's, the wallet's and
 * the clearing network's outboxes) has reached the inbox, so nothing written before can arrive
 * after subscribing.
 */
export async function lastEventId(system: TestSystem, customerId: string): Promise<string> {
  const db = system.wallet.database.dataSource;
  for (const deadline = Date.now() + 10_000; ;) {
    const [row] = (await db.query(
      `SELECT (SELECT count(*) FROM (SELECT id FROM wallet.event_outbox WHERE customer_id = $1
                                     UNION ALL SELECT id FROM issuer.event_outbox WHERE customer_id = $1
                                     UNION ALL SELECT id FROM clearing.event_outbox WHERE customer_id = $1) written
               WHERE written.id NOT IN (SELECT id FROM wallet.event_inbox WHERE customer_id = $1))::int AS missing,
              (SELECT id FROM wallet.event_inbox WHERE customer_id = $1 ORDER BY position DESC LIMIT 1) AS last`,
      [customerId],
    )) as Array<{ missing: number; last: string | null }>;
    if (row.missing === 0 && row.last) return row.last;
    if (Date.now() > deadline) throw new Error(`the inbox still misses ${row.missing} of the customer's events`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
