/** The checked-in supergraph is what composing the subgraphs' schemas gives today. */
import * as fs from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from '@cardweave/gateway';

it('gateway/supergraph.graphql is not stale (run `npm run compose` after changing a schema.graphql)', () => {
  expect(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composeSupergraph());
});
