/**
 * Number literals written in a document must fit where they are, checked while the document is
 * validated, before any planning. GraphQL's own rules bound Int to 32 bits but take any number
 * for an ID or a custom scalar (the gateway's schema knows Fen only by name), and the Rust query
 * planner fails on an integer beyond 64 bits with an internal error; so here every number literal
 * (field and directive arguments, nested input fields, list items, variable defaults) is held to
 * its scalar: Fen to a whole number JSON carries exactly (the subgraphs' Fen scalar), anything else
 * the planner reads to a signed 64-bit integer or a finite float.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  Kind,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  typeFromAST,
  type ASTVisitor,
  type FloatValueNode,
  type GraphQLInputType,
  type IntValueNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { graphqlError } from '@cardweave/service-kit';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const FEN_MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** Scalars whose own literal check already refuses an out-of-range or non-integer number. */
const CHECKED_BY_GRAPHQL = new Set(['Int', 'Boolean', 'String']);

/** Why `literal` cannot stand where a value of `typeName` is expected, or undefined if it can. */
export function numberLiteralProblem(typeName: string | undefined, literal: IntValueNode | FloatValueNode): string | undefined {
  if (typeName && CHECKED_BY_GRAPHQL.has(typeName)) return undefined;
  if (typeName === 'Fen') {
    if (literal.kind === Kind.FLOAT)
      return `must be a whole number of fen (e.g. 12345 for 123.45 CNY), not a fraction; got ${literal.value}`;
    const fen = BigInt(literal.value);
    return fen > FEN_MAX || fen < -FEN_MAX
      ? `must be a whole number of fen from -${FEN_MAX} to ${FEN_MAX}; got ${literal.value}`
      : undefined;
  }
  if (literal.kind === Kind.FLOAT) return Number.isFinite(Number(literal.value)) ? undefined : 'the number is beyond a 64-bit float';
  const value = BigInt(literal.value);
  return value > INT64_MAX || value < INT64_MIN ? 'the number is beyond a signed 64-bit integer' : undefined;
}

/**
 * Walks one value written in the document beside its expected type (undefined where the schema
 * has none), calling `report` with each number literal's path: `input.amountFen`, `ids[2]`.
 */
function eachNumberLiteral(
  value: ValueNode,
  type: GraphQLInputType | undefined,
  path: string,
  report: (literal: IntValueNode | FloatValueNode, type: GraphQLInputType | undefined, path: string) => void,
): void {
  const expected = type && isNonNullType(type) ? type.ofType : type;
  if (value.kind === Kind.INT || value.kind === Kind.FLOAT) return report(value, expected, path);
  if (value.kind === Kind.LIST) {
    const item = expected && isListType(expected) ? expected.ofType : expected;
    value.values.forEach((v, i) => eachNumberLiteral(v, item, `${path}[${i}]`, report));
  } else if (value.kind === Kind.OBJECT) {
    const fields = expected && isInputObjectType(expected) ? expected.getFields() : {};
    for (const field of value.fields) {
      eachNumberLiteral(field.value, fields[field.name.value]?.type, `${path}.${field.name.value}`, report);
    }
  } else if (expected && isListType(expected)) {
    // One value where a list is expected stands for a list of one.
    eachNumberLiteral(value, expected.ofType, path, report);
  }
}

export function NumberLiteralRangeRule(context: ValidationContext): ASTVisitor {
  let directive: string | undefined;
  const report = (literal: IntValueNode | FloatValueNode, type: GraphQLInputType | undefined, field: string) => {
    const named = type ? getNamedType(type) : undefined;
    if (named && isEnumType(named)) return;
    const problem = numberLiteralProblem(named?.name, literal);
    if (!problem) return;
    context.reportError(graphqlError('BAD_USER_INPUT', `${field}: ${problem}`, { field }, { nodes: literal }));
  };
  return {
    Directive: {
      enter: (node) => void (directive = node.name.value),
      leave: () => void (directive = undefined),
    },
    Argument(node) {
      const name = directive ? `@${directive}.${node.name.value}` : node.name.value;
      eachNumberLiteral(node.value, context.getArgument()?.type, name, report);
      // Its values are walked here, with their types.
      return false;
    },
    VariableDefinition(node) {
      if (!node.defaultValue) return;
      const type = typeFromAST(context.getSchema(), node.type);
      eachNumberLiteral(node.defaultValue, type && isInputType(type) ? type : undefined, `$${node.variable.name.value}`, report);
    },
  };
}

export function useNumberLiterals(): GatewayPlugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NumberLiteralRangeRule as ValidationRule);
    },
  };
}
