/**
 * How a configuration value is read from its text. One parser per kind of value, so every
 * whole number in the system is read by the same `integer` (no `Number(...)` that lets NaN,
 * `1e3`, `0x10` or `12abc` through) and every URL by the same `url`.
 *
 * A parser returns undefined for text it does not accept; the reader (read.ts) turns that
 * into an error naming the variable, the value and `expected`.
 */
export interface Parser<T> {
  /** What an accepted value looks like, as the error and the README say it ("a whole number from 1 to 65535"). */
  expected: string;
  parse(text: string): T | undefined;
}

const WHOLE_NUMBER = /^[+-]?\d+$/;

/** A whole number in decimal digits within [min, max]; anything else (NaN, 1.5, 1e3, 0x10, 12abc) is refused. */
export function integer(bounds: { min?: number; max?: number } = {}): Parser<number> {
  const min = bounds.min ?? Number.MIN_SAFE_INTEGER;
  const max = bounds.max ?? Number.MAX_SAFE_INTEGER;
  const range =
    bounds.min !== undefined && bounds.max !== undefined
      ? ` from ${min} to ${max}`
      : bounds.min !== undefined
        ? ` of at least ${min}`
        : bounds.max !== undefined
          ? ` of at most ${max}`
          : '';
  return {
    expected: `a whole number${range}`,
    parse: (text) => {
      if (!WHOLE_NUMBER.test(text)) return undefined;
      const value = Number(text);
      return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
    },
  };
}

/** A TCP port; 0 lets the system pick a free one (tests). */
export function port(): Parser<number> {
  return { ...integer({ min: 0, max: 65_535 }), expected: 'a port number from 0 to 65535' };
}

/** The longest timer Node.js keeps (setTimeout's limit, about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

/** A duration in whole milliseconds. */
export function durationMs(bounds: { min?: number; max?: number } = {}): Parser<number> {
  const whole = integer({ min: bounds.min ?? 0, max: bounds.max ?? MAX_TIMER_MS });
  return { ...whole, expected: `${whole.expected} (milliseconds)` };
}

/** An absolute URL with one of the given protocols. */
export function url(protocols: string[]): Parser<string> {
  return {
    expected: `a URL (${protocols.join(', ')})`,
    parse: (text) => {
      try {
        return protocols.includes(new URL(text).protocol) ? text : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

const ON = ['1', 'true', 'yes', 'on'];
const OFF = ['0', 'false', 'no', 'off'];

/** On or off: 1/true/yes/on, 0/false/no/off (any case). */
export function flag(): Parser<boolean> {
  return {
    expected: `one of ${[...ON, ...OFF].join(', ')}`,
    parse: (text) => (ON.includes(text.toLowerCase()) ? true : OFF.includes(text.toLowerCase()) ? false : undefined),
  };
}

/** One of a fixed set of words. */
export function oneOf<const T extends string>(values: readonly T[]): Parser<T> {
  return {
    expected: `one of ${values.join(', ')}`,
    parse: (text) => (values as readonly string[]).find((v) => v === text) as T | undefined,
  };
}

/** Any text (names, paths, keys: what is inside is checked by whoever uses it). */
export function text(): Parser<string> {
  return { expected: 'text', parse: (value) => value };
}

/** Comma-separated entries, blanks dropped; at least one. */
export function list(): Parser<string[]> {
  return {
    expected: 'a comma-separated list',
    parse: (value) => {
      const entries = value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      return entries.length ? entries : undefined;
    },
  };
}

/**
 * Comma-separated web origins (`https://cards.example.com,http://localhost:5173`): scheme, host
 * and port only, as a browser sends them in `Origin`; a path, a trailing slash or `*` is refused,
 * so a list never matches more than it names.
 */
export function origins(): Parser<string[]> {
  const entries = list();
  return {
    expected: 'a comma-separated list of origins (http(s)://host[:port], no path)',
    parse: (value) => {
      const listed = entries.parse(value);
      if (!listed) return undefined;
      for (const entry of listed) {
        let origin: string;
        try {
          const parsed = new URL(entry);
          if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
          origin = parsed.origin;
        } catch {
          return undefined;
        }
        if (origin !== entry.toLowerCase()) return undefined;
      }
      return listed.map((entry) => entry.toLowerCase());
    },
  };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO 8601 instant (`2026-03-01T10:00:00+08:00`). */
export function instant(): Parser<Date> {
  return {
    expected: 'an ISO 8601 instant',
    parse: (value) => {
      if (!ISO_INSTANT.test(value)) return undefined;
      const at = new Date(value);
      return Number.isNaN(at.getTime()) ? undefined : at;
    },
  };
}
