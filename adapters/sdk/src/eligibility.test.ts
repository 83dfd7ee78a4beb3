import jdFinance from '@cardweave/adapter-jd-finance';
import wechatPay from '@cardweave/adapter-wechat-pay';
import { compareVersions, deviceSupport, evaluateEligibility, type Applicant } from './eligibility';

const applicant: Applicant = {
  realNameLevel: 3,
  birthDate: { year: 1971, month: 3, day: 15 },
  hasOverdueDebt: false,
  accountFrozen: false,
  walletActive: true,
};

describe('eligibility', () => {
  it('admits 55 and refuses 56 at the issuer, counting the birthday in Beijing time', () => {
    // 2027-03-14T16:00Z is midnight of 15 March in Beijing: the 56th birthday.
    expect(evaluateEligibility(jdFinance.eligibility!, applicant, new Date('2027-03-14T15:59:59Z'))).toMatchObject({
      eligible: true,
      age: 55,
    });
    expect(evaluateEligibility(jdFinance.eligibility!, applicant, new Date('2027-03-14T16:00:00Z'))).toMatchObject({
      eligible: false,
      age: 56,
      failures: [{ rule: 'MAX_AGE', code: 'NOT_ELIGIBLE' }],
    });
  });

  it('lists every unmet rule with its remedy', () => {
    const r = evaluateEligibility(
      jdFinance.eligibility!,
      { ...applicant, realNameLevel: 2, hasOverdueDebt: true, accountFrozen: true },
      new Date('2026-06-01T00:00:00Z'),
    );
    expect(r.failures.map((f) => `${f.rule}:${f.remedy}`)).toEqual([
      'REAL_NAME_LEVEL:RAISE_REAL_NAME_LEVEL',
      'OVERDUE_DEBT:REPAY_OVERDUE_BILL',
      'ACCOUNT_FROZEN:CONTACT_SUPPORT',
    ]);
  });

  it('lets the wallet take level 2 with no upper age, but needs an active wallet', () => {
    const old = { ...applicant, realNameLevel: 2 as const, birthDate: { year: 1940, month: 1, day: 1 } };
    expect(evaluateEligibility(wechatPay.eligibility!, old, new Date('2026-06-01T00:00:00Z')).eligible).toBe(true);
    expect(evaluateEligibility(wechatPay.eligibility!, { ...old, walletActive: false }, new Date('2026-06-01T00:00:00Z')).failures).toEqual(
      [{ rule: 'WALLET_INACTIVE', code: 'BINDING_NOT_ACTIVE', remedy: 'CONTACT_SUPPORT' }],
    );
  });
});

describe('device support', () => {
  it('compares versions and models by their numbers', () => {
    expect(compareVersions('5.1', '5.0')).toBeGreaterThan(0);
    expect(compareVersions('4.4.4', '5.0')).toBeLessThan(0);
    expect(compareVersions('iPhone 12', 'iPhone 6')).toBeGreaterThan(0);
    expect(compareVersions('5', '5.0')).toBe(0);
  });
  it('reads NFC and QR from the issuer declaration (PLATFORMS.md §6)', () => {
    expect(deviceSupport(jdFinance.devices, 'ANDROID', '5.0')).toEqual({ nfc: true, qr: true });
    expect(deviceSupport(jdFinance.devices, 'ANDROID', '4.4')).toEqual({ nfc: false, qr: true });
    expect(deviceSupport(jdFinance.devices, 'IOS', 'iPhone 5s')).toEqual({ nfc: false, qr: true });
    expect(deviceSupport(jdFinance.devices, 'IOS', 'iPhone 13')).toEqual({ nfc: true, qr: true });
    expect(deviceSupport(jdFinance.devices, 'WINDOWS')).toEqual({ nfc: false, qr: false });
  });
});
