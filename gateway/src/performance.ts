/**
 * Runtime options chosen for speed (query planner, caches, keep-alive to subgraphs).
 * Each choice is measured in bench/ and recorded in BENCHMARKS.md: `npm run bench` runs
 * the production choices below and, beside them, each rejected alternative.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { GatewayConfigSupergraph } from '@graphql-hive/gateway-runtime';
import { readOperationDocuments } from './operation-documents';

/** The options this file may set: those of a gateway serving a supergraph. */
export type PerformanceOptions = Partial<GatewayConfigSupergraph<Record<string, unknown>>>;

export interface PerformanceChoices {
  /** The query planner: the JavaScript one in Hive's runtime, or Hive's Rust planner (@graphql-hive/router-runtime). */
  queryPlanner: 'javascript' | 'rust';
  /** HTTP keep-alive between the gateway and the subgraphs (a pooled agent per gateway). */
  keepAlive: boolean;
  /** Accept `extensions.persistedQuery.sha256Hash` for the checked-in client operations. */
  persistedDocuments: boolean;
  /** Generate and echo an x-request-id per request (Hive's default). */
  requestId: boolean;
}

/** The production choices; bench/ measures every flip of them (see BENCHMARKS.md). */
export const PRODUCTION_CHOICES: PerformanceChoices = {
  // Measured: about twice the card views per second of the JavaScript planner, the same answers.
  queryPlanner: 'rust',
  keepAlive: true,
  persistedDocuments: true,
  requestId: true,
};

/** Where the checked-in client operations live. */
export const OPERATION_DIRS = [path.resolve(__dirname, '../../client/operations'), path.resolve(__dirname, '../operations')];

export const documentHash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The trusted documents: every checked-in operation file, with the definitions of the shared
 * fragments it spreads (operation-documents.ts), by the SHA-256 of that text.
 */
export function persistedDocumentStore(dirs: string[] = OPERATION_DIRS): Map<string, string> {
  const store = new Map<string, string>();
  for (const dir of dirs.filter((d) => fs.existsSync(d))) {
    for (const text of readOperationDocuments(dir).values()) store.set(documentHash(text), text);
  }
  return store;
}

export function buildPerformanceOptions(choices: PerformanceChoices): PerformanceOptions {
  const options: PerformanceOptions = {};
  // Node's default agent keeps connections alive too, but without a cap; one agent per
  // gateway with LIFO scheduling reuses the warmest sockets and frees idle ones.
  const agent = new http.Agent({ keepAlive: choices.keepAlive, keepAliveMsecs: 1_000, maxSockets: 256, scheduling: 'lifo' });
  options.customAgent = () => agent;
  if (choices.persistedDocuments) {
    const store = persistedDocumentStore();
    options.persistedDocuments = {
      getPersistedOperation: (hash: string) => store.get(hash) ?? null,
      // Clients may still send whole documents; persisted ones skip the upload and the parse.
      allowArbitraryDocuments: true,
    };
  }
  if (choices.queryPlanner === 'rust') {
    // Loaded only when chosen: the package ships a native planner per platform.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, only when chosen
    const routerRuntime = require('@graphql-hive/router-runtime') as typeof import('@graphql-hive/router-runtime');
    options.unifiedGraphHandler = routerRuntime.unifiedGraphHandler;
  }
  if (!choices.requestId) options.requestId = false;
  return options;
}

export const performanceOptions: PerformanceOptions = buildPerformanceOptions(PRODUCTION_CHOICES);
