/**
 * The subgraphs the gateway composes, where their schemas live and where they listen by
 * default. One list, read by the compose script, the gateway, the launcher and the
 * docker-compose check.
 */
import * as path from 'node:path';

export const SUBGRAPH_NAMES = ['issuer', 'wallet', 'clearing'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export interface SubgraphEntry {
  name: SubgraphName;
  schemaFile: string;
  /** Port a standalone subgraph listens on unless `<NAME>_PORT` says otherwise. */
  defaultPort: number;
  /** Env var holding the URL the gateway calls it at. */
  urlEnv: string;
  /** Env var holding its database URL. */
  databaseUrlEnv: string;
  portEnv: string;
}

const root = path.resolve(__dirname, '../..');

export const SUBGRAPHS: SubgraphEntry[] = SUBGRAPH_NAMES.map((name, i) => ({
  name,
  schemaFile: path.join(root, 'subgraphs', name, 'schema.graphql'),
  defaultPort: 4001 + i,
  urlEnv: `${name.toUpperCase()}_URL`,
  databaseUrlEnv: `${name.toUpperCase()}_DATABASE_URL`,
  portEnv: `${name.toUpperCase()}_PORT`,
}));

export const GATEWAY_DEFAULT_PORT = 4000;
export const SUPERGRAPH_FILE = path.join(root, 'gateway', 'supergraph.graphql');

export function defaultSubgraphUrl(entry: SubgraphEntry): string {
  return `http://127.0.0.1:${entry.defaultPort}/graphql`;
}
