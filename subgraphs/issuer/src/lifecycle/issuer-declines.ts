/**
 * Declines the issuer returns as data, in the canonical language. A platform's own
 * dialect comes from its adapter's error table; the issuer's own refusals (a reused
 * idempotency key, bad input) are named with the issuer adapter as their platform.
 */
import type { OperationName, PlatformAdapter } from '@cardweave/adapter-sdk';
import { mapPlatformError } from '@cardweave/adapter-sdk';
import { canonicalErrorModel, type CanonicalErrorModel } from '@cardweave/subgraph-kit';

/** A reply in the platform's dialect, mapped through its error table. */
export function platformDecline(
  adapter: PlatformAdapter,
  flow: OperationName,
  platformCode: string,
  platformMessage: string,
): CanonicalErrorModel {
  return canonicalErrorModel(mapPlatformError(adapter.manifest.id, adapter.errors, flow, platformCode, platformMessage).error);
}

export function keyReusedDecline(platform: string): CanonicalErrorModel {
  return {
    code: 'IDEMPOTENCY_KEY_REUSED',
    platform,
    platformCode: 'IDEMPOTENCY_KEY_REUSED',
    platformMessage: 'this idempotency key was used with different input',
    decision: 'DO_NOT_RETRY',
    remedy: 'CORRECT_INPUT',
    message: {
      zhCN: '该幂等键已用于不同的请求，请使用新的幂等键',
      en: 'This idempotency key was used for a different request; use a new key',
    },
    field: 'idempotencyKey',
  };
}

export function inProgressDecline(platform: string): CanonicalErrorModel {
  return {
    code: 'TRANSACTION_IN_PROGRESS',
    platform,
    platformCode: 'IN_PROGRESS',
    platformMessage: 'the first request with this idempotency key has not finished',
    decision: 'RETRY',
    retryAfterSeconds: 1,
    remedy: 'QUERY_STATUS',
    message: { zhCN: '请求处理中，请稍后重试', en: 'The request is still being processed; try again shortly' },
  };
}

export function inputDecline(
  platform: string,
  field: string,
  zhCN: string,
  en: string,
  code: CanonicalErrorModel['code'] = 'INVALID_FORMAT',
): CanonicalErrorModel {
  return {
    code,
    platform,
    platformCode: 'INPUT_REJECTED',
    platformMessage: 'rejected before any platform call',
    decision: 'USER_ACTION',
    remedy: 'CORRECT_INPUT',
    message: { zhCN, en },
    field,
  };
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/** An idempotency key is 1–255 printable ASCII characters; anything else is bad input. */
export function idempotencyKeyDecline(platform: string, key: string): CanonicalErrorModel | null {
  return KEY.test(key)
    ? null
    : inputDecline(platform, 'idempotencyKey', '幂等键应为1至255个可打印字符', 'The idempotency key must be 1–255 printable characters');
}
