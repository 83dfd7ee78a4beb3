import { durationMs, flag, instant, integer, list, oneOf, origins, port, text, url } from './parsers';

describe('integer', () => {
  const whole = integer({ min: 1, max: 100 });

  it.each(['1', '42', '100', '+7', '007'])('accepts %s', (value) => {
    expect(whole.parse(value)).toBe(Number(value));
  });

  it.each(['NaN', 'abc', '12abc', '1.5', '1e2', '0x10', 'Infinity', '', ' ', '-', '0', '101', '-5'])('refuses %j', (value) => {
    expect(whole.parse(value)).toBeUndefined();
  });

  it('refuses numbers past the safe integers even without bounds', () => {
    expect(integer().parse('9007199254740993')).toBeUndefined();
    expect(integer().parse('-12')).toBe(-12);
  });

  it('says the bounds it expects', () => {
    expect(whole.expected).toBe('a whole number from 1 to 100');
    expect(integer({ min: 0 }).expected).toBe('a whole number of at least 0');
  });
});

describe('port and durationMs', () => {
  it('take ports from 0 to 65535', () => {
    expect(port().parse('0')).toBe(0);
    expect(port().parse('65535')).toBe(65_535);
    expect(port().parse('65536')).toBeUndefined();
    expect(port().parse('80.5')).toBeUndefined();
  });

  it('take milliseconds a timer can hold', () => {
    expect(durationMs().parse('0')).toBe(0);
    expect(durationMs({ min: 1 }).parse('0')).toBeUndefined();
    expect(durationMs().parse('2147483647')).toBe(2_147_483_647);
    expect(durationMs().parse('2147483648')).toBeUndefined();
    expect(durationMs().parse('5s')).toBeUndefined();
  });
});

describe('url', () => {
  const http = url(['http:', 'https:']);

  it('accepts an absolute URL of an allowed protocol only', () => {
    expect(http.parse('http://issuer:4001/graphql')).toBe('http://issuer:4001/graphql');
    expect(http.parse('ftp://issuer/graphql')).toBeUndefined();
    expect(http.parse('issuer:4001')).toBeUndefined();
    expect(http.parse('/graphql')).toBeUndefined();
  });
});

describe('flag, oneOf, text, list, instant', () => {
  it('flag reads on and off words in any case and refuses anything else', () => {
    expect(['1', 'true', 'YES', 'on'].map(flag().parse)).toEqual([true, true, true, true]);
    expect(['0', 'false', 'No', 'off'].map(flag().parse)).toEqual([false, false, false, false]);
    expect(flag().parse('maybe')).toBeUndefined();
  });

  it('oneOf accepts its words exactly', () => {
    const level = oneOf(['info', 'warn']);
    expect(level.parse('warn')).toBe('warn');
    expect(level.parse('WARN')).toBeUndefined();
    expect(level.expected).toBe('one of info, warn');
  });

  it('text takes the text as it is; list splits on commas and drops blanks', () => {
    expect(text().parse('a b')).toBe('a b');
    expect(list().parse(' a, ,b ,')).toEqual(['a', 'b']);
    expect(list().parse(',,')).toBeUndefined();
  });

  it('instant takes ISO 8601 instants only', () => {
    expect(instant().parse('2026-11-26T06:00:00.000Z')?.toISOString()).toBe('2026-11-26T06:00:00.000Z');
    expect(instant().parse('2026-03-01T10:00:00+08:00')?.toISOString()).toBe('2026-03-01T02:00:00.000Z');
    expect(instant().parse('yesterday')).toBeUndefined();
    expect(instant().parse('2026-13-45')).toBeUndefined();
  });
});

describe('origins', () => {
  it('takes web origins, scheme, host and port only', () => {
    expect(origins().parse('https://cards.example.com, http://127.0.0.1:5173')).toEqual([
      'https://cards.example.com',
      'http://127.0.0.1:5173',
    ]);
    expect(origins().parse('https://Cards.Example.com')).toEqual(['https://cards.example.com']);
  });

  it.each([
    '*',
    'cards.example.com',
    'https://cards.example.com/',
    'https://cards.example.com/app',
    'ftp://cards.example.com',
    'null',
    ',',
  ])('refuses %j', (value) => {
    expect(origins().parse(value)).toBeUndefined();
  });
});
