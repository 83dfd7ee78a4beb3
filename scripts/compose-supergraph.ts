/** `npm run compose`: writes gateway/supergraph.graphql from the subgraphs' schemas. */
import * as fs from 'node:fs';
import { composeSupergraph } from '../gateway/src/compose';
import { SUPERGRAPH_FILE } from '../gateway/src/subgraph-catalog';

fs.writeFileSync(SUPERGRAPH_FILE, composeSupergraph());
console.log(`wrote ${SUPERGRAPH_FILE}`);
