/**
 * Lists the public types, fields and arguments that have no description, so the published
 * schema documents itself. Enum values are listed too when asked (`includeEnumValues`).
 */
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';

const described = (description: string | null | undefined) => !!description && description.trim().length > 0;

export function undocumentedElements(schema: GraphQLSchema, options: { includeEnumValues?: boolean } = {}): string[] {
  const missing: string[] = [];
  const rootTypes = new Set<unknown>([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    // The root operation types are named by convention; their fields carry the documentation.
    if (!rootTypes.has(type) && !described(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
        if ('args' in field) {
          for (const arg of field.args) if (!described(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type) && options.includeEnumValues) {
      for (const value of type.getValues()) if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}
