import { localDateOf, type LocalDate } from '../time-zones';
import { fieldError, invalid, valid, type ValidationResult } from './field-error';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** GB 11643-1999 check character (ISO 7064 MOD 11-2) over the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

export interface ResidentId {
  /** Upper-cased (a lowercase x is accepted). */
  normalized: string;
  birthDate: LocalDate;
}

export interface ResidentIdOptions {
  field?: string;
  /** "Today" for the future-date check; defaults to now, in Asia/Shanghai. */
  asOf?: Date;
}

function isRealDate({ year, month, day }: LocalDate): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function validateResidentId(value: string | undefined, options: ResidentIdOptions = {}): ValidationResult<ResidentId> {
  const field = options.field ?? 'residentId';
  if (value === undefined || value.trim() === '')
    return invalid(fieldError(field, 'REQUIRED', '请输入身份证号', 'Enter the resident ID number'));
  const normalized = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return invalid(
      fieldError(field, 'INVALID_FORMAT', '身份证号应为18位，最后一位可为X', 'A resident ID number has 18 characters, the last may be X'),
    );
  }
  const birthDate = {
    year: Number(normalized.slice(6, 10)),
    month: Number(normalized.slice(10, 12)),
    day: Number(normalized.slice(12, 14)),
  };
  if (birthDate.year < 1850 || !isRealDate(birthDate)) {
    return invalid(
      fieldError(field, 'INVALID_DATE', '身份证号中的出生日期无效', 'The birth date in the resident ID number is not a real date'),
    );
  }
  const today = localDateOf(options.asOf ?? new Date(), 'Asia/Shanghai');
  if (compareDates(birthDate, today) > 0) {
    return invalid(
      fieldError(field, 'DATE_IN_FUTURE', '身份证号中的出生日期晚于今天', 'The birth date in the resident ID number is in the future'),
    );
  }
  if (residentIdCheckCharacter(normalized) !== normalized[17]) {
    return invalid(
      fieldError(
        field,
        'INVALID_CHECKSUM',
        '身份证号校验位错误，请检查是否输错',
        'The resident ID check character is wrong; check for a typo',
      ),
    );
  }
  return valid({ normalized, birthDate });
}

/** Whole years of age on a date (someone born on 29 February turns a year older on 1 March in common years). */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  let age = on.year - birthDate.year;
  if (on.month < birthDate.month || (on.month === birthDate.month && on.day < birthDate.day)) age -= 1;
  return age;
}

/** Age at an instant, with "today" taken in the given zone (Asia/Shanghai by default). */
export function ageAt(birthDate: LocalDate, instant: Date, zone = 'Asia/Shanghai'): number {
  return ageOn(birthDate, localDateOf(instant, zone));
}
