/**
 * `npm run mock`: the public API schema answered with realistic mock data, no database and
 * no subgraphs, for front-end work. Serves GraphQL (with the offline IDE) at /graphql and
 * the card page at / on MOCK_PORT (default 4010).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { addMocksToSchema } from '@graphql-tools/mock';
import { createYoga } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { useWebPage } from '@cardweave/gateway';
import { configValue } from '@cardweave/service-kit';
import { PUBLIC_SCHEMA_FILE } from '../schema/public-schema';
import { cardWeaveMocks, seededRandom } from './mocks';

export interface RunningMockServer {
  url: string;
  stop(): Promise<void>;
}

export function createMockSchema(seed?: number) {
  const schema = buildSchema(fs.readFileSync(PUBLIC_SCHEMA_FILE, 'utf8'));
  return addMocksToSchema({ schema, mocks: cardWeaveMocks(seededRandom(seed)) });
}

export async function startMockServer(options: { port?: number; host?: string; seed?: number } = {}): Promise<RunningMockServer> {
  const yoga = createYoga({
    schema: createMockSchema(options.seed),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'Cardweave (mock)', defaultQuery: fs.readFileSync(require.resolve('../operations/card-view.graphql'), 'utf8') },
    renderGraphiQL,
    logging: false,
    plugins: [useWebPage()],
  });
  const server = http.createServer(yoga);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/graphql`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

if (require.main === module) {
  startMockServer({ port: configValue('MOCK_PORT'), host: configValue('HOST') })
    .then(({ url }) => {
      console.log(`Cardweave mock server (no database): ${url}\nThe card page: ${url.replace(/\/graphql$/, '/')}`);
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
