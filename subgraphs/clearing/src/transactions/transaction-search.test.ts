/** The filter of a transaction search, checked field by field, and merchant text as a literal LIKE pattern. */
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import type { GraphQLError } from 'graphql';
import { containsPattern, MATCH_ALL, searchKey, transactionSearch, type TransactionFilterArgs } from './transaction-search';

const registry = loadAdapterRegistry();
const wallet = registry.byRole('wallet')[0].manifest.id;

function refusal(filter: TransactionFilterArgs): Record<string, unknown> | undefined {
  try {
    transactionSearch(filter, registry);
  } catch (error) {
    return { message: (error as GraphQLError).message, ...(error as GraphQLError).extensions };
  }
  return undefined;
}

it('matches everything without a filter or with an empty one', () => {
  expect(transactionSearch(null, registry)).toEqual(MATCH_ALL);
  expect(transactionSearch({}, registry)).toEqual(MATCH_ALL);
});

it('keeps what a good filter asks for, statuses once each and the merchant text trimmed', () => {
  const search = transactionSearch(
    {
      from: '2026-10-01T00:00:00+08:00',
      to: new Date('2026-10-31T16:00:00Z'),
      walletPlatform: wallet,
      status: ['APPROVED', 'DECLINED', 'APPROVED'],
      merchantText: '  星巴克  ',
      minAmountFen: 0n,
      maxAmountFen: 0n,
    },
    registry,
  );
  expect(search).toEqual({
    from: new Date('2026-09-30T16:00:00Z'),
    to: new Date('2026-10-31T16:00:00Z'),
    walletPlatform: wallet,
    statuses: ['APPROVED', 'DECLINED'],
    merchantText: '星巴克',
    minAmountFen: 0n,
    maxAmountFen: 0n,
  });
});

it.each<[string, TransactionFilterArgs, string]>([
  ['from after to', { from: '2026-10-02T00:00:00Z', to: '2026-10-01T23:59:59Z' }, 'filter.from'],
  ['an unknown wallet', { walletPlatform: 'unionpay' }, 'filter.walletPlatform'],
  ['an empty status list', { status: [] }, 'filter.status'],
  ['merchant text over 100 characters', { merchantText: '商'.repeat(101) }, 'filter.merchantText'],
  ['a negative minimum', { minAmountFen: -1n }, 'filter.minAmountFen'],
  ['a negative maximum', { maxAmountFen: -1n }, 'filter.maxAmountFen'],
  ['a minimum above the maximum', { minAmountFen: 101n, maxAmountFen: 100n }, 'filter.minAmountFen'],
  ['an instant before the year 1', { from: new Date('-000001-12-31T00:00:00Z') }, 'filter.from'],
  ['an instant after the year 9999', { to: '+010000-01-01T00:00:00Z' }, 'filter.to'],
  ['a NUL in merchant text', { merchantText: 'a\u0000b' }, 'filter.merchantText'],
  ['a control character in merchant text', { merchantText: 'a\u0007b' }, 'filter.merchantText'],
])('refuses %s as bad input of its field', (_name, filter, field) => {
  expect(refusal(filter)).toEqual(
    expect.objectContaining({ code: 'BAD_USER_INPUT', field, message: expect.stringMatching(`^${field}: `) }),
  );
});

it('counts merchant text in characters, not bytes or UTF-16 units', () => {
  expect(refusal({ merchantText: '商'.repeat(100) })).toBeUndefined();
  expect(refusal({ merchantText: '😀'.repeat(100) })).toBeUndefined();
  expect(refusal({ merchantText: '😀'.repeat(101) })).toEqual(expect.objectContaining({ field: 'filter.merchantText' }));
});

it("takes LIKE's metacharacters in merchant text as themselves", () => {
  expect(containsPattern('100%')).toBe('%100\\%%');
  expect(containsPattern('a_b')).toBe('%a\\_b%');
  expect(containsPattern('c:\\dir')).toBe('%c:\\\\dir%');
  expect(containsPattern('星巴克')).toBe('%星巴克%');
});

it('keys equal searches alike and different ones apart', () => {
  const a = transactionSearch({ status: ['DECLINED', 'APPROVED'], from: '2026-10-01T00:00:00Z' }, registry);
  const b = transactionSearch({ status: ['APPROVED', 'DECLINED'], from: new Date('2026-10-01T00:00:00Z') }, registry);
  const c = transactionSearch({ status: ['APPROVED'], from: '2026-10-01T00:00:00Z' }, registry);
  expect(searchKey(a)).toBe(searchKey(b));
  expect(searchKey(a)).not.toBe(searchKey(c));
});
