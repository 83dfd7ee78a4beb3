import { luhnValid } from '@cardweave/adapter-sdk';
import { generateCardNumber, luhnCheckDigit } from './card-number-generator';

describe('generateCardNumber', () => {
  const range = { from: '625350', to: '625359', length: 16 };

  it('stays in the BIN range, has the range length and a valid check digit', () => {
    for (let i = 0; i < 200; i += 1) {
      const pan = generateCardNumber(range);
      expect(pan).toMatch(/^\d{16}$/);
      expect(Number(pan.slice(0, 6))).toBeGreaterThanOrEqual(625350);
      expect(Number(pan.slice(0, 6))).toBeLessThanOrEqual(625359);
      expect(luhnValid(pan)).toBe(true);
    }
  });

  it('reaches both ends of the range', () => {
    expect(generateCardNumber(range, () => 0).slice(0, 6)).toBe('625350');
    expect(generateCardNumber(range, (max) => max - 1).slice(0, 6)).toBe('625359');
  });

  it('computes the check digit of a known number', () => {
    expect(luhnCheckDigit('4111111111111111'.slice(0, 15))).toBe('1');
  });
});
