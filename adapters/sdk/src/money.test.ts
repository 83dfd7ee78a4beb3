import { clampToZero, minFen, toFen, yuan } from './money';

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
