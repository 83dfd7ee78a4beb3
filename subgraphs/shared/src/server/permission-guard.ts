/**
 * The permission table (@cardweave/service-kit/permissions), enforced where no resolver can
 * forget it: when a subgraph's schema is built, every Mutation field and every field the
 * table lists is wrapped with the table's check, which runs before the resolver. A mutation
 * without an entry stops the subgraph from starting, so a new mutation is never open to a
 * role by omission. The resolvers' ownership checks (a customer's own objects) come after.
 */
import { defaultFieldResolver, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { HasIdentity } from '@cardweave/service-kit';
import { assertPermitted, FIELD_PERMISSIONS, MUTATION_PERMISSIONS, type Permission } from '@cardweave/service-kit/permissions';

function guard(field: GraphQLField<unknown, unknown>, permission: Permission, coordinate: string, verb: 'do' | 'read'): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    assertPermitted(permission, (context ?? {}) as HasIdentity, coordinate, verb);
    return resolve(source, args, context, info);
  };
  // A subscription is refused when it starts, before anything is listened to.
  const subscribe = field.subscribe;
  if (subscribe) {
    field.subscribe = (source, args, context, info) => {
      assertPermitted(permission, (context ?? {}) as HasIdentity, coordinate, verb);
      return subscribe(source, args, context, info);
    };
  }
}

/** Wraps the schema's mutations and listed fields with the table's checks, in place; throws when a mutation has no entry. */
export function enforcePermissions(schema: GraphQLSchema, subgraph: string): GraphQLSchema {
  const mutations = schema.getMutationType()?.getFields() ?? {};
  const missing = Object.keys(mutations).filter((name) => !Object.hasOwn(MUTATION_PERMISSIONS, name));
  if (missing.length) {
    throw new Error(
      `${subgraph}: no entry in the permission table (MUTATION_PERMISSIONS, service-kit/src/auth/permissions.ts) for ${missing
        .map((name) => `Mutation.${name}`)
        .join(', ')}`,
    );
  }
  for (const [name, field] of Object.entries(mutations)) {
    guard(field, MUTATION_PERMISSIONS[name as keyof typeof MUTATION_PERMISSIONS], `Mutation.${name}`, 'do');
  }
  for (const [coordinate, permission] of Object.entries(FIELD_PERMISSIONS)) {
    const [typeName, fieldName] = coordinate.split('.');
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    // A subgraph that only references the type (an @external field) resolves nothing of it.
    if (field && !field.astNode?.directives?.some((d) => d.name.value === 'external')) guard(field, permission, coordinate, 'read');
  }
  return schema;
}
