/**
 * Calendar dates as YYYY-MM-DD strings in the program's zone. Bills, due dates and
 * penalty days are calendar dates, never instants, so month ends and leap days come
 * from the calendar itself (Date.UTC normalizes overflowing days and months).
 */
import { localDateOf, startOfLocalDay } from '@cardweave/adapter-sdk';
import { PROGRAM_TIMEZONE } from '@cardweave/service-kit';

const pad = (n: number) => String(n).padStart(2, '0');

/** The date of year/month/day, normalizing overflow (month 13 is January of the next year). */
export function isoDateOf(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = parseIsoDate(date);
  return isoDateOf(year, month, day + days);
}

/** The local calendar date of an instant in the program's zone. */
export function programDateOf(instant: Date): string {
  const d = localDateOf(instant, PROGRAM_TIMEZONE);
  return isoDateOf(d.year, d.month, d.day);
}

/** The instant a local date starts (00:00 in the program's zone). */
export function startOfProgramDay(date: string): Date {
  const { year, month, day } = parseIsoDate(date);
  return startOfLocalDay(year, month, day, PROGRAM_TIMEZONE);
}

/** The last millisecond of a local date: when a posting for that whole day is dated, so it stays in the day's cycle. */
export function endOfProgramDay(date: string): Date {
  return new Date(startOfProgramDay(addDays(date, 1)).getTime() - 1);
}

/** Every date after `from` up to and including `to`. */
export function datesAfter(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
