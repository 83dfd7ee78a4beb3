/**
 * New card numbers: inside one of the issuer adapter's BIN ranges, of the range's length,
 * random account digits, and a valid Luhn check digit.
 */
import { randomInt } from 'node:crypto';
import { luhnValid, type BinRange } from '@cardweave/adapter-sdk';

export function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(`${body}${d}`)) return String(d);
  throw new Error('unreachable: one digit always completes a Luhn number');
}

export function generateCardNumber(range: BinRange, random: (max: number) => number = randomInt): string {
  const width = range.from.length;
  const low = Number(range.from);
  const high = Number(range.to.padEnd(width, '9').slice(0, width));
  const prefix = String(low + random(high - low + 1)).padStart(width, '0');
  let body = prefix;
  while (body.length < range.length - 1) body += String(random(10));
  return body + luhnCheckDigit(body);
}
