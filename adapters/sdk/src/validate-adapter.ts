/**
 * Checks an adapter's declared data when it loads, naming the bad field
 * (`limits[1].amountFen`), so a broken table fails at boot, not at a customer's payment.
 */
import { CANONICAL_ERROR_CODES, DECISIONS, REMEDIES } from './canonical-errors';
import type { PlatformAdapter } from './contract';
import { OPERATION_NAMES } from './operations';
import { isSupportedTimeZone } from './time-zones';

export interface AdapterProblem {
  path: string;
  problem: string;
}

const ROLES = ['issuer', 'wallet', 'clearing'];
const WINDOWS = ['PER_PAYMENT', 'DAILY', 'MONTHLY', 'YEARLY', 'ALL_TIME'];
const SCOPES = ['CARD', 'WALLET_ACCOUNT', 'CUSTOMER'];
const STEP_KINDS = ['FACE_RECOGNITION', 'SMS_CODE', 'PAYMENT_PASSWORD', 'FOUR_ELEMENTS', 'CVV2', 'CARD_PASSWORD'];
const FIELD_KINDS = ['NAME', 'RESIDENT_ID', 'MOBILE', 'CARD_NUMBER', 'CVV2', 'SMS_CODE', 'PAYMENT_PASSWORD', 'FACE_TOKEN', 'EXPIRY'];
const MUST_BE_SECRET = ['CVV2', 'SMS_CODE', 'PAYMENT_PASSWORD', 'FACE_TOKEN'];
const OS = ['IOS', 'ANDROID', 'WINDOWS'];

