/**
 * The code the simulator texts is random but never one of its SMS test codes: a customer who
 * typed the code received would otherwise be answered 短信验证码错误 or 银行验证失败.
 */
import { JD_FINANCE_TEST_TRIGGERS, textedSmsCode } from './jd-finance.simulator';

it('draws again when the random code is a test code', () => {
  const draws = [1, 5, 96, 123_456];
  expect(textedSmsCode(() => draws.shift()!)).toBe('123456');
  expect(draws).toEqual([]);
});

it('keeps the leading zeros of an ordinary code', () => {
  expect(textedSmsCode(() => 42)).toBe('000042');
});

it.each(JD_FINANCE_TEST_TRIGGERS.filter((t) => t.field === 'smsCode').map((t) => t.value))('never texts the test code %s', (code) => {
  const draws = [Number(code), 777_777];
  expect(textedSmsCode(() => draws.shift()!)).toBe('777777');
});
