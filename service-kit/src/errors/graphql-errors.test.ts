import { GraphQLError } from 'graphql';
import { CANONICAL_ERROR_CODES } from '@cardweave/adapter-sdk/canonical-errors';
import { ALL_ERROR_CODES, EDGE_ERROR_CODES, errorEntry, graphqlError, isClientErrorCode } from './graphql-errors';

describe('graphqlError', () => {
  it('puts the code first in the extensions, then the details', () => {
    const error = graphqlError('BAD_USER_INPUT', 'first: must be between 0 and 100', { field: 'first' });
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.message).toBe('first: must be between 0 and 100');
    expect(Object.entries(error.extensions)).toEqual([
      ['code', 'BAD_USER_INPUT'],
      ['field', 'first'],
    ]);
  });

  it('answers on the wire as a GraphQL error with the same code', () => {
    const error = graphqlError('NOT_FOUND', 'customer not found');
    expect(JSON.parse(JSON.stringify(error))).toEqual({ message: 'customer not found', extensions: { code: 'NOT_FOUND' } });
    expect(errorEntry('NOT_FOUND', 'customer not found')).toEqual({ message: 'customer not found', extensions: { code: 'NOT_FOUND' } });
  });

  it('keeps its code when the details name another', () => {
    // @ts-expect-error -- a code goes in the first argument, never in the details
    const error = graphqlError('BAD_USER_INPUT', 'id: not a valid id', { code: 'OTHER', field: 'id' });
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(Object.keys(error.extensions)[0]).toBe('code');
  });

  it('refuses a code outside the list at compile time', () => {
    // @ts-expect-error -- a misspelled code does not compile
    const error = graphqlError('NOT_FUOND', 'customer not found');
    expect(error.extensions.code).toBe('NOT_FUOND');
  });
});

describe('isClientErrorCode', () => {
  it('knows the edge codes and the canonical codes, and nothing else', () => {
    expect(ALL_ERROR_CODES.size).toBe(EDGE_ERROR_CODES.length + CANONICAL_ERROR_CODES.length);
    for (const code of [...EDGE_ERROR_CODES, ...CANONICAL_ERROR_CODES]) expect(isClientErrorCode(code)).toBe(true);
    for (const value of ['BAD_SIGNATURE', 'COST_ESTIMATED_TOO_EXPENSIVE', 'not_found', '', undefined, 42]) {
      expect(isClientErrorCode(value)).toBe(false);
    }
  });
});
