/**
 * @cardweave/gateway: the federated gateway. Its process entry is src/main.ts; what others
 * use is here: starting it, the subgraph catalog, composition of the supergraph, the
 * persisted documents, the performance choices the benchmarks compare and the error codes
 * clients can see. The identity plugins alone: `@cardweave/gateway/identity-plugins`.
 */
export {
  createCardweaveGateway,
  EXAMPLE_QUERY,
  EXAMPLE_VARIABLES,
  loadPersistedDocuments,
  PERSISTED_DOCUMENTS_FILE,
  readRetryPolicy,
  startGateway,
  subgraphUrlsFromEnv,
  type GatewayOptions,
  type ResolvedGatewayOptions,
  type RunningGateway,
} from './gateway';
export {
  defaultSubgraphUrl,
  GATEWAY_DEFAULT_PORT,
  SUBGRAPH_NAMES,
  SUBGRAPHS,
  SUPERGRAPH_FILE,
  type SubgraphEntry,
  type SubgraphName,
} from './subgraph-catalog';
export { composeSupergraph } from './compose';
export { CLIENT_OPERATIONS_DIR, completeOperationDocuments, readOperationDocument, readOperationDocuments } from './operation-documents';
export {
  buildPerformanceOptions,
  documentHash,
  OPERATION_DIRS,
  performanceOptions,
  persistedDocumentStore,
  PRODUCTION_CHOICES,
  type PerformanceChoices,
  type PerformanceOptions,
} from './performance';
export { ALL_ERROR_CODES, EDGE_ERROR_CODES, normalizeError } from './plugins/use-edge-errors';
export { DEFAULT_WEB_ROOT, useWebPage, type UseWebPageOptions } from './plugins/use-web-page';
