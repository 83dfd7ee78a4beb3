/**
 * The retention job deletes finished deliveries (delivered, failed or cancelled) whose retry
 * window ended before the cutoff, oldest first, a batch at a time (trimFinishedDeliveries).
 * Without an index it scans the whole log for each batch; this one holds only finished
 * deliveries, in the order the job takes them, so a batch reads just the rows it deletes.
 * Its predicate is the query's status list, so the planner can use it.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexFinishedWebhookDeliveries1797206400001 implements MigrationInterface {
  name = 'IndexFinishedWebhookDeliveries1797206400001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX webhook_deliveries_finished_idx ON wallet.webhook_deliveries (give_up_after)
        WHERE status IN ('DELIVERED', 'FAILED', 'CANCELLED')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX wallet.webhook_deliveries_finished_idx`);
  }
}
