import type { LimitRule } from './contract';
import { evaluateLimits, windowOf } from './limit-windows';
import { yuan } from './money';
import { FIXED_OFFSET_ZONES, localDateOf } from './time-zones';

const SH = 'Asia/Shanghai';
// Shanghai is UTC+8: local midnight is 16:00 UTC the day before.
const at = (iso: string) => new Date(iso);

describe('limit windows in Asia/Shanghai', () => {
  it('puts the last millisecond before local midnight in the old day, midnight in the new one', () => {
    expect(windowOf('DAILY', at('2026-03-14T15:59:59.999Z'), SH).key).toBe('2026-03-14');
    const next = windowOf('DAILY', at('2026-03-14T16:00:00.000Z'), SH);
    expect(next.key).toBe('2026-03-15');
    expect(next.start?.toISOString()).toBe('2026-03-14T16:00:00.000Z');
    expect(next.end?.toISOString()).toBe('2026-03-15T16:00:00.000Z');
  });
  it('rolls the month at month end, including February in a leap year', () => {
    const feb = windowOf('MONTHLY', at('2028-02-29T15:59:59.999Z'), SH);
    expect(feb.key).toBe('2028-02');
    expect(feb.start?.toISOString()).toBe('2028-01-31T16:00:00.000Z');
    expect(feb.end?.toISOString()).toBe('2028-02-29T16:00:00.000Z');
    expect(windowOf('MONTHLY', at('2028-02-29T16:00:00.000Z'), SH).key).toBe('2028-03');
    expect(windowOf('DAILY', at('2028-02-28T16:00:00.000Z'), SH).key).toBe('2028-02-29');
    expect(windowOf('DAILY', at('2027-02-28T16:00:00.000Z'), SH).key).toBe('2027-03-01');
  });
  it('rolls the year at local new year, eight hours before UTC does', () => {
    const y = windowOf('YEARLY', at('2026-12-31T15:59:59.999Z'), SH);
    expect(y.key).toBe('2026');
    expect(y.end?.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(windowOf('YEARLY', at('2026-12-31T16:00:00.000Z'), SH).key).toBe('2027');
    expect(windowOf('DAILY', at('2026-12-31T16:00:00.000Z'), SH).key).toBe('2027-01-01');
  });
  it('has no calendar bounds for PER_PAYMENT and ALL_TIME', () => {
    expect(windowOf('ALL_TIME', at('2026-01-01T00:00:00Z'), SH)).toEqual({ window: 'ALL_TIME', key: 'ALL_TIME' });
    expect(windowOf('PER_PAYMENT', at('2026-01-01T00:00:00Z'), SH)).toEqual({ window: 'PER_PAYMENT', key: 'PER_PAYMENT' });
  });
  it('refuses a zone outside the table instead of falling back to the machine zone', () => {
    expect(() => windowOf('DAILY', new Date(), 'Europe/Berlin')).toThrow(/unsupported time zone/);
  });
  it('agrees with Intl on the fixed offsets', () => {
    const instants = ['2026-01-15T20:30:00Z', '2026-07-15T20:30:00Z', '2028-02-28T16:00:00Z'].map(at);
    for (const zone of Object.keys(FIXED_OFFSET_ZONES)) {
      const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      for (const instant of instants) {
        const { year, month, day } = localDateOf(instant, zone);
        expect(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).toBe(fmt.format(instant));
      }
    }
  });
});

describe('evaluating a payment against every rule', () => {
  const rule = (id: string, window: LimitRule['window'], cny: number, count?: number): LimitRule => ({
    id,
    window,
    amountFen: yuan(cny),
    count,
    scope: 'CARD',
    timezone: SH,
    description: { 'zh-CN': id, en: id },
  });
  const rules = [rule('per', 'PER_PAYMENT', 1_000), rule('day', 'DAILY', 5_000, 10), rule('year', 'YEARLY', 500_000)];

  it('allows exactly the limit and refuses one fen over', () => {
    expect(evaluateLimits(rules, {}, yuan(1_000)).allowed).toBe(true);
    const over = evaluateLimits(rules, {}, yuan(1_000) + 1n);
    expect(over.allowed).toBe(false);
    expect(over.violated.map((v) => v.ruleId)).toEqual(['per']);
  });
  it('reports the binding rule and the headroom', () => {
    const usage = { day: { amountFen: yuan(4_500), count: 3 }, year: { amountFen: yuan(100), count: 3 } };
    const e = evaluateLimits(rules, usage, yuan(500));
    expect(e.allowed).toBe(true);
    expect(e.bindingRuleId).toBe('day');
    expect(e.headroomFen).toBe(yuan(500));
    expect(evaluateLimits(rules, usage, yuan(500) + 1n).violated.map((v) => v.ruleId)).toEqual(['day']);
  });
  it('counts payments when a rule has a count', () => {
    const e = evaluateLimits(rules, { day: { amountFen: 0n, count: 10 } }, 1n);
    expect(e.allowed).toBe(false);
    expect(e.headroomFen).toBe(0n);
    expect(e.violated[0].remainingCount).toBe(0);
  });
  it('treats an overrun window as exhausted, not negative', () => {
    const e = evaluateLimits(rules, { year: { amountFen: yuan(600_000), count: 1 } }, 1n);
    expect(e.violated[0]).toMatchObject({ ruleId: 'year', remainingFen: 0n });
  });
});
