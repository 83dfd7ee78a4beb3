/**
 * `npm run mock`: for front-end work, the real system with nothing to install: the gateway and
 * the three subgraphs on an in-memory embedded database, with the deterministic demo data and
 * the clock pinned (CARDWEAVE_NOW, by default the instant the README's example was taken at),
 * so every answer keeps the domain's rules and is the same on every run. Serves GraphQL (with
 * the offline IDE) at /graphql and the card page at / on MOCK_PORT (default 4010).
 */
import {
  configValue,
  fixedClock,
  generateLocalKeySet,
  keyringFromLocalKeySet,
  mintToken,
  tokenSettingsFromEnv,
  type LocalKeySet,
} from '@cardweave/service-kit';
import { DEMO_NOW } from '../../scripts/demo-data/demo-now';
import { demoCustomerId } from '../../scripts/demo-data/random';
import { tokenHelp, writeLocalRun } from '../../scripts/system/local-runs';
import { startSystem } from '../../scripts/system/start-system';

export interface RunningMockServer {
  url: string;
  /** The instant the run stands at. */
  now: string;
  /** This run's keys, to mint tokens with. */
  keys: LocalKeySet;
  /** A token for a customer (12 hours), or an operator's. */
  token(who: string | 'operator'): string;
  stop(): Promise<void>;
}

export async function startMockServer(options: { port?: number; host?: string; now?: string } = {}): Promise<RunningMockServer> {
  const now = options.now ?? DEMO_NOW;
  const keys = generateLocalKeySet();
  const system = await startSystem(
    {
      databaseUrls: {},
      dataDir: undefined,
      host: options.host ?? '127.0.0.1',
      gatewayPort: options.port ?? 0,
      // Beside a running `npm start`: the subgraphs on free ports.
      subgraphPorts: { issuer: 0, wallet: 0, clearing: 0 },
      demoData: true,
      production: false,
    },
    { keys, clock: fixedClock(now) },
  );
  const privateKey = keyringFromLocalKeySet(keys).jwtPrivateKey!;
  return {
    url: system.gateway.url,
    now,
    keys,
    token: (who) =>
      mintToken({
        ...tokenSettingsFromEnv(),
        privateKey,
        customerId: who === 'operator' ? null : who,
        roles: who === 'operator' ? ['OPERATOR'] : ['CUSTOMER'],
        ttlSeconds: 12 * 3600,
      }),
    stop: () => system.stop(),
  };
}

if (require.main === module) {
  const started = Date.now();
  startMockServer({ port: configValue('MOCK_PORT'), host: configValue('HOST'), now: configValue('CARDWEAVE_NOW')?.toISOString() })
    .then((mock) => {
      const runFile = writeLocalRun({ pid: process.pid, gatewayUrl: mock.url, keys: mock.keys });
      console.log(`
Cardweave mock is up in ${((Date.now() - started) / 1000).toFixed(1)}s: the real services on an in-memory database,
the demo data as of ${mock.now} (the clock pinned there; CARDWEAVE_NOW picks another instant).

  GraphQL + IDE:       ${mock.url}
  Card page (browser): ${mock.url.replace(/\/graphql$/, '/')}

The IDE opens with the card view of demo customer 1 and a token of theirs. Every request needs a
token; this one is demo customer 1's (${demoCustomerId(1)}), valid 12 hours:

  ${mock.token(demoCustomerId(1))}

${tokenHelp(mock.url, demoCustomerId(1), { file: runFile.file, keys: mock.keys })}
`);
      const shutdown = async () => {
        runFile.remove();
        await mock.stop();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
