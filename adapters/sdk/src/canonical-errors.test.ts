import { findErrorRow } from './canonical-error';
import {
  CANONICAL_ERROR_CODES,
  CANONICAL_ERROR_RULES,
  errorRowProblems,
  missingRequiredErrorCodes,
  REMEDIES,
  REQUIRED_ERROR_CODES,
} from './canonical-errors';
import type { ErrorTableRow } from './contract';

const row = (over: Partial<ErrorTableRow>): ErrorTableRow => ({
  platformCode: 'X',
  platformMessage: '错误',
  code: 'SYSTEM_BUSY',
  decision: 'RETRY',
  remedy: 'RETRY_LATER',
  message: { 'zh-CN': '错误', en: 'Error' },
  ...over,
});

describe('the canonical table', () => {
  it('has a rule for every canonical code, naming only real remedies', () => {
    expect(Object.keys(CANONICAL_ERROR_RULES).sort()).toEqual([...CANONICAL_ERROR_CODES].sort());
    for (const rule of Object.values(CANONICAL_ERROR_RULES)) {
      expect(rule.decisions.length).toBeGreaterThan(0);
      for (const remedy of rule.remedies) expect(REMEDIES).toContain(remedy);
      if (rule.transient) expect(rule.decisions).toEqual(['RETRY']);
    }
  });

  it('accepts a row that agrees with it', () => {
    expect(errorRowProblems(row({}))).toEqual([]);
    expect(
      errorRowProblems(
        row({ code: 'LIMIT_EXCEEDED', decision: 'USER_ACTION', remedy: 'WAIT_FOR_NEXT_WINDOW', limitWindows: ['DAILY', 'YEARLY'] }),
      ),
    ).toEqual([]);
    expect(
      errorRowProblems(row({ code: 'LIMIT_EXCEEDED', decision: 'USER_ACTION', remedy: 'LOWER_AMOUNT', limitWindows: ['PER_PAYMENT'] })),
    ).toEqual([]);
    expect(errorRowProblems(row({ code: 'DEVICE_NOT_SUPPORTED', decision: 'USER_ACTION', remedy: 'PAY_BY_QR_CODE' }))).toEqual([]);
  });

  it('requires RETRY on a transient code, and on a platform message that says "busy" or "unavailable"', () => {
    expect(errorRowProblems(row({ code: 'PLATFORM_UNAVAILABLE', decision: 'DO_NOT_RETRY' }))).toEqual([
      'X "错误" (PLATFORM_UNAVAILABLE): PLATFORM_UNAVAILABLE is transient (the platform, or the issuer behind it, is unavailable or timed out), so its decision must be RETRY, not DO_NOT_RETRY',
    ]);
    expect(
      errorRowProblems(
        row({ platformMessage: '服务暂不可用', code: 'PLATFORM_ERROR', decision: 'DO_NOT_RETRY', remedy: 'CONTACT_SUPPORT' }),
      )[0],
    ).toMatch(/message says the failure is transient .* not DO_NOT_RETRY$/);
    expect(
      errorRowProblems(
        row({
          platformMessage: 'Service temporarily unavailable',
          code: 'PLATFORM_ERROR',
          decision: 'DO_NOT_RETRY',
          remedy: 'CONTACT_SUPPORT',
        }),
      ),
    ).toHaveLength(1);
  });

  it('refuses a remedy that does not fit the code', () => {
    expect(errorRowProblems(row({ code: 'CARD_LOST', decision: 'DO_NOT_RETRY', remedy: 'RETRY_LATER' }))).toEqual([
      'X "错误" (CARD_LOST): remedy RETRY_LATER does not fit CARD_LOST (the card is reported lost or stolen); allowed: USE_ANOTHER_CARD, CONTACT_SUPPORT',
    ]);
  });

  it('refuses waiting for a window on a per-payment or lifetime limit, and a limit row that names no window', () => {
    expect(
      errorRowProblems(
        row({ code: 'LIMIT_EXCEEDED', decision: 'USER_ACTION', remedy: 'WAIT_FOR_NEXT_WINDOW', limitWindows: ['PER_PAYMENT', 'DAILY'] }),
      ),
    ).toEqual([
      'X "错误" (LIMIT_EXCEEDED): reports a PER_PAYMENT limit but its remedy is WAIT_FOR_NEXT_WINDOW; a per-payment limit never resets with a window (use LOWER_AMOUNT or another remedy)',
    ]);
    expect(
      errorRowProblems(
        row({ code: 'LIMIT_EXCEEDED', decision: 'USER_ACTION', remedy: 'WAIT_FOR_NEXT_WINDOW', limitWindows: ['ALL_TIME'] }),
      )[0],
    ).toMatch(/lifetime limit never resets/);
    expect(errorRowProblems(row({ code: 'LIMIT_EXCEEDED', decision: 'USER_ACTION', remedy: 'LOWER_AMOUNT' }))[0]).toMatch(
      /must name the limit windows/,
    );
    expect(errorRowProblems(row({ code: 'SYSTEM_BUSY', limitWindows: ['DAILY'] }))[0]).toMatch(/limitWindows belongs on a limit code/);
  });

  it('keeps a pending outcome retryable', () => {
    expect(
      errorRowProblems(row({ code: 'DUPLICATE_REQUEST', decision: 'DO_NOT_RETRY', remedy: 'QUERY_STATUS', outcome: 'PENDING' })),
    ).toEqual(['X "错误" (DUPLICATE_REQUEST): outcome PENDING is not final, so its decision must be RETRY, not DO_NOT_RETRY']);
  });
});

