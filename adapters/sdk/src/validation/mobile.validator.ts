import { fieldError, invalid, valid, type ValidationResult } from './field-error';

/** Mainland mobile: ^1[3-9]\d{9}$ after stripping spaces, dashes and an optional +86 / 0086. Returns 11 digits. */
export function validateMobile(value: string | undefined, field = 'mobile'): ValidationResult<string> {
  if (value === undefined || value.trim() === '') return invalid(fieldError(field, 'REQUIRED', '请输入手机号', 'Enter the mobile number'));
  const compact = value.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  if (!/^1[3-9]\d{9}$/.test(compact)) {
    return invalid(fieldError(field, 'INVALID_FORMAT', '请输入11位中国大陆手机号', 'Enter an 11-digit mainland China mobile number'));
  }
  return valid(compact);
}
