/**
 * Brings every stored signing secret under the current key: the ones still in clear (written
 * before secrets were sealed) and the ones sealed under an older key of WEBHOOK_SECRET_KEYS.
 * The wallet runs it at start; it is idempotent and replicas may run it together (each row is
 * written only if it is still as read). A secret whose key is not configured is left as it is
 * and reported, never a reason not to start: its deliveries say so in their log until the key
 * is listed again.
 */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { endpointSecretsNotUnder, storeResealedSecrets } from '../db/queries/webhook.queries';
import { WebhookSecretUnreadable, type StoredSecret, type WebhookSecretKeys } from './webhook-secret-keys';

export interface ResealReport {
  /** Endpoints whose secrets are now under the current key. */
  resealed: number;
  /** Why each of the others could not be read (no secret in it). */
  unreadable: string[];
}

export async function resealWebhookSecrets(db: SqlRunner, keys: WebhookSecretKeys, batch = 100): Promise<ResealReport> {
  const report: ResealReport = { resealed: 0, unreadable: [] };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await endpointSecretsNotUnder(db, keys.currentKeyId, after, batch);
    for (const row of rows) {
      try {
        const reseal = (stored: StoredSecret) =>
          stored.keyId === keys.currentKeyId ? stored : keys.seal(keys.open(stored, row.id), row.id);
        const resealed = { current: reseal(row.current), previous: row.previous && reseal(row.previous) };
        if (await storeResealedSecrets(db, row, resealed)) report.resealed += 1;
      } catch (error) {
        if (!(error instanceof WebhookSecretUnreadable)) throw error;
        report.unreadable.push(error.message);
      }
    }
    if (rows.length < batch) return report;
    after = rows[rows.length - 1].id;
  }
}