describe('the rows each role must map', () => {
  it('names canonical codes with a reason, and asks wallets for DEVICE_NOT_SUPPORTED', () => {
    for (const required of Object.values(REQUIRED_ERROR_CODES).flat()) {
      expect(CANONICAL_ERROR_CODES).toContain(required.code);
      expect(required.why.length).toBeGreaterThan(10);
    }
    expect(REQUIRED_ERROR_CODES.wallet.map((r) => r.code)).toEqual(
      expect.arrayContaining(['HOLDER_INFO_MISMATCH', 'INVALID_FORMAT', 'LIMIT_EXCEEDED', 'DEVICE_NOT_SUPPORTED']),
    );
  });

  it('lists what a table lacks', () => {
    const rows = REQUIRED_ERROR_CODES.clearing.slice(1).map((r) => row({ code: r.code }));
    expect(missingRequiredErrorCodes('clearing', rows).map((r) => r.code)).toEqual(['SYSTEM_BUSY']);
  });
});

describe('finding the row for a reply', () => {
  const perPayment = row({ platformCode: '61', platformMessage: '超出单笔金额限制', code: 'LIMIT_EXCEEDED', remedy: 'LOWER_AMOUNT' });
  const window = row({ platformCode: '61', platformMessage: '超出金额限制', code: 'LIMIT_EXCEEDED', remedy: 'WAIT_FOR_NEXT_WINDOW' });
  const processing = row({ platformCode: '03', platformMessage: '交易处理中', flows: ['queryStatus'] });
  const merchant = row({ platformCode: '03', platformMessage: '无效商户', flows: ['authorize'] });
  const table = [window, perPayment, processing, merchant];

  it('tells two meanings of one code apart by the message, and falls back to the code', () => {
    expect(findErrorRow(table, 'authorize', '61', '超出单笔金额限制')).toBe(perPayment);
    expect(findErrorRow(table, 'authorize', '61', '超出金额限制')).toBe(window);
    expect(findErrorRow(table, 'authorize', '61', '别的说法')).toBe(window);
  });

  it('still prefers the row naming the flow', () => {
    expect(findErrorRow(table, 'queryStatus', '03', '无效商户')).toBe(processing);
    expect(findErrorRow(table, 'authorize', '03', '交易处理中')).toBe(merchant);
    expect(findErrorRow(table, 'authorize', '99', '超出单笔金额限制')).toBe(perPayment);
  });
});
