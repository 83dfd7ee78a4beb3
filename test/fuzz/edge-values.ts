/**
 * Values at the edges, as fast-check arbitraries: numbers a client should never send (huge,
 * negative, fractional, beyond 64 bits, beyond a double, not numbers at all), strings that
 * break naive code (RTL, combining marks, NUL, lone surrogates, emoji, SQL and JSON
 * metacharacters, very long), tampered cursors, and the secrets a verification step carries.
 */
import * as fc from 'fast-check';
import type { FuzzValue } from './operation-tree';

export const str = (value: string): FuzzValue => ({ kind: 'string', value });
export const num = (text: string | number | bigint): FuzzValue => ({ kind: 'number', text: String(text) });

/** Numbers as text: every one of them some server must refuse or take exactly. */
export const EDGE_NUMBER_TEXTS = [
  '0',
  '-0',
  '-1',
  '0.5',
  '-0.01',
  '1.0',
  '1e-7',
  '1e3',
  '2147483647',
  '2147483648',
  '-2147483649',
  '9007199254740991',
  '9007199254740993',
  '-9007199254740993',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775809',
  '18446744073709551616',
  '123456789012345678901234567890',
  '1e21',
  '1e308',
  '1e309',
  '-1e400',
  '4.9e-324',
  // A Luhn-valid 16-digit run sent as a number: where it is logged it must not come out whole.
  '6253500000000000009',
  '6222021234567890123',
];

/** Strings that break naive handling. */
export const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202eRTL override\u202c',
  'مرحبا بالعالم',
  'שלום',
  'e\u0301\u0301\u0301\u0301\u0301',
  'Z̴̡̛̙̲͈͎̮̬͚͙̼̻̟̩̥̿̈́̓̐͗͑͆̈͘͜͝a̵̢̡̛̗̭̰̳͕̓l̷̜͔̈́g̸o',
  '😀👨‍👩‍👧‍👦🏳️‍🌈',
  '\ud800',
  '\udfff\ud800',
  '\uffff\ufeff',
  "' OR 1=1 --",
  "'; DROP TABLE issuer.cards; --",
  '"},{"__proto__":{"admin":true}}',
  '{"$ne":null}',
  '\\u0000\\"',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%ff%c0%af',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x7fffffff',
  '   12   ',
  '张三丰'.repeat(3),
];

export const stringEdgeArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  // Long, but inside the gateway's body limit (64 KiB) most of the time.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', '张', '😀', '\u0301', "'"), fc.integer({ min: 100, max: 20_000 }))
      .map(([c, n]) => c.repeat(n)),
  },
);

/** A number literal at the edge, or something that is no number. */
export const numberEdgeArb: fc.Arbitrary<FuzzValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_NUMBER_TEXTS).map(num) },
  { weight: 2, arbitrary: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(num) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => num(String(d))) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<FuzzValue>(
      str('12'),
      str('NaN'),
      str(''),
      { kind: 'boolean', value: true },
      { kind: 'list', items: [num(1)] },
      { kind: 'object', fields: [] },
    ),
  },
);

/** A plausible amount in fen: small and positive. */
export const fenArb: fc.Arbitrary<FuzzValue> = fc.integer({ min: 1, max: 5_000 }).map(num);

/** Cursors: well-formed ones holding odd keys, and garbage. */
export function cursorArb(ids: string[]): fc.Arbitrary<FuzzValue> {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const anyId = ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid();
  return fc
    .oneof(
      fc
        .tuple(fc.constantFrom('2026-10-15T04:00:00Z', '2026-10-15 04:00:00+00', '9999-12-31', '0000-01-01', '2026-13-45', ''), anyId)
        .map(encode),
      fc.tuple(anyId, anyId).map(encode),
      fc.tuple(fc.constantFrom('2026-10-15', "' OR 1=1 --"), fc.constantFrom("' OR 1=1 --", 'not-a-uuid', '')).map(encode),
      fc.constantFrom(encode([1, 2]), encode({}), encode(['a']), encode(null), encode('x'.repeat(3000)), 'not base64 !', '', '====', 'eyJ'),
      fc.base64String({ maxLength: 200 }),
    )
    .map(str);
}

/** Luhn check digit appended to a body of digits. */
export function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
}

/** The check character of an 18-character resident ID number (ISO 7064 MOD 11-2). */
export function residentIdCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return '10X98765432'[sum % 11];
}

/** Cardholder names: distinctive, so a leak of one in a log is found by name. */
export const HOLDER_NAMES = ['欧阳修远', '买买提·艾力', 'Zebulon Quackenbush', 'Ximena Oyelaran-Brightwater', '司马徽音'];

/** Verification field values that look real: what must never reach a log whole. */
export const panArb = fc.tuple(fc.constantFrom('625350', '622202', '621700'), fc.stringMatching(/^\d{9,12}$/)).chain(([bin, rest]) => {
  const pan = withLuhn(bin + rest);
  // As typed: whole, in groups of four, or dashed.
  return fc.constantFrom(pan, pan.replace(/(\d{4})(?=\d)/g, '$1 '), pan.replace(/(\d{4})(?=\d)/g, '$1-'));
});
export const residentIdArb = fc
  .tuple(
    fc.constantFrom('110105', '310104', '440305'),
    fc.integer({ min: 1960, max: 2005 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 100, max: 999 }),
  )
  .map(([area, y, m, d, seq]) => {
    const first17 = `${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
    return first17 + residentIdCheck(first17);
  });
export const mobileArb = fc.tuple(fc.constantFrom('138', '139', '150', '186', '199'), fc.stringMatching(/^\d{8}$/)).map(([p, r]) => p + r);
export const cvv2Arb = fc.stringMatching(/^\d{3}$/);
export const smsCodeArb = fc.stringMatching(/^\d{6}$/);
