import { fieldError, invalid, valid, type ValidationResult } from './field-error';

export interface CardNumberOptions {
  field?: string;
  /** Require Luhn on UnionPay prefixes 62 and 81 too (default true); see ValidationSettings. */
  luhnForUnionPay?: boolean;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isUnionPayPrefix(digits: string): boolean {
  return digits.startsWith('62') || digits.startsWith('81');
}

/** Digits only after stripping spaces, 16–19 digits, Luhn (optionally waived for 62/81). Returns the digits. */
export function validateCardNumber(value: string | undefined, options: CardNumberOptions = {}): ValidationResult<string> {
  const field = options.field ?? 'cardNumber';
  if (value === undefined || value.trim() === '') return invalid(fieldError(field, 'REQUIRED', '请输入卡号', 'Enter the card number'));
  const digits = value.replace(/ /g, '');
  if (!/^\d+$/.test(digits)) return invalid(fieldError(field, 'INVALID_FORMAT', '卡号只能包含数字', 'A card number has digits only'));
  if (digits.length < 16 || digits.length > 19) {
    return invalid(fieldError(field, 'INVALID_LENGTH', '卡号应为16至19位数字', 'A card number has 16 to 19 digits'));
  }
  const luhnRequired = options.luhnForUnionPay !== false || !isUnionPayPrefix(digits);
  if (luhnRequired && !luhnValid(digits)) {
    return invalid(
      fieldError(field, 'INVALID_CHECKSUM', '卡号校验失败，请检查是否输错', 'The card number check digit is wrong; check for a typo'),
    );
  }
  return valid(digits);
}
