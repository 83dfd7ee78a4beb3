/**
 * An outbox relay alone in a process, as a subgraph runs it (startEventRelay, to JetStream), for
 * tests that kill it: `node --import tsx relay-process.ts '<settings as JSON>'`. It prints
 * `relaying` once started and stops on SIGTERM; SIGKILL leaves its claimed rows to their lease.
 */
import { startEventRelay } from '@cardweave/subgraph-kit';
import { openOutbox, RELAY_SCHEMA } from './relay-support';

export interface RelayProcessSettings {
  databaseUrl: string;
  natsUrl: string;
  stream: string;
  subjectPrefix: string;
  batchSize: number;
  leaseMs: number;
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2]) as RelayProcessSettings;
  const outbox = await openOutbox(settings.databaseUrl);
  const relay = await startEventRelay(outbox.dataSource, RELAY_SCHEMA, {
    natsUrl: settings.natsUrl,
    stream: settings.stream,
    subjectPrefix: settings.subjectPrefix,
    batchSize: settings.batchSize,
    leaseMs: settings.leaseMs,
    onError: (error) => console.error(`relay failed: ${String(error)}`),
  });
  process.once('SIGTERM', () => {
    void relay
      .stop()
      .then(() => outbox.close())
      .then(() => process.exit(0));
  });
  console.log('relaying');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
