/**
 * Scalars shared by every subgraph. Fen travels as a JSON integer and lives as a
 * bigint in the code, so no amount ever passes through a floating-point value.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { graphqlError } from '@cardweave/service-kit';

function badInput(message: string): GraphQLError {
  return graphqlError('BAD_USER_INPUT', message);
}

const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);

/** An amount JSON carries exactly, the most `serialize` can send back; beyond it, bad input. */
function heldFen(fen: bigint): bigint {
  if (fen > MAX_FEN || fen < -MAX_FEN) throw badInput(`Fen holds a whole number of fen from -${MAX_FEN} to ${MAX_FEN}`);
  return fen;
}

export const FenScalar = new GraphQLScalarType<bigint, number>({
  name: 'Fen',
  description: 'An amount in fen: a whole number.',
  serialize(value) {
    const fen = typeof value === 'bigint' ? value : BigInt(value as string);
    const asNumber = Number(fen);
    if (!Number.isSafeInteger(asNumber)) throw new GraphQLError(`amount ${fen} is too large to send as JSON`);
    return asNumber;
  },
  parseValue(value) {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
    if (typeof value === 'string' && /^-?\d{1,17}$/.test(value)) return heldFen(BigInt(value));
    throw badInput('Fen must be a whole number of fen (e.g. 12345 for 123.45 CNY), not a fraction');
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.INT) return heldFen(BigInt(ast.value));
    if (ast.kind === Kind.STRING && /^-?\d{1,17}$/.test(ast.value)) return heldFen(BigInt(ast.value));
    throw badInput('Fen must be a whole number of fen (e.g. 12345 for 123.45 CNY), not a fraction');
  },
});

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw badInput('Date must be YYYY-MM-DD');
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => checkDate(value),
  parseValue: (value) => checkDate(value),
  parseLiteral: (ast) => checkDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function toInstant(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw badInput('DateTime must be an ISO 8601 instant');
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601.',
  serialize: (value) => toInstant(value).toISOString(),
  parseValue: (value) => toInstant(value),
  parseLiteral: (ast) => toInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const scalarResolvers = { Fen: FenScalar, Date: DateScalar, DateTime: DateTimeScalar };
