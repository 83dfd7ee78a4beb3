import { validateCardNumber } from './card-number.validator';
import { validateMobile } from './mobile.validator';
import { validatePersonName } from './person-name.validator';
import { ageAt, ageOn, validateResidentId } from './resident-id.validator';
import { validateFields } from './verification-fields';

const codes = (r: { ok: boolean; errors?: { code: string }[] }) => (r.ok ? [] : r.errors!.map((e) => e.code));

describe('card numbers', () => {
  it('accepts 16–19 digits with a good Luhn digit, spaces stripped', () => {
    expect(validateCardNumber('4111 1111 1111 1111')).toEqual({ ok: true, value: '4111111111111111' });
    expect(validateCardNumber('6253501234567897').ok).toBe(true);
  });
  it('rejects letters, bad lengths and a bad check digit, naming the problem', () => {
    expect(codes(validateCardNumber('4111-1111-1111-1111'))).toEqual(['INVALID_FORMAT']);
    expect(codes(validateCardNumber('411111111111111'))).toEqual(['INVALID_LENGTH']);
    expect(codes(validateCardNumber('41111111111111111111'))).toEqual(['INVALID_LENGTH']);
    expect(codes(validateCardNumber('4111111111111112'))).toEqual(['INVALID_CHECKSUM']);
    expect(codes(validateCardNumber(''))).toEqual(['REQUIRED']);
  });
  it('waives Luhn for UnionPay 62/81 prefixes only when told to', () => {
    expect(codes(validateCardNumber('6253501234567890'))).toEqual(['INVALID_CHECKSUM']);
    expect(validateCardNumber('6253501234567890', { luhnForUnionPay: false }).ok).toBe(true);
    expect(validateCardNumber('8100000000000001', { luhnForUnionPay: false }).ok).toBe(true);
    expect(codes(validateCardNumber('4111111111111112', { luhnForUnionPay: false }))).toEqual(['INVALID_CHECKSUM']);
  });
  it('never echoes the value in an error', () => {
    const r = validateCardNumber('6253501234567890');
    expect(JSON.stringify(r)).not.toContain('6253501234567890');
    expect(JSON.stringify(r)).not.toContain('7890');
  });
});

describe('resident ID numbers (GB 11643-1999)', () => {
  const today = new Date('2026-11-27T04:00:00Z');
  it('accepts the standard examples, uppercasing a lowercase x', () => {
    expect(validateResidentId('11010519491231002X', { asOf: today })).toMatchObject({
      ok: true,
      value: { normalized: '11010519491231002X' },
    });
    expect(validateResidentId('11010519491231002x', { asOf: today })).toMatchObject({
      ok: true,
      value: { normalized: '11010519491231002X' },
    });
    expect(validateResidentId('440524188001010014', { asOf: today })).toMatchObject({
      ok: true,
      value: { birthDate: { year: 1880, month: 1, day: 1 } },
    });
  });
  it('rejects a wrong check character, an impossible date and a future date', () => {
    expect(codes(validateResidentId('110105194912310021', { asOf: today }))).toEqual(['INVALID_CHECKSUM']);
    expect(codes(validateResidentId('110101200102291237', { asOf: today }))).toEqual(['INVALID_DATE']); // 29 Feb 2001
    expect(codes(validateResidentId('11010120280101001X', { asOf: today }))).toEqual(['DATE_IN_FUTURE']);
    expect(codes(validateResidentId('1101051949123100', { asOf: today }))).toEqual(['INVALID_FORMAT']);
  });
  it('accepts a leap-day birth date and computes age from it', () => {
    const r = validateResidentId('11010120000229123X', { asOf: today });
    expect(r.ok).toBe(true);
    const birth = { year: 2000, month: 2, day: 29 };
    expect(ageOn(birth, { year: 2018, month: 2, day: 28 })).toBe(17);
    expect(ageOn(birth, { year: 2018, month: 3, day: 1 })).toBe(18);
    expect(ageOn(birth, { year: 2020, month: 2, day: 29 })).toBe(20);
  });
  it('takes "today" in Asia/Shanghai for age', () => {
    const birth = { year: 2008, month: 1, day: 1 };
    expect(ageAt(birth, new Date('2025-12-31T15:59:59Z'))).toBe(17);
    expect(ageAt(birth, new Date('2025-12-31T16:00:00Z'))).toBe(18);
  });
});

describe('mobile numbers and names', () => {
  it('accepts mainland mobiles with an optional +86', () => {
    expect(validateMobile('+86 138 0013 8000')).toEqual({ ok: true, value: '13800138000' });
    expect(validateMobile('19912345678').ok).toBe(true);
    expect(codes(validateMobile('12800138000'))).toEqual(['INVALID_FORMAT']);
    expect(codes(validateMobile('1380013800'))).toEqual(['INVALID_FORMAT']);
  });
  it('accepts Chinese names with the middle dot, and Latin names', () => {
    expect(validatePersonName('张三')).toEqual({ ok: true, value: '张三' });
    expect(validatePersonName('买买提·艾力')).toEqual({ ok: true, value: '买买提·艾力' });
    expect(validatePersonName('买买提・艾力')).toEqual({ ok: true, value: '买买提·艾力' });
    expect(validatePersonName("Mary-Jane O'Neil").ok).toBe(true);
    expect(codes(validatePersonName('张'))).toEqual(['INVALID_LENGTH']);
    expect(codes(validatePersonName('·张三'))).toEqual(['INVALID_FORMAT']);
    expect(codes(validatePersonName('张三1'))).toEqual(['INVALID_FORMAT']);
    expect(codes(validatePersonName('张三'.repeat(11)))).toEqual(['INVALID_LENGTH']);
  });
});

describe('verification step fields', () => {
  const fields = [
    { name: 'cardNumber', kind: 'CARD_NUMBER' as const, label: { 'zh-CN': '卡号', en: 'Card' }, secret: true },
    { name: 'cvv2', kind: 'CVV2' as const, label: { 'zh-CN': 'CVV2', en: 'CVV2' }, secret: true },
    { name: 'smsCode', kind: 'SMS_CODE' as const, label: { 'zh-CN': '验证码', en: 'SMS' }, secret: true },
  ];
  it('returns every field error at once, and refuses undeclared fields', () => {
    const r = validateFields(fields, { cardNumber: '1234', cvv2: '12', extra: 'x' }, { luhnForUnionPay: true });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
        'cardNumber:INVALID_LENGTH',
        'cvv2:INVALID_FORMAT',
        'smsCode:REQUIRED',
        'extra:UNKNOWN_FIELD',
      ]);
  });
  it('normalizes valid values', () => {
    expect(
      validateFields(fields, { cardNumber: '6253 5012 3456 7897', cvv2: '739', smsCode: '480615' }, { luhnForUnionPay: true }),
    ).toEqual({
      ok: true,
      value: { cardNumber: '6253501234567897', cvv2: '739', smsCode: '480615' },
    });
  });
});
