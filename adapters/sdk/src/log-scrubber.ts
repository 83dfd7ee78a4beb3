/**
 * Removes card numbers, resident ID numbers, mobile numbers, CVV2, SMS codes and
 * passwords from anything before it is logged, and masks people's names. Structured data
 * is scrubbed by key (a `cvv2` key is redacted whatever it holds, a `name` key masked); free
 * text by pattern: card numbers of 13–19 digits (spaced, dashed or not), resident ID numbers,
 * mobile numbers, and the digits that follow a secret's name ("cvv 739", "验证码：480615").
 * Applied to the logger every adapter receives, so one careless log line cannot leak a PAN.
 */
import type { AdapterLogger } from './logger';
import { maskCardNumber, maskMobile, maskPersonName, maskResidentId } from './masking';
import { residentIdCheckCharacter } from './validation/resident-id.validator';

export const REDACTED = '[REDACTED]';

// Secrets that are never stored at all: nothing of them survives.
const SECRET_KEY =
  /^(cvv2?|cvn2?|cvc2?|sms_?code|sms|verify_?code|verification_?code|otp|dynamic_?code|password|payment_?password|pin|pin_?block|face_?token|card_?password|secret|signing_?key)$/i;
const CARD_KEY = /^(card_?number|card_?no|acc_?no|pan|account_?number)$/i;
const ID_KEY = /^(resident_?id|id_?number|id_?no|id_?card|certificate_?no|cert_?id)$/i;
const MOBILE_KEY = /^(mobile|phone|phone_?no|phone_?number|mobile_?number|tel)$/i;
// A person's name (a cardholder's, as bind requests carry it): `name` itself, and the keys that
// say whose name it is. Names of things say so (merchantName, displayName, bankName) and stay.
const PERSON_NAME_KEY =
  /^(name|(card_?)?holder_?name|account_?name|acct_?name|customer_?name|real_?name|full_?name|legal_?name|person_?name|payer_?name|payee_?name|given_?name|family_?name|first_?name|last_?name|surname)$/i;

const SECRET_IN_TEXT =
  /\b(cvv2?|cvn2?|cvc2?|sms_?code|smsCode|verify_?code|verifyCode|otp|password|paymentPassword|pin|face_?token|faceToken)(\\?["']?\s*[:=]\s*\\?["']?)([^"'\\&,;\s}\]]+)/gi;
// Free text: a secret's name, then (after spaces, a colon or "is") the digits of its value:
// "cvv 739", "SMS code is 480615", "验证码：480615", "支付密码 246810".
const SECRET_WORDS_IN_TEXT =
  /(?<![A-Za-z])(cvv2?|cvn2?|cvc2?|sms[ _-]?code|sms|verification[ _-]?code|verify[ _-]?code|dynamic[ _-]?code|one[ -]time (?:code|password)|otp|passcode|payment[ _-]?password|password|pin|短信验证码|验证码|动态码|安全码|支付密码|交易密码|密码)((?![A-Za-z])[^\p{L}\p{N}\n]{0,4}(?:(?:is|was)\s+)?)(\d{3,8})(?!\d)/giu;
// 13–19 digits, spaces or dashes between them allowed: card numbers (and 18-character ID numbers).
const LONG_DIGITS = /(?<![\d*])(?:\d[ -]?){12,18}[\dXx](?![\dA-Za-z])/g;
// A UUID (32 hex digits, 8-4-4-4-12) is an id, never a card, ID or mobile number, however many of
// its digits are decimal: the number masks below skip it (a secret's value is masked even so).
const UUID = /(?<![\dA-Za-z-])([\dA-Fa-f]{8}-[\dA-Fa-f]{4}-[\dA-Fa-f]{4}-[\dA-Fa-f]{4}-[\dA-Fa-f]{12})(?![\dA-Za-z-])/;
const MOBILE_IN_TEXT = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?!\d)/g;

function looksLikeResidentId(compact: string): boolean {
  if (!/^\d{17}[\dX]$/.test(compact)) return false;
  return residentIdCheckCharacter(compact) === compact[17];
}

/**
 * Card numbers of 16–19 digits are masked whatever their check digit (some genuine UnionPay
 * cards fail Luhn). 13–15 digits are card numbers only when they start like one (3, 4, 5
 * or 6: Amex, Diners, old Visa); epoch milliseconds (13 digits starting with 1) and
 * yyyyMMddHHmmss times (starting with 2) survive.
 */
function looksLikeCardNumber(compact: string): boolean {
  if (!/^\d+$/.test(compact)) return false;
  return compact.length >= 16 || /^[3-6]/.test(compact);
}

export function scrubText(text: string): string {
  const secretsMasked = text
    .replace(SECRET_IN_TEXT, (_m, key: string, sep: string) => `${key}${sep}${REDACTED}`)
    .replace(SECRET_WORDS_IN_TEXT, (_m, key: string, sep: string) => `${key}${sep}${REDACTED}`);
  // split() with a capturing group keeps the UUIDs at the odd indexes
  return secretsMasked
    .split(UUID)
    .map((part, i) => (i % 2 === 1 ? part : maskNumbers(part)))
    .join('');
}

function maskNumbers(text: string): string {
  return text
    .replace(LONG_DIGITS, (match) => {
      const compact = match.replace(/[ -]/g, '').toUpperCase();
      if (looksLikeResidentId(compact)) return maskResidentId(compact);
      return looksLikeCardNumber(compact) ? maskCardNumber(compact) : match;
    })
    .replace(MOBILE_IN_TEXT, (match) => maskMobile(match));
}

function scrubByKey(key: string, value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (SECRET_KEY.test(key)) return value === undefined || value === null ? value : REDACTED;
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value);
    if (CARD_KEY.test(key)) return maskCardNumber(text);
    if (ID_KEY.test(key)) return maskResidentId(text);
    if (MOBILE_KEY.test(key)) return maskMobile(text);
    if (PERSON_NAME_KEY.test(key)) return maskPersonName(text);
  }
  return scrub(value, seen);
}

/** Deep copy with every sensitive value removed or masked. Handles cycles, Errors, Dates and bigints. */
export function scrub<T>(value: T, seen: WeakMap<object, unknown> = new WeakMap()): T {
  if (typeof value === 'string') return scrubText(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (seen.has(value)) return seen.get(value) as T;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(scrub(item, seen));
    return out as T;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  if (value instanceof Error) {
    out.name = value.name;
    out.message = scrubText(value.message);
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = scrubByKey(key, item, seen);
  return out as T;
}

/** Wraps a logger so every message and every data object is scrubbed first. */
export function scrubbingLogger(inner: AdapterLogger): AdapterLogger {
  const wrap = (level: keyof AdapterLogger) => (message: string, data?: Record<string, unknown>) =>
    data === undefined ? inner[level](scrubText(message)) : inner[level](scrubText(message), scrub(data));
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}
