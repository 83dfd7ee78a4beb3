/**
 * Eligibility and device checks against an adapter's declared rules, so a subgraph asks
 * "may this person use this platform, on this phone?" without knowing the platform.
 */
import type { CanonicalErrorCode, Remedy } from './canonical-errors';
import type { DeviceCapability, DeviceOs, EligibilityRules, RealNameLevel } from './contract';
import type { LocalDate } from './time-zones';
import { ageAt } from './validation/resident-id.validator';

export interface Applicant {
  realNameLevel: RealNameLevel;
  birthDate: LocalDate;
  hasOverdueDebt: boolean;
  accountFrozen: boolean;
  walletActive: boolean;
  /** False when the person has no account at the wallet yet (opening one helps), unlike a restricted one. */
  hasWalletAccount?: boolean;
}

export type EligibilityRule = 'REAL_NAME_LEVEL' | 'MIN_AGE' | 'MAX_AGE' | 'OVERDUE_DEBT' | 'ACCOUNT_FROZEN' | 'WALLET_INACTIVE';

export interface EligibilityFailure {
  rule: EligibilityRule;
  code: CanonicalErrorCode;
  remedy: Remedy;
}

/** Every unmet rule, not just the first, so a client can show them all. Age is taken in Asia/Shanghai. */
export function evaluateEligibility(
  rules: EligibilityRules,
  applicant: Applicant,
  at: Date,
): { eligible: boolean; age: number; failures: EligibilityFailure[] } {
  const age = ageAt(applicant.birthDate, at);
  const failures: EligibilityFailure[] = [];
  if (applicant.realNameLevel < rules.minRealNameLevel)
    failures.push({ rule: 'REAL_NAME_LEVEL', code: 'NOT_ELIGIBLE', remedy: 'RAISE_REAL_NAME_LEVEL' });
  if (age < rules.minAge) failures.push({ rule: 'MIN_AGE', code: 'NOT_ELIGIBLE', remedy: 'NONE' });
  if (rules.maxAge !== undefined && age > rules.maxAge) failures.push({ rule: 'MAX_AGE', code: 'NOT_ELIGIBLE', remedy: 'NONE' });
  if (rules.requireNoOverdueDebt && applicant.hasOverdueDebt)
    failures.push({ rule: 'OVERDUE_DEBT', code: 'OVERDUE_DEBT', remedy: 'REPAY_OVERDUE_BILL' });
  if (rules.requireAccountNotFrozen && applicant.accountFrozen)
    failures.push({ rule: 'ACCOUNT_FROZEN', code: 'ACCOUNT_FROZEN', remedy: 'CONTACT_SUPPORT' });
  if (rules.requireWalletActive && !applicant.walletActive) {
    // No account yet: open one (adding the card does). A restricted account: only support can lift it.
    const remedy = applicant.hasWalletAccount === false ? 'OPEN_WALLET_ACCOUNT' : 'CONTACT_SUPPORT';
    failures.push({ rule: 'WALLET_INACTIVE', code: 'BINDING_NOT_ACTIVE', remedy });
  }
  return { eligible: failures.length === 0, age, failures };
}

/** Compares dotted versions or model names by their numbers: "5.1" > "5.0", "iPhone 12" > "iPhone 6". */
export function compareVersions(a: string, b: string): number {
  const nums = (v: string) => (v.match(/\d+/g) ?? []).map(Number);
  const x = nums(a);
  const y = nums(b);
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * What a device can do on this platform. `version` is the OS version for Android and the
 * model for iOS, matching how PLATFORMS.md §6 states the minimums ("Android 5.0", "iPhone 6").
 */
export function deviceSupport(devices: readonly DeviceCapability[], os: DeviceOs, version?: string): { nfc: boolean; qr: boolean } {
  const entry = devices.find((d) => d.os === os);
  if (!entry) return { nfc: false, qr: false };
  const meetsMin = !entry.nfc.minVersion || (version !== undefined && compareVersions(version, entry.nfc.minVersion) >= 0);
  return { nfc: entry.nfc.supported && meetsMin, qr: entry.qr.supported };
}
