import { applyFraction } from '@cardweave/adapter-sdk';
import { programDateOf } from './calendar-dates';
import { penaltyPostingsDue, type Allocation } from './penalty-accrual';
import { cyclesClosingBetween, cycleClosingOn } from './statement-cycle';

const terms = { penaltyPerDay: { numerator: 5n, denominator: 10_000n }, rounding: 'HALF_UP' as const };
const bill = (dueDate: string) => ({ dueDate, totalDueFen: 400_849n, minimumDueFen: 40_085n });
const at = (local: string) => new Date(`${local}+08:00`);
const day = (instant: string) => programDateOf(at(instant));

describe('penalty accrual, one posting per full overdue day in Asia/Shanghai', () => {
  it('posts nothing on the due date nor during the first overdue day; that day once it has ended at local midnight, not UTC midnight', () => {
    expect(penaltyPostingsDue(bill('2026-11-10'), [], null, day('2026-11-10T23:59:59.999'), terms)).toEqual([]);
    expect(penaltyPostingsDue(bill('2026-11-10'), [], null, day('2026-11-11T00:00:00'), terms)).toEqual([]);
    expect(penaltyPostingsDue(bill('2026-11-10'), [], null, day('2026-11-11T23:59:59.999'), terms)).toEqual([]);
    const first = penaltyPostingsDue(bill('2026-11-10'), [], null, day('2026-11-12T00:00:00'), terms);
    expect(first).toEqual([{ accrualDate: '2026-11-11', principalFen: 400_849n, amountFen: 200n }]);
    // 2026-11-11T16:00Z is already the 12th in Shanghai: the 11th has ended.
    expect(programDateOf(new Date('2026-11-11T16:00:00Z'))).toBe('2026-11-12');
  });

  it('at n days overdue, mid-day, charges the n − 1 days that have ended', () => {
    // 10 February + 50 days = 31 March 2028 (29 February included): the 50th day is running.
    const postings = penaltyPostingsDue(bill('2028-02-10'), [], null, day('2028-03-31T12:00:00'), terms);
    expect(postings.length).toBe(49);
    expect(postings[postings.length - 1].accrualDate).toBe('2028-03-30');
  });

  it('crosses a month end', () => {
    const postings = penaltyPostingsDue(bill('2026-01-30'), [], null, day('2026-02-02T08:00:00'), terms);
    expect(postings.map((p) => p.accrualDate)).toEqual(['2026-01-31', '2026-02-01']);
  });

  it('crosses a year end', () => {
    const postings = penaltyPostingsDue(bill('2026-12-30'), [], null, day('2027-01-02T00:00:00'), terms);
    expect(postings.map((p) => p.accrualDate)).toEqual(['2026-12-31', '2027-01-01']);
  });

  it('counts 29 February in a leap year', () => {
    const postings = penaltyPostingsDue(bill('2028-02-27'), [], null, day('2028-03-02T00:00:00'), terms);
    expect(postings.map((p) => p.accrualDate)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(penaltyPostingsDue(bill('2027-02-27'), [], null, day('2027-03-02T00:00:00'), terms).map((p) => p.accrualDate)).toEqual([
      '2027-02-28',
      '2027-03-01',
    ]);
  });

  it('continues after the last posted day and never repeats one', () => {
    const postings = penaltyPostingsDue(bill('2028-02-27'), [], '2028-02-29', day('2028-03-03T12:00:00'), terms);
    expect(postings.map((p) => p.accrualDate)).toEqual(['2028-03-01', '2028-03-02']);
    expect(penaltyPostingsDue(bill('2028-02-27'), [], '2028-03-02', day('2028-03-03T23:00:00'), terms)).toEqual([]);
  });

  it('charges each day on the principal still owed when it ended, whenever the job runs', () => {
    const repaid: Allocation[] = [{ penaltyFen: 0n, principalFen: 30_000n, allocatedAt: at('2028-02-29T10:00:00') }];
    const postings = penaltyPostingsDue(bill('2028-02-27'), repaid, null, day('2028-03-02T09:00:00'), terms);
    expect(postings).toEqual([
      { accrualDate: '2028-02-28', principalFen: 400_849n, amountFen: 200n },
      { accrualDate: '2028-02-29', principalFen: 370_849n, amountFen: applyFraction(370_849n, terms.penaltyPerDay, 'HALF_UP') },
      { accrualDate: '2028-03-01', principalFen: 370_849n, amountFen: applyFraction(370_849n, terms.penaltyPerDay, 'HALF_UP') },
    ]);
  });

  it('keeps accruing on the principal that remains after a late repayment of more than the minimum', () => {
    const repaid: Allocation[] = [{ penaltyFen: 200n, principalFen: 100_849n, allocatedAt: at('2028-02-29T12:00:00') }];
    const postings = penaltyPostingsDue(bill('2028-02-27'), repaid, null, day('2028-03-03T00:00:00'), terms);
    expect(postings).toEqual([
      { accrualDate: '2028-02-28', principalFen: 400_849n, amountFen: 200n },
      { accrualDate: '2028-02-29', principalFen: 300_000n, amountFen: 150n },
      { accrualDate: '2028-03-01', principalFen: 300_000n, amountFen: 150n },
      { accrualDate: '2028-03-02', principalFen: 300_000n, amountFen: 150n },
    ]);
  });

  it('stops at the first day that ends with all principal repaid', () => {
    const repaid: Allocation[] = [{ penaltyFen: 200n, principalFen: 400_849n, allocatedAt: at('2028-02-29T12:00:00') }];
    expect(penaltyPostingsDue(bill('2028-02-27'), repaid, null, day('2028-03-05T00:00:00'), terms).map((p) => p.accrualDate)).toEqual([
      '2028-02-28',
    ]);
  });

  it('charges nothing when the minimum was repaid by the end of the due date', () => {
    const onTime: Allocation[] = [{ penaltyFen: 0n, principalFen: 40_085n, allocatedAt: at('2028-02-27T23:59:59') }];
    expect(penaltyPostingsDue(bill('2028-02-27'), onTime, null, day('2028-03-05T00:00:00'), terms)).toEqual([]);
    const aSecondLate: Allocation[] = [{ penaltyFen: 0n, principalFen: 40_085n, allocatedAt: at('2028-02-28T00:00:00') }];
    expect(penaltyPostingsDue(bill('2028-02-27'), aSecondLate, null, day('2028-03-01T00:00:00'), terms).length).toBe(2);
  });

  it('rounds once per posting with the configured mode', () => {
    const down = penaltyPostingsDue(bill('2028-02-27'), [], null, '2028-02-29', { ...terms, rounding: 'DOWN' });
    const up = penaltyPostingsDue({ ...bill('2028-02-27'), totalDueFen: 400_801n }, [], null, '2028-02-29', { ...terms, rounding: 'UP' });
    expect(down[0].amountFen).toBe(200n); // 200.4245
    expect(up[0].amountFen).toBe(201n); // 200.4005
  });
});

describe('statement cycles', () => {
  const issuer = { statementDay: 1, gracePeriodDays: 9 } as never;
  it('closes a cycle on the statement day, due after the grace period', () => {
    expect(cycleClosingOn('2028-03-01', issuer)).toEqual({
      cycleStart: '2028-02-01',
      cycleEnd: '2028-02-29',
      statementDate: '2028-03-01',
      dueDate: '2028-03-10',
    });
    expect(cycleClosingOn('2027-01-01', issuer)).toEqual({
      cycleStart: '2026-12-01',
      cycleEnd: '2026-12-31',
      statementDate: '2027-01-01',
      dueDate: '2027-01-10',
    });
  });
  it('lists the cycles that closed after a date up to today, across a year end', () => {
    expect(cyclesClosingBetween('2026-11-01', '2027-01-01', issuer).map((c) => c.statementDate)).toEqual(['2026-12-01', '2027-01-01']);
    expect(cyclesClosingBetween('2026-11-15', '2026-11-30', issuer)).toEqual([]);
  });
});
