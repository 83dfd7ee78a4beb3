/**
 * The embedded database (one PGlite served over the PostgreSQL wire protocol, as `npm start`
 * runs it) in a process of its own, so that the bench can read its CPU time apart from the
 * services'. Answers with its URL once it listens.
 */
import { startEmbeddedPostgres } from '@cardweave/subgraph-kit';
import { answerParent, tellParentFailed, tellParentReady } from '../lib/child';

async function main(): Promise<void> {
  const database = await startEmbeddedPostgres();
  answerParent({});
  process.once('SIGTERM', () => void database.stop().finally(() => process.exit(0)));
  tellParentReady({ url: database.url });
}

main().catch(tellParentFailed);
