/** Settings every subgraph reads the same way. */
import { GraphQLError } from 'graphql';

/** Calendar dates (bills, overdue days) follow the card program's home zone. */
export const PROGRAM_TIMEZONE = 'Asia/Shanghai';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is a field-level input error, never a database error. */
export function requireId(value: string, field = 'id'): string {
  if (!UUID.test(value)) {
    throw new GraphQLError(`${field}: not a valid id`, { extensions: { code: 'BAD_USER_INPUT', field } });
  }
  return value.toLowerCase();
}

export function portFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

export function positiveIntFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}
