import { applyFraction, clampToZero, divideRounded, minFen, toFen, yuan } from './money';

describe('money in fen', () => {
  it('parses database bigints and safe integers exactly', () => {
    expect(toFen('9007199254740993')).toBe(9007199254740993n);
    expect(toFen(150)).toBe(150n);
    expect(() => toFen(1.5)).toThrow(RangeError);
    expect(() => toFen('12.30')).toThrow(RangeError);
  });
  it('converts whole yuan and takes minimums', () => {
    expect(yuan(1_000)).toBe(100_000n);
    expect(minFen(5n, 3n, 9n)).toBe(3n);
    expect(clampToZero(-4n)).toBe(0n);
  });
});

describe('exact fractions with a rounding mode', () => {
  const penalty = { numerator: 5n, denominator: 10_000n }; // 0.05% per day
  it('applies the overdue penalty exactly: 1,000.00 CNY → 50 fen, no rounding needed', () => {
    expect(applyFraction(100_000n, penalty, 'HALF_UP')).toBe(50n);
  });
  it('rounds a tie per mode (10,100 fen × 0.05% = 5.05 → and 11,000 × 0.05% = 5.5)', () => {
    expect(applyFraction(11_000n, penalty, 'HALF_UP')).toBe(6n);
    expect(applyFraction(11_000n, penalty, 'HALF_EVEN')).toBe(6n);
    expect(applyFraction(13_000n, penalty, 'HALF_EVEN')).toBe(6n); // 6.5 → even 6
    expect(applyFraction(13_000n, penalty, 'HALF_UP')).toBe(7n);
    expect(applyFraction(10_100n, penalty, 'DOWN')).toBe(5n);
    expect(applyFraction(10_100n, penalty, 'UP')).toBe(6n);
    expect(applyFraction(10_100n, penalty, 'HALF_UP')).toBe(5n);
  });
  it('treats negative amounts symmetrically (ties away from zero, DOWN toward zero)', () => {
    expect(divideRounded(-15n, 10n, 'HALF_UP')).toBe(-2n);
    expect(divideRounded(-15n, 10n, 'HALF_EVEN')).toBe(-2n);
    expect(divideRounded(-25n, 10n, 'HALF_EVEN')).toBe(-2n);
    expect(divideRounded(-19n, 10n, 'DOWN')).toBe(-1n);
    expect(divideRounded(-11n, 10n, 'UP')).toBe(-2n);
    expect(divideRounded(15n, -10n, 'HALF_UP')).toBe(-2n);
  });
  it('stays exact beyond the float range', () => {
    expect(applyFraction(9_007_199_254_740_993n, { numerator: 1n, denominator: 1n }, 'DOWN')).toBe(9_007_199_254_740_993n);
  });
  it('refuses a zero denominator', () => {
    expect(() => applyFraction(1n, { numerator: 1n, denominator: 0n }, 'UP')).toThrow(RangeError);
  });
});
