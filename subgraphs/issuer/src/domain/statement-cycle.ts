/**
 * Which billing cycles close on or before a day, by the issuer's terms: a cycle runs from
 * one statement day to the day before the next; its bill is dated the statement day and
 * is due `gracePeriodDays` later. Statement days are 1–28, so every month has one.
 */
import { applyFraction, type IssuerTerms } from '@cardweave/adapter-sdk';
import { addDays, isoDateOf, parseIsoDate } from './calendar-dates';

export interface StatementCycle {
  cycleStart: string;
  cycleEnd: string;
  statementDate: string;
  dueDate: string;
}

export function cycleClosingOn(statementDate: string, terms: IssuerTerms): StatementCycle {
  const { year, month } = parseIsoDate(statementDate);
  return {
    cycleStart: isoDateOf(year, month - 1, terms.statementDay),
    cycleEnd: addDays(statementDate, -1),
    statementDate,
    dueDate: addDays(statementDate, terms.gracePeriodDays),
  };
}

/** The cycle in progress on `today`: the one whose statement date is the first after today. */
export function cycleOpenOn(today: string, terms: IssuerTerms): StatementCycle {
  const { year, month } = parseIsoDate(today);
  const thisMonth = isoDateOf(year, month, terms.statementDay);
  return cycleClosingOn(thisMonth > today ? thisMonth : isoDateOf(year, month + 1, terms.statementDay), terms);
}

/** Cycles whose statement date is after `after` and on or before `today`, oldest first. */
export function cyclesClosingBetween(after: string, today: string, terms: IssuerTerms): StatementCycle[] {
  const start = parseIsoDate(after);
  const cycles: StatementCycle[] = [];
  for (let k = 0; ; k += 1) {
    const statementDate = isoDateOf(start.year, start.month + k, terms.statementDay);
    if (statementDate > today) break;
    if (statementDate > after) cycles.push(cycleClosingOn(statementDate, terms));
  }
  return cycles;
}

/** The minimum due of a bill: a fraction of the total, rounded once as configured. */
export function minimumDueOf(totalDueFen: bigint, terms: IssuerTerms): bigint {
  return applyFraction(totalDueFen, terms.minimumDue, terms.rounding);
}
