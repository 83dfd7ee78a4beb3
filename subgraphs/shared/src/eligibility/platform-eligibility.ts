/**
 * Eligibility as the graph shows it: per platform, whether the customer may get (issuer)
 * or bind (wallet) the card, and every unmet rule as a canonical error. The rules are the
 * adapter's declaration; the wording is the adapter's own error row for that outcome when
 * it has one, else the neutral text below. Each subgraph answers for its own platforms.
 */
import {
  evaluateEligibility,
  type Applicant,
  type EligibilityFailure,
  type EligibilityRule,
  type PlatformAdapter,
} from '@cardweave/adapter-sdk';
import { canonicalErrorModel, type CanonicalErrorModel } from '../graphql/canonical-error';
import { localized, platformOf, type PlatformModel } from '../graphql/platform';
import { deviceDecline, paymentMethodsOn, type Device, type PaymentMethod } from './device-eligibility';

export interface EligibilityReasonModel {
  /** An adapter's declared rule, or DEVICE: the device asked about cannot pay with the platform. */
  rule: EligibilityRule | 'DEVICE';
  error: CanonicalErrorModel;
}

/** A device to answer for, and every wallet (to point to one that works on it). */
export interface DeviceQuestion {
  device: Device;
  wallets: readonly PlatformAdapter[];
}

export interface PlatformEligibilityModel {
  platform: PlatformModel;
  action: 'GET_CARD' | 'BIND_CARD';
  eligible: boolean;
  age: number;
  reasons: EligibilityReasonModel[];
  /** The ways the device asked about pays here; absent when no device was asked about. */
  paymentMethods?: PaymentMethod[];
}

const NEUTRAL: Record<EligibilityRule, { zhCN: string; en: string }> = {
  REAL_NAME_LEVEL: { zhCN: '实名认证等级不足', en: 'The real-name verification level is too low' },
  MIN_AGE: { zhCN: '未达到最低年龄要求', en: 'Below the minimum age' },
  MAX_AGE: { zhCN: '超过最高年龄限制', en: 'Above the maximum age' },
  OVERDUE_DEBT: { zhCN: '存在逾期未还款', en: 'A bill is overdue' },
  ACCOUNT_FROZEN: { zhCN: '账户已冻结', en: 'The account is frozen' },
  WALLET_INACTIVE: { zhCN: '钱包账户不可用', en: 'The wallet account is not working normally' },
};

/** No account at the wallet yet: not the same outcome as a restricted one, so not the same words. */
const NO_ACCOUNT = { zhCN: '尚未开通该钱包账户，请先开通或添加银行卡', en: 'No account at this wallet yet; open one or add the card' };

/** The adapter's own row for this outcome, preferring one with the same remedy. */
function reasonError(adapter: PlatformAdapter, failure: EligibilityFailure, requirement: string): CanonicalErrorModel {
  const rows = adapter.errors.filter((r) => r.code === failure.code);
  // A row with another remedy would say the wrong thing (a suspended binding is not a missing account).
  const anyRow = failure.code !== 'NOT_ELIGIBLE' && failure.remedy !== 'OPEN_WALLET_ACCOUNT';
  const row = rows.find((r) => r.remedy === failure.remedy) ?? (anyRow ? rows[0] : undefined);
  const text = failure.remedy === 'OPEN_WALLET_ACCOUNT' ? NO_ACCOUNT : NEUTRAL[failure.rule];
  return {
    code: failure.code,
    platform: adapter.manifest.id,
    platformCode: row?.platformCode ?? `ELIGIBILITY_${failure.rule}`,
    platformMessage: row?.platformMessage ?? text.zhCN,
    decision: row?.decision ?? (failure.remedy === 'NONE' ? 'DO_NOT_RETRY' : 'USER_ACTION'),
    remedy: failure.remedy,
    message: row ? localized(row.message) : { zhCN: `${text.zhCN}（${requirement}）`, en: `${text.en} (${requirement})` },
    iso8583: row?.iso8583,
  };
}

function requirementOf(adapter: PlatformAdapter, rule: EligibilityRule): string {
  const r = adapter.eligibility!;
  switch (rule) {
    case 'REAL_NAME_LEVEL':
      return `level ${r.minRealNameLevel}`;
    case 'MIN_AGE':
      return `${r.minAge}+`;
    case 'MAX_AGE':
      return `≤ ${r.maxAge}`;
    default:
      return adapter.manifest.displayName.en;
  }
}

export function platformEligibility(
  adapter: PlatformAdapter,
  action: PlatformEligibilityModel['action'],
  applicant: Applicant,
  at: Date,
  question?: DeviceQuestion,
): PlatformEligibilityModel {
  const onDevice = question ? deviceAnswer(adapter, question) : { reasons: [] };
  if (!adapter.eligibility) {
    const eligible = onDevice.reasons.length === 0;
    return { platform: platformOf(adapter), action, eligible, age: 0, reasons: onDevice.reasons, paymentMethods: onDevice.paymentMethods };
  }
  const result = evaluateEligibility(adapter.eligibility, applicant, at);
  const reasons: EligibilityReasonModel[] = [
    ...result.failures.map((f) => ({ rule: f.rule, error: reasonError(adapter, f, requirementOf(adapter, f.rule)) })),
    ...onDevice.reasons,
  ];
  return {
    platform: platformOf(adapter),
    action,
    eligible: reasons.length === 0,
    age: result.age,
    reasons,
    paymentMethods: onDevice.paymentMethods,
  };
}

function deviceAnswer(
  adapter: PlatformAdapter,
  question: DeviceQuestion,
): { reasons: EligibilityReasonModel[]; paymentMethods?: PaymentMethod[] } {
  const decline = deviceDecline(adapter, question.device, question.wallets);
  return {
    reasons: decline ? [{ rule: 'DEVICE', error: canonicalErrorModel(decline) }] : [],
    paymentMethods: paymentMethodsOn(adapter, question.device),
  };
}
