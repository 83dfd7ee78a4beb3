/**
 * The subgraphs the gateway composes, where their schemas live and where they listen by
 * default. One list, read by the compose script, the gateway, the launcher and the
 * docker-compose check; the default ports and URLs are those of the service kit's table of
 * variables.
 */
import * as path from 'node:path';
import { CONFIG_VARIABLES } from '@cardweave/service-kit';

export const SUBGRAPH_NAMES = ['issuer', 'wallet', 'clearing'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export interface SubgraphEntry {
  name: SubgraphName;
  schemaFile: string;
  /** Port a standalone subgraph listens on unless `<NAME>_PORT` says otherwise. */
  defaultPort: number;
  /** Env var holding the URL the gateway calls it at. */
  urlEnv: `${Uppercase<SubgraphName>}_URL`;
  /** Env var holding its database URL. */
  databaseUrlEnv: `${Uppercase<SubgraphName>}_DATABASE_URL`;
  portEnv: `${Uppercase<SubgraphName>}_PORT`;
}

const root = path.resolve(__dirname, '../..');

export const SUBGRAPHS: SubgraphEntry[] = SUBGRAPH_NAMES.map((name) => {
  const upper = name.toUpperCase() as Uppercase<SubgraphName>;
  return {
    name,
    schemaFile: path.join(root, 'subgraphs', name, 'schema.graphql'),
    defaultPort: CONFIG_VARIABLES[`${upper}_PORT`].default,
    urlEnv: `${upper}_URL`,
    databaseUrlEnv: `${upper}_DATABASE_URL`,
    portEnv: `${upper}_PORT`,
  };
});

export const GATEWAY_DEFAULT_PORT = CONFIG_VARIABLES.GATEWAY_PORT.default;
export const SUPERGRAPH_FILE = path.join(root, 'gateway', 'supergraph.graphql');

export function defaultSubgraphUrl(entry: SubgraphEntry): string {
  return CONFIG_VARIABLES[entry.urlEnv].default;
}
