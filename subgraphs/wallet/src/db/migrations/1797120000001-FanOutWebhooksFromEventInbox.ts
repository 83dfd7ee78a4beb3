/**
 * Webhooks fan out from the event inbox (every service's events: the issuer's card, customer,
 * repayment, statement and bill events as well as the wallet's own) instead of the wallet's
 * outbox, which holds only the wallet's.
 *
 * The inbox gains `webhooks_queued_at`, the marker the outbox had. At the upgrade:
 * - events already in the inbox are marked, as the outbox's were when webhooks began (an
 *   endpoint is not sent history), except the wallet's own events its outbox had not fanned
 *   out yet: those are still to be sent, now from the inbox;
 * - the wallet's events already fanned out from the outbox but not in the inbox yet (its relay
 *   had not published them) arrive unmarked; the fan-out skips an event the outbox marks
 *   (queueWebhookDeliveries), so none is sent twice. The outbox's marker stays for that and is
 *   written no more; its partial index, which every new outbox row would now enter, goes.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FanOutWebhooksFromEventInbox1797120000001 implements MigrationInterface {
  name = 'FanOutWebhooksFromEventInbox1797120000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE wallet.event_inbox ADD COLUMN webhooks_queued_at timestamptz`);
    await q.query(`
      UPDATE wallet.event_inbox i SET webhooks_queued_at = i.received_at
       WHERE NOT EXISTS (SELECT 1 FROM wallet.event_outbox o WHERE o.id = i.id AND o.webhooks_queued_at IS NULL)`);
    await q.query(`CREATE INDEX event_inbox_webhooks_pending ON wallet.event_inbox (position) WHERE webhooks_queued_at IS NULL`);
    await q.query(`DROP INDEX wallet.event_outbox_webhooks_pending`);
  }

  async down(q: QueryRunner): Promise<void> {
    // What the inbox fanned out of the wallet's own events is marked in the outbox, which fans out again after this.
    await q.query(`
      UPDATE wallet.event_outbox o SET webhooks_queued_at = i.webhooks_queued_at
        FROM wallet.event_inbox i WHERE i.id = o.id AND o.webhooks_queued_at IS NULL AND i.webhooks_queued_at IS NOT NULL`);
    await q.query(`CREATE INDEX event_outbox_webhooks_pending ON wallet.event_outbox (position) WHERE webhooks_queued_at IS NULL`);
    await q.query(`DROP INDEX wallet.event_inbox_webhooks_pending`);
    await q.query(`ALTER TABLE wallet.event_inbox DROP COLUMN webhooks_queued_at`);
  }
}
