/**
 * Adapter options, validated when the adapter is created (fail fast at boot, naming the
 * bad option), with documented defaults. Options may come from JSON configuration, so
 * fen amounts and fractions also accept strings ("500000", "5/10000").
 */
import { AdapterOptionsError } from './adapter-errors';
import { ROUNDING_MODES, toFen, type Fen, type Fraction, type RoundingMode } from './money';

export interface OptionRule<V> {
  default: V;
  /** Human description for the README and error messages. */
  description: string;
  /** Returns the parsed value or throws an Error whose message says what is wrong. */
  parse(value: unknown): V;
}

export type OptionSpec<T> = { [K in keyof T]-?: OptionRule<T[K]> };

export function parseOptions<T>(adapterId: string, spec: OptionSpec<T>, input: unknown = {}): T {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new AdapterOptionsError(adapterId, '(options)', 'must be an object');
  }
  const given = input as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!Object.prototype.hasOwnProperty.call(spec, key)) {
      throw new AdapterOptionsError(adapterId, key, `is not an option of this adapter (options: ${Object.keys(spec).join(', ')})`);
    }
  }
  const out = {} as T;
  for (const key of Object.keys(spec) as Array<keyof T & string>) {
    const rule = spec[key];
    const value = given[key];
    try {
      out[key] = value === undefined ? rule.default : rule.parse(value);
    } catch (error) {
      throw new AdapterOptionsError(adapterId, key, `${(error as Error).message} (expected ${rule.description})`);
    }
  }
  return out;
}

const fail = (message: string): never => {
  throw new Error(message);
};
const show = (value: unknown) => (typeof value === 'bigint' ? `${value}n` : JSON.stringify(value));

export function integerOption(defaultValue: number, min: number, max: number, description?: string): OptionRule<number> {
  return {
    default: defaultValue,
    description: description ?? `an integer from ${min} to ${max}`,
    parse: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fail(`is ${show(v)}`)),
  };
}

export function fenOption(defaultValue: Fen, min: Fen = 0n): OptionRule<Fen> {
  return {
    default: defaultValue,
    description: `a whole number of fen ≥ ${min}`,
    parse: (v) => {
      let fen: Fen;
      try {
        fen = toFen(v as string | number | bigint);
      } catch {
        return fail(`is ${show(v)}`);
      }
      return fen >= min ? fen : fail(`is ${show(v)}`);
    },
  };
}

export function fractionOption(
  defaultValue: Fraction,
  description = 'a fraction {numerator, denominator} or "n/d", 0 ≤ value ≤ 1',
): OptionRule<Fraction> {
  return {
    default: defaultValue,
    description,
    parse: (v) => {
      let f: Fraction | undefined;
      if (typeof v === 'string' && /^\d+\/\d+$/.test(v)) {
        const [n, d] = v.split('/');
        f = { numerator: BigInt(n), denominator: BigInt(d) };
      } else if (v && typeof v === 'object') {
        const { numerator, denominator } = v as Record<string, unknown>;
        try {
          f = { numerator: toFen(numerator as bigint), denominator: toFen(denominator as bigint) };
        } catch {
          f = undefined;
        }
      }
      if (!f || f.denominator <= 0n || f.numerator < 0n || f.numerator > f.denominator) return fail(`is ${show(v)}`);
      return f;
    },
  };
}

export function enumOption<V extends string>(defaultValue: V, values: readonly V[]): OptionRule<V> {
  return {
    default: defaultValue,
    description: `one of ${values.join(', ')}`,
    parse: (v) => ((values as readonly unknown[]).includes(v) ? (v as V) : fail(`is ${show(v)}`)),
  };
}

export const roundingOption = (defaultValue: RoundingMode) => enumOption<RoundingMode>(defaultValue, ROUNDING_MODES);

export function booleanOption(defaultValue: boolean): OptionRule<boolean> {
  return { default: defaultValue, description: 'true or false', parse: (v) => (typeof v === 'boolean' ? v : fail(`is ${show(v)}`)) };
}

export function stringOption(defaultValue: string, pattern: RegExp, description: string): OptionRule<string> {
  return { default: defaultValue, description, parse: (v) => (typeof v === 'string' && pattern.test(v) ? v : fail(`is ${show(v)}`)) };
}

/** An ordering of all the given values, each once (e.g. repayment allocation order). */
export function orderOption<V extends string>(defaultValue: V[], values: readonly V[]): OptionRule<V[]> {
  return {
    default: defaultValue,
    description: `an ordering of ${values.join(', ')}, each once`,
    parse: (v) =>
      Array.isArray(v) && v.length === values.length && values.every((x) => v.includes(x)) ? (v as V[]) : fail(`is ${show(v)}`),
  };
}
