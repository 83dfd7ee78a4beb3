/**
 * The retry schedule of a delivery that keeps failing, as the README and the schema describe
 * it: the first wait 10 s, each next one doubled up to one hour, and no attempt later than
 * 24 hours after the delivery was queued (then it is FAILED).
 */
import { DEFAULT_WEBHOOK_BACKOFF, nextAttemptAt, WEBHOOK_RETRY_WINDOW_MS } from '@cardweave/wallet-subgraph';

const SECOND = 1_000;
const HOUR = 3_600 * SECOND;

/** Every attempt of a delivery that fails each time, from its first at `queued`. */
function attemptsOfAlwaysFailing(queued: Date): Date[] {
  const giveUpAfter = new Date(queued.getTime() + WEBHOOK_RETRY_WINDOW_MS);
  const attempts = [queued];
  for (let failures = 1; ; failures++) {
    const next = nextAttemptAt(failures, attempts[attempts.length - 1], giveUpAfter, DEFAULT_WEBHOOK_BACKOFF);
    if (!next) return attempts;
    attempts.push(next);
  }
}

describe('the retry schedule of webhook deliveries', () => {
  const queued = new Date('2026-11-29T08:00:00Z');
  const attempts = attemptsOfAlwaysFailing(queued);
  const waits = attempts.slice(1).map((at, i) => at.getTime() - attempts[i].getTime());

  it('waits 10 s after the first failure, doubling each time up to an hour', () => {
    expect(waits.slice(0, 11).map((w) => w / SECOND)).toEqual([10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600]);
    expect(waits.every((w) => w <= HOUR)).toBe(true);
    // Never shorter than the one before: a failing endpoint is not called faster over time.
    expect(waits.every((w, i) => i === 0 || w >= waits[i - 1])).toBe(true);
  });

  it('makes its last attempt within 24 hours of the first and then gives up', () => {
    const last = attempts[attempts.length - 1];
    expect(last.getTime() - queued.getTime()).toBeLessThanOrEqual(24 * HOUR);
    // The attempt after the last would have fallen past the 24 hours: the window is used, not cut short.
    expect(last.getTime() + HOUR - queued.getTime()).toBeGreaterThan(24 * HOUR);
    // 1 + 9 doubling waits (85 min 10 s in all) + 22 hourly ones.
    expect(attempts).toHaveLength(32);
    expect(last.toISOString()).toBe('2026-11-30T07:25:10.000Z');
  });

  it('gives up at once when even the first wait would fall past the window (a redelivery near its end)', () => {
    const now = new Date('2026-11-29T08:00:00Z');
    expect(nextAttemptAt(1, now, new Date(now.getTime() + 5 * SECOND), DEFAULT_WEBHOOK_BACKOFF)).toBeNull();
    expect(nextAttemptAt(1, now, new Date(now.getTime() + 10 * SECOND), DEFAULT_WEBHOOK_BACKOFF)).toEqual(
      new Date(now.getTime() + 10 * SECOND),
    );
  });

  it('does not overflow after many failures (a long run of them still waits an hour)', () => {
    const now = new Date('2026-11-29T08:00:00Z');
    const far = new Date(now.getTime() + 10 * 24 * HOUR);
    expect(nextAttemptAt(500, now, far, DEFAULT_WEBHOOK_BACKOFF)).toEqual(new Date(now.getTime() + HOUR));
  });
});
