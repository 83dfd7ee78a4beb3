/**
 * Money is integer fen (1 CNY = 100 fen) held as bigint: exact at any size, and a
 * floating-point value cannot be mixed in by accident (TypeScript refuses bigint + number).
 */
export type Fen = bigint;

/** Parses a fen amount from a database bigint (string), an integer number or a bigint. */
export function toFen(value: string | number | bigint): Fen {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of fen: ${value}`);
    return BigInt(value);
  }
  if (!/^-?\d+$/.test(value)) throw new RangeError(`not a whole number of fen: ${JSON.stringify(value)}`);
  return BigInt(value);
}

/** Builds fen from whole yuan, for configuration written in CNY. */
export function yuan(amount: number): Fen {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`yuan() takes whole yuan, got ${amount}`);
  return BigInt(amount) * 100n;
}

export function minFen(first: Fen, ...rest: Fen[]): Fen {
  return rest.reduce((low, v) => (v < low ? v : low), first);
}

export function maxFen(first: Fen, ...rest: Fen[]): Fen {
  return rest.reduce((high, v) => (v > high ? v : high), first);
}

/** Never below zero: a remaining allowance that has been overrun is simply exhausted. */
export function clampToZero(value: Fen): Fen {
  return value < 0n ? 0n : value;
}

export type RoundingMode = 'HALF_UP' | 'HALF_EVEN' | 'DOWN' | 'UP';
export const ROUNDING_MODES: readonly RoundingMode[] = ['HALF_UP', 'HALF_EVEN', 'DOWN', 'UP'];

/** An exact rate such as 0.05% = { numerator: 5n, denominator: 10000n }. */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

/**
 * Divides exactly and rounds once. Modes follow java.math.RoundingMode: DOWN and UP go
 * toward / away from zero, HALF_UP rounds ties away from zero, HALF_EVEN to the even neighbour.
 */
export function divideRounded(dividend: bigint, divisor: bigint, mode: RoundingMode): bigint {
  if (divisor === 0n) throw new RangeError('division by zero');
  if (divisor < 0n) return divideRounded(-dividend, -divisor, mode);
  const negative = dividend < 0n;
  const magnitude = negative ? -dividend : dividend;
  let quotient = magnitude / divisor; // truncates toward zero
  const remainder = magnitude % divisor;
  if (remainder !== 0n) {
    const twice = remainder * 2n;
    const roundAway =
      mode === 'UP' ||
      (mode === 'HALF_UP' && twice >= divisor) ||
      (mode === 'HALF_EVEN' && (twice > divisor || (twice === divisor && quotient % 2n === 1n)));
    if (roundAway) quotient += 1n;
  }
  return negative ? -quotient : quotient;
}

/** amount × fraction, rounded once to whole fen: the one way an interest or penalty posting is computed. */
export function applyFraction(amount: Fen, fraction: Fraction, mode: RoundingMode): Fen {
  if (fraction.denominator <= 0n) throw new RangeError('a fraction needs a positive denominator');
  return divideRounded(amount * fraction.numerator, fraction.denominator, mode);
}

/** Fen as a JSON integer for platforms whose APIs take integer fen; refuses what a double cannot hold exactly. */
export function fenToJsonNumber(fen: Fen): number {
  const n = Number(fen);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${fen} fen cannot be sent as an exact JSON number`);
  return n;
}
