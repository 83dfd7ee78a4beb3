/** Cursors: what this API issued decodes; anything else is refused before it can reach SQL. */
import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, pageSize } from './pagination';

const ID = '3f2b8c1e-4d5a-4e6f-8a9b-0c1d2e3f4a5b';
const forge = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

function refusal(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('the cursor was accepted');
}

describe('decodeCursor', () => {
  it('decodes the cursors it issued, by instant and by id', () => {
    for (const sort of ['2026-11-29 15:48:57.123456+00', '2026-11-29 15:48:57+08', '2026-11-29', '2026-11-29T15:48:57.000Z']) {
      expect(decodeCursor(encodeCursor({ sort, id: ID }))).toEqual({ sort, id: ID });
    }
    expect(decodeCursor(encodeCursor({ sort: ID, id: ID }), 'id')).toEqual({ sort: ID, id: ID });
    expect(decodeCursor(null)).toBeNull();
  });

  it.each([
    ['a sort value that is no date', ['not-a-date', ID]],
    ['an impossible date', ['2026-02-30 00:00:00+00', ID]],
    ['an hour out of range', ['2026-11-29 25:00:00+00', ID]],
    ['year zero', ['0000-01-01', ID]],
    ['SQL in the sort value', ["2026-11-29' OR 1=1 --", ID]],
    ['an id that is no uuid', ['2026-11-29 15:48:57+00', "' OR 1=1 --"]],
    ['an id with braces', ['2026-11-29 15:48:57+00', `{${ID}}`]],
    ['a number for the sort', [20261129, ID]],
    ['three parts', ['2026-11-29', ID, ID]],
  ])('refuses a well-encoded pair holding %s as BAD_USER_INPUT naming the argument', (_, pair) => {
    const error = refusal(() => decodeCursor(forge(pair)));
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
  });

  it('refuses an instant where an id orders the pages, and names the argument it was given in', () => {
    const error = refusal(() => decodeCursor(forge(['2026-11-29', ID]), 'id', 'before'));
    expect(error.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'before' }));
    expect(error.message).toMatch(/^before: /);
  });
});

describe('pageSize', () => {
  it('refuses a page of none: it would say more follows with no cursor to go on', () => {
    expect(() => pageSize(0)).toThrow('first: must be between 1 and 100; got 0');
    expect(() => pageSize(101)).toThrow('first: must be between 1 and 100; got 101');
    expect(pageSize(1)).toBe(1);
    expect(pageSize(undefined)).toBe(20);
  });
});
