import { fieldError, invalid, valid, type ValidationResult } from './field-error';

/** A fixed-shape numeric secret (CVV2: 3 digits, SMS code: 6, payment password: 6). */
export function validateDigits(
  value: string | undefined,
  field: string,
  lengths: { min: number; max: number },
  what: { zh: string; en: string },
): ValidationResult<string> {
  if (value === undefined || value === '') return invalid(fieldError(field, 'REQUIRED', `请输入${what.zh}`, `Enter the ${what.en}`));
  const compact = value.trim();
  const len = lengths.min === lengths.max ? `${lengths.min}` : `${lengths.min}–${lengths.max}`;
  if (!/^\d+$/.test(compact) || compact.length < lengths.min || compact.length > lengths.max) {
    return invalid(fieldError(field, 'INVALID_FORMAT', `${what.zh}应为${len}位数字`, `The ${what.en} is ${len} digits`));
  }
  return valid(compact);
}

export const validateCvv2 = (value: string | undefined, field = 'cvv2') =>
  validateDigits(value, field, { min: 3, max: 3 }, { zh: 'CVV2', en: 'CVV2' });
export const validateSmsCode = (value: string | undefined, field = 'smsCode') =>
  validateDigits(value, field, { min: 4, max: 8 }, { zh: '短信验证码', en: 'SMS code' });
export const validatePaymentPassword = (value: string | undefined, field = 'paymentPassword') =>
  validateDigits(value, field, { min: 6, max: 6 }, { zh: '支付密码', en: 'payment password' });

/** Card expiry as MM/YY or MMYY. */
export function validateExpiry(value: string | undefined, field = 'expiry'): ValidationResult<string> {
  if (value === undefined || value === '') return invalid(fieldError(field, 'REQUIRED', '请输入有效期', 'Enter the expiry date'));
  const m = /^(\d{2})\/?(\d{2})$/.exec(value.trim());
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) {
    return invalid(fieldError(field, 'INVALID_FORMAT', '有效期格式应为MM/YY', 'The expiry date is MM/YY'));
  }
  return valid(`${m[1]}/${m[2]}`);
}

/** An opaque token from a face-recognition SDK: non-empty, printable, bounded. */
export function validateOpaqueToken(value: string | undefined, field: string): ValidationResult<string> {
  if (value === undefined || value.trim() === '')
    return invalid(fieldError(field, 'REQUIRED', '缺少验证凭证', 'The verification token is missing'));
  if (!/^[\x21-\x7e]{8,512}$/.test(value))
    return invalid(fieldError(field, 'INVALID_FORMAT', '验证凭证格式错误', 'The verification token is malformed'));
  return valid(value);
}
