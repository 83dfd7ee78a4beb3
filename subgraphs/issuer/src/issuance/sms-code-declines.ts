/**
 * The issuer's own refusals around an issuance's SMS code: the counts are the issuer's (the
 * code is the platform's), so these are named with the issuer adapter as their platform,
 * like the issuer's other own refusals (lifecycle/issuer-declines.ts).
 */
import type { CanonicalErrorModel } from '@cardweave/subgraph-kit';

export function sendTooSoonDecline(platform: string, retryAfterSeconds: number): CanonicalErrorModel {
  return {
    code: 'FREQUENCY_LIMITED',
    platform,
    platformCode: 'SMS_SEND_TOO_FREQUENT',
    platformMessage: '短信发送过于频繁',
    decision: 'RETRY',
    retryAfterSeconds,
    remedy: 'RETRY_LATER',
    message: {
      zhCN: `验证码发送过于频繁，请${retryAfterSeconds}秒后再试`,
      en: `A code was sent moments ago; ask again in ${retryAfterSeconds} s`,
    },
  };
}

export function sendLimitDecline(platform: string, maxSends: number): CanonicalErrorModel {
  return {
    code: 'FREQUENCY_LIMITED',
    platform,
    platformCode: 'SMS_SEND_LIMIT_REACHED',
    platformMessage: '短信发送次数已达上限',
    decision: 'USER_ACTION',
    remedy: 'RETRY_LATER',
    message: {
      zhCN: `本次开通最多发送${maxSends}次验证码，请稍后重新开通`,
      en: `At most ${maxSends} codes are sent for one issuance; start a new issuance later`,
    },
  };
}

export function codeNotSentDecline(platform: string): CanonicalErrorModel {
  return {
    code: 'VERIFICATION_FAILED',
    platform,
    platformCode: 'SMS_CODE_NOT_SENT',
    platformMessage: '请先获取短信验证码',
    decision: 'USER_ACTION',
    remedy: 'REVERIFY_IDENTITY',
    message: { zhCN: '请先获取短信验证码', en: 'Ask for an SMS code first' },
    field: 'smsCode',
  };
}

export function codeExpiredDecline(platform: string): CanonicalErrorModel {
  return {
    code: 'VERIFICATION_FAILED',
    platform,
    platformCode: 'SMS_CODE_EXPIRED',
    platformMessage: '短信验证码已过期',
    decision: 'USER_ACTION',
    remedy: 'REVERIFY_IDENTITY',
    message: { zhCN: '短信验证码已过期，请重新获取', en: 'The SMS code has expired; ask for a new one' },
    field: 'smsCode',
  };
}

export function codeLockedDecline(platform: string, maxAttempts: number): CanonicalErrorModel {
  return {
    code: 'VERIFICATION_FAILED',
    platform,
    platformCode: 'SMS_CODE_LOCKED',
    platformMessage: '短信验证码错误次数过多',
    decision: 'USER_ACTION',
    remedy: 'REVERIFY_IDENTITY',
    message: {
      zhCN: `验证码已输错${maxAttempts}次，请重新获取`,
      en: `The code was entered wrong ${maxAttempts} times; ask for a new one`,
    },
    field: 'smsCode',
  };
}
