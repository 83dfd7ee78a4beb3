/**
 * The whole system's configuration, from environment variables (the same names the
 * standalone services and docker-compose.yml use). See the README's configuration table.
 */
import * as path from 'node:path';
import { portFromEnv } from '@cardweave/service-kit';
import { GATEWAY_DEFAULT_PORT, SUBGRAPHS, type SubgraphName } from '@cardweave/gateway';

export interface SystemConfig {
  /** Per subgraph database URL; all undefined means the embedded PGlite server. */
  databaseUrls: Partial<Record<SubgraphName, string>>;
  /** Where the embedded database keeps its files; undefined for a throwaway in-memory run. */
  dataDir?: string;
  host: string;
  gatewayPort: number;
  subgraphPorts: Record<SubgraphName, number>;
  demoData: boolean;
  production: boolean;
}

const truthy = (v: string | undefined) => v !== undefined && ['1', 'true', 'yes'].includes(v.toLowerCase());

export function systemConfigFromEnv(env: NodeJS.ProcessEnv = process.env, argv: string[] = []): SystemConfig {
  const databaseUrls: Partial<Record<SubgraphName, string>> = {};
  for (const s of SUBGRAPHS) {
    const url = env[s.databaseUrlEnv] || env.DATABASE_URL;
    if (url) databaseUrls[s.name] = url;
  }
  const embedded = Object.keys(databaseUrls).length === 0;
  if (!embedded && Object.keys(databaseUrls).length !== SUBGRAPHS.length) {
    throw new Error(`set DATABASE_URL, or all of ${SUBGRAPHS.map((s) => s.databaseUrlEnv).join(', ')}`);
  }
  const inMemory = argv.includes('--memory') || truthy(env.CARDWEAVE_IN_MEMORY);
  return {
    databaseUrls,
    dataDir: embedded && !inMemory ? path.resolve(env.CARDWEAVE_DATA_DIR || '.data') : undefined,
    host: env.HOST || '127.0.0.1',
    gatewayPort: portFromEnv('GATEWAY_PORT', GATEWAY_DEFAULT_PORT, env),
    subgraphPorts: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, portFromEnv(s.portEnv, s.defaultPort, env)])) as Record<
      SubgraphName,
      number
    >,
    demoData: env.CARDWEAVE_DEMO_DATA === undefined ? embedded : truthy(env.CARDWEAVE_DEMO_DATA),
    production: env.NODE_ENV === 'production',
  };
}
