import type { Clock } from '@cardweave/adapter-sdk';

/** A clock a test moves by hand: no timers, no sleeping, no flaky timing. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-06-15T02:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
