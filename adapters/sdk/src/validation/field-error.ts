/**
 * A field-level validation error. It names the field and the problem, never the value:
 * the value may be a card or ID number, and errors end up in logs and client responses.
 */
import type { LocalizedText } from '../contract';

export type FieldErrorCode =
  | 'REQUIRED'
  | 'INVALID_FORMAT'
  | 'INVALID_LENGTH'
  | 'INVALID_CHECKSUM'
  | 'INVALID_DATE'
  | 'DATE_IN_FUTURE'
  | 'OUT_OF_RANGE'
  | 'UNKNOWN_FIELD';

export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: LocalizedText;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function fieldError(field: string, code: FieldErrorCode, zh: string, en: string): FieldError {
  return { field, code, message: { 'zh-CN': zh, en } };
}

export function invalid<T>(...errors: FieldError[]): ValidationResult<T> {
  return { ok: false, errors };
}

export function valid<T>(value: T): ValidationResult<T> {
  return { ok: true, value };
}
