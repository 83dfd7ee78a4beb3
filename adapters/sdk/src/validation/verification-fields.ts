/**
 * Validates the values entered for a verification step by each field's kind, so bad
 * input gets a field-level error and never reaches a platform call.
 */
import type { InputFieldKind, ValidationSettings, VerificationInputField } from '../contract';
import type { FieldValues } from '../operations';
import { validateCardNumber } from './card-number.validator';
import { fieldError, type FieldError, type ValidationResult } from './field-error';
import { validateMobile } from './mobile.validator';
import { validatePersonName } from './person-name.validator';
import { validateResidentId } from './resident-id.validator';
import { validateCvv2, validateExpiry, validateOpaqueToken, validatePaymentPassword, validateSmsCode } from './secret-code.validator';

export function validateFieldValue(
  kind: InputFieldKind,
  field: string,
  value: string | undefined,
  settings: ValidationSettings,
  asOf?: Date,
): ValidationResult<string> {
  switch (kind) {
    case 'NAME':
      return validatePersonName(value, field);
    case 'RESIDENT_ID': {
      const r = validateResidentId(value, { field, asOf });
      return r.ok ? { ok: true, value: r.value.normalized } : r;
    }
    case 'MOBILE':
      return validateMobile(value, field);
    case 'CARD_NUMBER':
      return validateCardNumber(value, { field, luhnForUnionPay: settings.luhnForUnionPay });
    case 'CVV2':
      return validateCvv2(value, field);
    case 'SMS_CODE':
      return validateSmsCode(value, field);
    case 'PAYMENT_PASSWORD':
      return validatePaymentPassword(value, field);
    case 'FACE_TOKEN':
      return validateOpaqueToken(value, field);
    case 'EXPIRY':
      return validateExpiry(value, field);
  }
}

/** Checks every declared field (and refuses undeclared ones); returns normalized values or all the errors. */
export function validateFields(
  declared: readonly VerificationInputField[],
  values: FieldValues,
  settings: ValidationSettings,
  asOf?: Date,
): ValidationResult<FieldValues> {
  const errors: FieldError[] = [];
  const normalized: FieldValues = {};
  for (const field of declared) {
    const result = validateFieldValue(field.kind, field.name, values[field.name], settings, asOf);
    if (result.ok) normalized[field.name] = result.value;
    else errors.push(...result.errors);
  }
  const known = new Set(declared.map((f) => f.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name)) errors.push(fieldError(name, 'UNKNOWN_FIELD', '不需要此项', 'This field is not part of the step'));
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: normalized };
}
