/**
 * Test identities for conformance inputs and simulator tests: card numbers in a BIN range
 * with a valid (or deliberately wrong) check digit, resident ID numbers with the right
 * check character, and mobile numbers. None of them belongs to anyone: the BIN range is an
 * example range, the ID area code and birth date are the GB 11643-1999 standard's example.
 */
import { luhnValid, residentIdCheckCharacter } from '@cardweave/adapter-sdk';

/** The check digit that makes `body` + digit pass Luhn. */
export function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(`${body}${d}`)) return String(d);
  throw new Error('unreachable: one digit always completes a Luhn number');
}

/**
 * A card number starting with `prefix` (default 625350, the example UnionPay credit range
 * jd-finance issues from), `length` digits, with a valid Luhn check digit. `serial` makes
 * each number distinct: testCardNumber() is 6253500000000014, testCardNumber('625350', 16, 2)
 * the next one.
 */
export function testCardNumber(prefix = '625350', length = 16, serial = 1): string {
  const width = length - prefix.length - 1;
  if (!/^\d+$/.test(prefix) || width < 1) throw new RangeError(`a ${length}-digit card number cannot start with "${prefix}"`);
  const body = `${prefix}${String(serial).padStart(width, '0')}`;
  if (body.length !== length - 1) throw new RangeError(`serial ${serial} does not fit in ${width} digits`);
  return `${body}${luhnCheckDigit(body)}`;
}

/** The same number with a wrong check digit: a genuine-looking UnionPay card that fails Luhn. */
export function withWrongCheckDigit(cardNumber: string): string {
  const body = cardNumber.slice(0, -1);
  const right = luhnCheckDigit(body);
  return `${body}${right === '0' ? '1' : '0'}`;
}

/** A resident ID number for a birth date (YYYYMMDD), with the GB 11643-1999 check character. */
export function testResidentId(birthDate = '19491231', area = '110105', sequence = '002'): string {
  const first17 = `${area}${birthDate}${sequence}`;
  if (!/^\d{17}$/.test(first17))
    throw new RangeError('area (6 digits), birth date (YYYYMMDD) and sequence (3 digits) make the first 17 digits');
  return `${first17}${residentIdCheckCharacter(first17)}`;
}

/** A mainland mobile number in the 138 range; `serial` makes it distinct. */
export function testMobile(serial = 138_000): string {
  return `138${String(serial).padStart(8, '0')}`;
}
