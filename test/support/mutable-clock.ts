import type { Clock } from '@cardweave/adapter-sdk';

/** A clock a test moves by hand, to stand just before and just after midnight. */
export class MutableClock implements Clock {
  private at: Date;

  constructor(start: string | Date) {
    this.at = new Date(start);
  }

  now(): Date {
    return new Date(this.at);
  }

  set(instant: string | Date): void {
    this.at = new Date(instant);
  }
}
