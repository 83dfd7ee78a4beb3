/**
 * The public API schema: what a client of the gateway sees. It is the composed supergraph
 * with federation's machinery (join directives, link, internal types) removed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildASTSchema, lexicographicSortSchema, parse, printSchema, type GraphQLSchema } from 'graphql';
import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import { SUPERGRAPH_FILE } from '@cardweave/gateway';

export const SCHEMA_DIR = path.resolve(__dirname, '../../schema');
/** The public API schema as of the checked-in supergraph (printed by `npm run schema:print`). */
export const PUBLIC_SCHEMA_FILE = path.join(SCHEMA_DIR, 'public-api.graphql');
/** The public API schema as last released; the breaking-change check compares against it. */
export const RELEASED_SCHEMA_FILE = path.join(SCHEMA_DIR, 'public-api.released.graphql');
/** Breaking changes recorded as intended since the last release. */
export const INTENDED_BREAKING_CHANGES_FILE = path.join(SCHEMA_DIR, 'intended-breaking-changes.json');

export function publicSchemaFromSupergraph(supergraphSdl: string): GraphQLSchema {
  return lexicographicSortSchema(buildASTSchema(transformSupergraphToPublicSchema(parse(supergraphSdl))));
}

export function publicSchema(supergraphFile: string = SUPERGRAPH_FILE): GraphQLSchema {
  return publicSchemaFromSupergraph(fs.readFileSync(supergraphFile, 'utf8'));
}

const HEADER = `# The Cardweave public API schema: what clients of the gateway see.
# Generated from gateway/supergraph.graphql by \`npm run schema:print -- --write\`; do not edit.
# Amounts are whole fen (1 CNY = 100 fen).

`;

export function printPublicSchema(schema: GraphQLSchema = publicSchema()): string {
  return `${HEADER}${printSchema(schema).trim()}\n`;
}
