/**
 * Composes the supergraph from the subgraphs' schema.graphql files. The result is
 * checked in (gateway/supergraph.graphql) and served statically; a test fails when
 * it is stale.
 */
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { subgraphSdl } from '@cardweave/subgraph-kit';
import { defaultSubgraphUrl, SUBGRAPHS } from './subgraph-catalog';

export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPHS.map((entry) => ({
      name: entry.name,
      url: defaultSubgraphUrl(entry),
      typeDefs: parse(subgraphSdl(entry.schemaFile)),
    })),
  );
  if (result.errors?.length) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  if (!('supergraphSdl' in result) || !result.supergraphSdl) throw new Error('composition produced no supergraph');
  return `${result.supergraphSdl.trim()}\n`;
}
