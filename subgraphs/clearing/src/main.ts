/** The clearing subgraph as its own process: `tsx subgraphs/clearing/src/main.ts`. */
import { loadAdapterRegistry } from '../../../adapters/sdk/src';
import { clockFromEnv } from '../../shared/src/clock';
import { portFromEnv } from '../../shared/src/config';
import { requiredEnv, runStandalone } from '../../shared/src/server/run-standalone';
import { startClearingSubgraph } from './clearing-subgraph';

void runStandalone('clearing', () =>
  startClearingSubgraph({
    databaseUrl: requiredEnv('CLEARING_DATABASE_URL'),
    registry: loadAdapterRegistry(),
    clock: clockFromEnv(),
    port: portFromEnv('CLEARING_PORT', 4003),
    host: process.env.HOST || '127.0.0.1',
  }),
);
