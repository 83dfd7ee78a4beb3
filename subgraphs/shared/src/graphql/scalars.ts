/**
 * Scalars shared by every subgraph. Fen travels as a JSON integer and lives as a
 * bigint in the code, so no amount ever passes through a floating-point value.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { graphqlError } from '@cardweave/service-kit';

function badInput(message: string): GraphQLError {
  return graphqlError('BAD_USER_INPUT', message);
}

/** The largest amount Fen carries: the largest whole number a JSON number holds exactly (2^53 − 1). */
export const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);

const WHOLE_FEN = `Fen must be a whole number of fen from -${MAX_FEN} to ${MAX_FEN}`;

/** An amount JSON carries exactly, the most `serialize` can send back; beyond it, bad input that says the range. */
function heldFen(fen: bigint): bigint {
  if (fen > MAX_FEN || fen < -MAX_FEN) throw badInput(`${WHOLE_FEN}; got ${fen}`);
  return fen;
}

/** Why a value is no amount: a fraction, or not a number at all. */
function notFen(got: string, fraction: boolean): GraphQLError {
  return badInput(
    fraction
      ? `Fen must be a whole number of fen (e.g. 12345 for 123.45 CNY), not a fraction; got ${got}`
      : `${WHOLE_FEN}, as a JSON number or a string of digits; got ${got}`,
  );
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
    // A whole JSON number past 2^53 − 1 has already been rounded by the JSON parser: it is refused
    // by its range, never taken as a nearby amount; a string of digits is read exactly as a bigint.
    if (typeof value === 'number' && Number.isInteger(value)) return heldFen(BigInt(value));
    if (typeof value === 'number' && Number.isFinite(value)) throw notFen(String(value), true);
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return heldFen(BigInt(value));
    throw notFen(JSON.stringify(value) ?? String(value), typeof value === 'string' && /^-?\d*\.\d+$/.test(value));
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.INT) return heldFen(BigInt(ast.value));
    if (ast.kind === Kind.STRING && /^-?\d+$/.test(ast.value)) return heldFen(BigInt(ast.value));
    if (ast.kind === Kind.FLOAT) throw notFen(ast.value, true);
    throw notFen(ast.kind === Kind.STRING ? JSON.stringify(ast.value) : ast.kind, false);
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
