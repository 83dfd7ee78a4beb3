/**
 * Every object type of the public API either has an id a client cache can key on (`id: ID!`) or
 * says in its description that it is a value of its parent; a mutation's answer, read once, needs
 * neither. The type policies name only types and fields the schema has.
 */
import * as fs from 'node:fs';
import { buildSchema, getNamedType, isListType, isNonNullType, isObjectType, type GraphQLObjectType } from 'graphql';
import { PUBLIC_SCHEMA_FILE } from '../schema/public-schema';
import { CACHE_TYPE_POLICIES } from './type-policies';

const VALUE_OF_PARENT = 'A value of its parent, without an id of its own';
const schema = buildSchema(fs.readFileSync(PUBLIC_SCHEMA_FILE, 'utf8'));
const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((t) => t!.name));
const objectTypes = Object.values(schema.getTypeMap()).filter(
  (t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && !roots.has(t.name),
);

/** Types some field of a non-root type returns: those a cache may hold inside another object. */
const nested = new Set(objectTypes.flatMap((t) => Object.values(t.getFields()).map((f) => getNamedType(f.type).name)));
const mutationAnswers = new Set(Object.values(schema.getMutationType()!.getFields()).map((f) => getNamedType(f.type).name));

describe('cache identity of the public types', () => {
  it.each(objectTypes.map((t) => [t.name, t] as const))('%s has an id or is a value of its parent', (_name, type) => {
    const id = type.getFields().id;
    if (id) {
      expect(isNonNullType(id.type) && getNamedType(id.type).name === 'ID').toBe(true);
    } else if (!(mutationAnswers.has(type.name) && !nested.has(type.name))) {
      expect(type.description ?? '').toContain(VALUE_OF_PARENT);
    }
  });

  it('names in the type policies only types and list fields the schema has', () => {
    for (const [typeName, policy] of Object.entries(CACHE_TYPE_POLICIES)) {
      const type = schema.getType(typeName);
      expect(type && isObjectType(type)).toBe(true);
      for (const field of Object.keys(policy.fields ?? {})) {
        const fieldType = (type as GraphQLObjectType).getFields()[field]?.type;
        expect([typeName, field, fieldType && isListType(isNonNullType(fieldType) ? fieldType.ofType : fieldType)]).toEqual([
          typeName,
          field,
          true,
        ]);
      }
    }
  });
});
