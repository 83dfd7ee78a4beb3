/** The GraphQL enums of the canonical error model are the SDK's lists, value for value. */
import * as fs from 'node:fs';
import { buildASTSchema, parse, type GraphQLEnumType } from 'graphql';
import { CANONICAL_ERROR_CODES, DECISIONS, REMEDIES } from '@cardweave/adapter-sdk';
import { COMMON_SCHEMA_FILE } from '../server/subgraph-server';

const schema = buildASTSchema(parse(`directive @shareable on OBJECT | FIELD_DEFINITION\n${fs.readFileSync(COMMON_SCHEMA_FILE, 'utf8')}`));
const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

it('matches the SDK canonical codes, decisions and remedies', () => {
  expect(values('CanonicalErrorCode')).toEqual([...CANONICAL_ERROR_CODES]);
  expect(values('ErrorDecision')).toEqual([...DECISIONS]);
  expect(values('Remedy')).toEqual([...REMEDIES]);
});
