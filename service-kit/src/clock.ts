/**
 * Time is injected (the SDK's Clock): limit windows, overdue days and penalties all
 * depend on "now", and tests must be able to stand at midnight, month end or a leap day.
 */
import { systemClock, type Clock } from '@cardweave/adapter-sdk';
import { configValue, type Environment } from './environment/read';

export type { Clock };

/** `CARDWEAVE_NOW` pins the clock (an ISO instant), for demos and tests of time. */
export function clockFromEnv(env: Environment = process.env): Clock {
  const now = configValue('CARDWEAVE_NOW', env);
  return now ? fixedClock(now) : systemClock;
}

export function fixedClock(instant: Date | string): Clock {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new Error(`not an instant: ${String(instant)}`);
  return { now: () => new Date(at) };
}
