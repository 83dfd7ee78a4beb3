/** `npm run compose`: writes gateway/supergraph.graphql from the subgraphs' schemas. */
import * as fs from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from '@cardweave/gateway';

fs.writeFileSync(SUPERGRAPH_FILE, composeSupergraph());
console.log(`wrote ${SUPERGRAPH_FILE}`);
