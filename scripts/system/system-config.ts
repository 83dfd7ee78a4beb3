/**
 * The whole system's configuration, from environment variables (the same names the
 * standalone services and docker-compose.yml use). See the README's configuration table.
 */
import * as path from 'node:path';
import { configValue, type Environment } from '@cardweave/service-kit';
import { SUBGRAPHS, type SubgraphName } from '@cardweave/gateway';

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
  /** NATS with JetStream for the subgraphs' domain events; undefined: delivered on an in-process bus. */
  natsUrl?: string;
}

export function systemConfigFromEnv(env: Environment = process.env, argv: string[] = []): SystemConfig {
  const databaseUrls: Partial<Record<SubgraphName, string>> = {};
  const shared = configValue('DATABASE_URL', env);
  for (const s of SUBGRAPHS) {
    const url = configValue(s.databaseUrlEnv, env) ?? shared;
    if (url) databaseUrls[s.name] = url;
  }
  const embedded = Object.keys(databaseUrls).length === 0;
  if (!embedded && Object.keys(databaseUrls).length !== SUBGRAPHS.length) {
    throw new Error(`set DATABASE_URL, or all of ${SUBGRAPHS.map((s) => s.databaseUrlEnv).join(', ')}`);
  }
  const inMemory = argv.includes('--memory') || configValue('CARDWEAVE_IN_MEMORY', env);
  return {
    databaseUrls,
    dataDir: embedded && !inMemory ? path.resolve(configValue('CARDWEAVE_DATA_DIR', env) ?? '.data') : undefined,
    host: configValue('HOST', env),
    gatewayPort: configValue('GATEWAY_PORT', env),
    subgraphPorts: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, configValue(s.portEnv, env)])) as Record<SubgraphName, number>,
    demoData: configValue('CARDWEAVE_DEMO_DATA', env) ?? embedded,
    production: configValue('NODE_ENV', env) === 'production',
    natsUrl: configValue('NATS_URL', env),
  };
}