export function validateAdapter(adapter: unknown): AdapterProblem[] {
  const problems: AdapterProblem[] = [];
  const bad = (path: string, problem: string) => problems.push({ path, problem });
  const text = (path: string, v: unknown) => {
    const t = v as Record<string, unknown> | undefined;
    if (!t || typeof t['zh-CN'] !== 'string' || !t['zh-CN'] || typeof t.en !== 'string' || !t.en)
      bad(path, 'needs non-empty zh-CN and en text');
  };
  const a = adapter as PlatformAdapter;
  if (!a || typeof a !== 'object') return [{ path: '(adapter)', problem: 'is not an object' }];

  const m = a.manifest;
  if (!m || typeof m !== 'object') bad('manifest', 'is missing');
  else {
    if (typeof m.id !== 'string' || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(m.id)) bad('manifest.id', 'must be kebab-case');
    if (!ROLES.includes(m.role)) bad('manifest.role', `must be one of ${ROLES.join(', ')}`);
    text('manifest.displayName', m.displayName);
    if (!Array.isArray(m.currencies) || m.currencies.length === 0) bad('manifest.currencies', 'must list at least one currency');
    else m.currencies.forEach((c, i) => /^[A-Z]{3}$/.test(c) || bad(`manifest.currencies[${i}]`, 'must be an ISO 4217 code'));
    if (!Array.isArray(m.cardNetworks) || m.cardNetworks.length === 0) bad('manifest.cardNetworks', 'must list at least one network');
    else
      m.cardNetworks.forEach(
        (n, i) => /^[A-Z][A-Z_]*$/.test(n) || bad(`manifest.cardNetworks[${i}]`, 'must be an upper-case network name'),
      );
    if (!Array.isArray(m.binRanges)) bad('manifest.binRanges', 'must be a list (empty = any)');
    else
      m.binRanges.forEach((r, i) => {
        const p = `manifest.binRanges[${i}]`;
        if (!/^\d{1,11}$/.test(r.from) || !/^\d{1,11}$/.test(r.to) || r.from.length !== r.to.length)
          bad(p, 'from/to must be digit prefixes of equal length');
        else if (r.from > r.to) bad(p, 'from must not exceed to');
        if (!Number.isInteger(r.length) || r.length < 16 || r.length > 19) bad(`${p}.length`, 'must be 16–19');
      });
  }

  if (!Array.isArray(a.limits)) bad('limits', 'must be a list');
  else {
    const ids = new Set<string>();
    a.limits.forEach((l, i) => {
      const p = `limits[${i}]`;
      if (typeof l.id !== 'string' || !l.id) bad(`${p}.id`, 'is required');
      else if (ids.has(l.id)) bad(`${p}.id`, `duplicates "${l.id}"`);
      else ids.add(l.id);
      if (!WINDOWS.includes(l.window)) bad(`${p}.window`, `must be one of ${WINDOWS.join(', ')}`);
      if (typeof l.amountFen !== 'bigint' || l.amountFen <= 0n) bad(`${p}.amountFen`, 'must be a bigint fen amount > 0');
      if (l.count !== undefined && (!Number.isInteger(l.count) || l.count < 1)) bad(`${p}.count`, 'must be a positive integer');
      if (l.count !== undefined && l.window === 'PER_PAYMENT') bad(`${p}.count`, 'makes no sense per payment');
      if (!SCOPES.includes(l.scope)) bad(`${p}.scope`, `must be one of ${SCOPES.join(', ')}`);
      if (typeof l.timezone !== 'string' || !isSupportedTimeZone(l.timezone)) bad(`${p}.timezone`, 'must be a supported IANA zone');
      text(`${p}.description`, l.description);
    });
  }

  const v = a.verification;
  if (!v || typeof v !== 'object') bad('verification', 'is missing');
  else {
    if (!['ISSUANCE', 'BINDING', 'PAYMENT'].includes(v.purpose)) bad('verification.purpose', 'must be ISSUANCE, BINDING or PAYMENT');
    if (!Array.isArray(v.steps) || v.steps.length === 0) bad('verification.steps', 'must list at least one step');
    else {
      const stepIds = new Set<string>();
      v.steps.forEach((s, i) => {
        const p = `verification.steps[${i}]`;
        if (!s.id || stepIds.has(s.id)) bad(`${p}.id`, 'must be present and unique');
        stepIds.add(s.id);
        if (!STEP_KINDS.includes(s.kind)) bad(`${p}.kind`, `must be one of ${STEP_KINDS.join(', ')}`);
        text(`${p}.label`, s.label);
        if (!Array.isArray(s.fields) || s.fields.length === 0) bad(`${p}.fields`, 'must list the step input fields');
        else
          s.fields.forEach((f, j) => {
            const fp = `${p}.fields[${j}]`;
            if (!f.name || !/^[a-z][A-Za-z0-9]*$/.test(f.name)) bad(`${fp}.name`, 'must be a camelCase name');
            if (!FIELD_KINDS.includes(f.kind)) bad(`${fp}.kind`, `must be one of ${FIELD_KINDS.join(', ')}`);
            if (MUST_BE_SECRET.includes(f.kind) && f.secret !== true) bad(`${fp}.secret`, `must be true for ${f.kind}`);
            text(`${fp}.label`, f.label);
          });
      });
    }
    const d = v.typicalDurationSeconds;
    if (!d || !Number.isInteger(d.min) || !Number.isInteger(d.max) || d.min < 0 || d.min > d.max) {
      bad('verification.typicalDurationSeconds', 'must be {min, max} whole seconds with min ≤ max');
    }
  }

  if (a.eligibility !== undefined) {
    const e = a.eligibility;
    if (![1, 2, 3].includes(e.minRealNameLevel)) bad('eligibility.minRealNameLevel', 'must be 1, 2 or 3');
    if (!Number.isInteger(e.minAge) || e.minAge < 0 || e.minAge > 150) bad('eligibility.minAge', 'must be an age');
    if (e.maxAge !== undefined && (!Number.isInteger(e.maxAge) || e.maxAge < e.minAge))
      bad('eligibility.maxAge', 'must be an age ≥ minAge');
  }

  if (!Array.isArray(a.devices)) bad('devices', 'must be a list');
  else {
    const seen = new Set<string>();
    a.devices.forEach((d, i) => {
      if (!OS.includes(d.os) || seen.has(d.os)) bad(`devices[${i}].os`, 'must be IOS, ANDROID or WINDOWS, each once');
      seen.add(d.os);
      if (typeof d.nfc?.supported !== 'boolean') bad(`devices[${i}].nfc.supported`, 'must be a boolean');
      if (typeof d.qr?.supported !== 'boolean') bad(`devices[${i}].qr.supported`, 'must be a boolean');
    });
  }

  if (!Array.isArray(a.errors)) bad('errors', 'must be a list');
  else {
    const keys = new Set<string>();
    a.errors.forEach((r, i) => {
      const p = `errors[${i}]`;
      if (typeof r.platformCode !== 'string' || !r.platformCode) bad(`${p}.platformCode`, 'is required');
      if (typeof r.platformMessage !== 'string' || !r.platformMessage) bad(`${p}.platformMessage`, 'is required');
      // Rows are keyed by code, message and flows: one code may carry several messages (a per-payment and a daily breach).
      const key = `${r.platformCode}|${r.platformMessage}|${(r.flows ?? ['*']).slice().sort().join(',')}`;
      if (keys.has(key)) bad(`${p}.platformCode`, `duplicates "${r.platformCode}" "${r.platformMessage}" for the same flows`);
      keys.add(key);
      if (!(CANONICAL_ERROR_CODES as readonly string[]).includes(r.code)) bad(`${p}.code`, `"${r.code}" is not a canonical code`);
      if (!(DECISIONS as readonly string[]).includes(r.decision)) bad(`${p}.decision`, 'must be RETRY, USER_ACTION or DO_NOT_RETRY');
      if (!(REMEDIES as readonly string[]).includes(r.remedy)) bad(`${p}.remedy`, `"${r.remedy}" is not a remedy`);
      if (r.decision === 'USER_ACTION' && r.remedy === 'NONE') bad(`${p}.remedy`, 'a USER_ACTION row needs a remedy');
      text(`${p}.message`, r.message);
      if (r.iso8583 !== undefined && !/^\d{2}$/.test(r.iso8583)) bad(`${p}.iso8583`, 'must be two digits');
      if (r.flows !== undefined && (!Array.isArray(r.flows) || r.flows.some((f) => !(OPERATION_NAMES as readonly string[]).includes(f)))) {
        bad(`${p}.flows`, `must list operation names (${OPERATION_NAMES.join(', ')})`);
      }
      if (r.outcome !== undefined && !['DECLINED', 'PENDING', 'INDETERMINATE'].includes(r.outcome))
        bad(`${p}.outcome`, 'must be DECLINED, PENDING or INDETERMINATE');
      if (r.limitWindows !== undefined && (!Array.isArray(r.limitWindows) || r.limitWindows.some((w) => !WINDOWS.includes(w)))) {
        bad(`${p}.limitWindows`, `must list limit windows (${WINDOWS.join(', ')})`);
      }
      if (r.retryAfterSeconds !== undefined && (!Number.isInteger(r.retryAfterSeconds) || r.retryAfterSeconds < 0)) {
        bad(`${p}.retryAfterSeconds`, 'must be whole seconds');
      }
    });
  }

  if (m?.role === 'issuer') {
    const t = a.issuerTerms;
    if (!t) bad('issuerTerms', 'is required for an issuer');
    else {
      if (typeof t.maxCreditLineFen !== 'bigint' || t.maxCreditLineFen <= 0n)
        bad('issuerTerms.maxCreditLineFen', 'must be a bigint fen amount > 0');
      if (!Number.isInteger(t.statementDay) || t.statementDay < 1 || t.statementDay > 28) bad('issuerTerms.statementDay', 'must be 1–28');
      if (!Number.isInteger(t.gracePeriodDays) || t.gracePeriodDays < 0 || t.gracePeriodDays > 60)
        bad('issuerTerms.gracePeriodDays', 'must be 0–60');
      for (const f of ['penaltyPerDay', 'minimumDue'] as const) {
        const x = t[f];
        if (!x || typeof x.numerator !== 'bigint' || typeof x.denominator !== 'bigint' || x.denominator <= 0n || x.numerator < 0n) {
          bad(`issuerTerms.${f}`, 'must be a bigint fraction with a positive denominator');
        }
      }
      if (!['HALF_UP', 'HALF_EVEN', 'DOWN', 'UP'].includes(t.rounding))
        bad('issuerTerms.rounding', 'must be HALF_UP, HALF_EVEN, DOWN or UP');
      if (!Array.isArray(t.repaymentAllocation) || t.repaymentAllocation.length === 0)
        bad('issuerTerms.repaymentAllocation', 'must list PENALTY and PRINCIPAL');
    }
  }

  if (a.operations !== undefined) {
    for (const [name, fn] of Object.entries(a.operations)) {
      if (!(OPERATION_NAMES as readonly string[]).includes(name)) bad(`operations.${name}`, 'is not an operation');
      else if (typeof fn !== 'function') bad(`operations.${name}`, 'must be a function');
    }
    if (Object.keys(a.operations).length > 0 && typeof a.operations.queryStatus !== 'function') {
      bad('operations.queryStatus', 'is required when the adapter has operations (it settles pending and indeterminate results)');
    }
  }
  if (a.simulator !== undefined && typeof a.simulator !== 'function') bad('simulator', 'must be a function (clock) => HttpClient');
  return problems;
}
