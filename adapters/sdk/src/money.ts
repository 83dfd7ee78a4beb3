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
