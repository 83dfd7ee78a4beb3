/**
 * Calendar windows need a zone, and never the machine's own. Zones here are fixed
 * offsets: the ones the platforms use have had no daylight saving since 1991
 * (Asia/Shanghai), so a table is exact and needs no tz database. A test cross-checks
 * the table against Intl. An unknown zone is refused at adapter load.
 */
export const FIXED_OFFSET_ZONES: Readonly<Record<string, number>> = {
  'Asia/Shanghai': 8 * 60,
  'Asia/Chongqing': 8 * 60,
  'Asia/Hong_Kong': 8 * 60,
  'Asia/Macau': 8 * 60,
  'Asia/Taipei': 8 * 60,
  'Asia/Singapore': 8 * 60,
  'Asia/Tokyo': 9 * 60,
  UTC: 0,
  'Etc/UTC': 0,
};

export function isSupportedTimeZone(zone: string): boolean {
  return Object.prototype.hasOwnProperty.call(FIXED_OFFSET_ZONES, zone);
}

export function offsetMinutes(zone: string): number {
  const offset = FIXED_OFFSET_ZONES[zone];
  if (offset === undefined)
    throw new RangeError(`unsupported time zone "${zone}" (supported: ${Object.keys(FIXED_OFFSET_ZONES).join(', ')})`);
  return offset;
}

export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

/** The calendar date of an instant in a zone. */
export function localDateOf(instant: Date, zone: string): LocalDate {
  const shifted = new Date(instant.getTime() + offsetMinutes(zone) * 60_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The instant a local midnight starts; month and day may overflow (Date.UTC normalizes them). */
export function startOfLocalDay(year: number, month: number, day: number, zone: string): Date {
  return new Date(Date.UTC(year, month - 1, day) - offsetMinutes(zone) * 60_000);
}
