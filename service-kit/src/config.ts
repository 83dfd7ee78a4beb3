/** What every subgraph treats the same way: the program's time zone, and ids. */
import { graphqlError } from './errors/graphql-errors';

/** Calendar dates (bills, overdue days) follow the card program's home zone. */
export const PROGRAM_TIMEZONE = 'Asia/Shanghai';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is a field-level input error, never a database error. */
export function requireId(value: string, field = 'id'): string {
  if (!UUID.test(value)) {
    throw graphqlError('BAD_USER_INPUT', `${field}: not a valid id`, { field });
  }
  return value.toLowerCase();
}
