import { fieldError, invalid, valid, type ValidationResult } from './field-error';

// CJK unified ideographs incl. extension A; names of ethnic minorities join parts with a middle dot.
const CHINESE_NAME = /^[\u3400-\u4dbf\u4e00-\u9fff]+(?:·[\u3400-\u4dbf\u4e00-\u9fff]+)*$/;
// Latin letters incl. accented ones, with spaces, hyphens, apostrophes and dots between parts.
const LATIN_NAME = /^[A-Za-z\u00C0-\u024F]+(?:[ '.-]+[A-Za-z\u00C0-\u024F]+)*\.?$/;

/**
 * A holder name: Chinese (2–20 characters, middle dot allowed; the look-alike dots people
 * type — ・ • ．— are normalized to ·) or Latin (2–60 characters). Returns the normalized name.
 */
export function validatePersonName(value: string | undefined, field = 'name'): ValidationResult<string> {
  if (value === undefined || value.trim() === '') return invalid(fieldError(field, 'REQUIRED', '请输入姓名', 'Enter the name'));
  const trimmed = value.trim().replace(/\s+/g, ' ');
  const chinese = trimmed.replace(/[・•．\u2027]/g, '·');
  if (CHINESE_NAME.test(chinese)) {
    if ([...chinese].length < 2 || [...chinese].length > 20) {
      return invalid(fieldError(field, 'INVALID_LENGTH', '中文姓名应为2至20个字', 'A Chinese name has 2 to 20 characters'));
    }
    return valid(chinese);
  }
  if (LATIN_NAME.test(trimmed)) {
    if (trimmed.length < 2 || trimmed.length > 60) {
      return invalid(fieldError(field, 'INVALID_LENGTH', '姓名应为2至60个字母', 'A Latin-script name has 2 to 60 characters'));
    }
    return valid(trimmed);
  }
  return invalid(fieldError(field, 'INVALID_FORMAT', '姓名只能包含中文或英文字母', 'A name has Chinese characters or Latin letters only'));
}
