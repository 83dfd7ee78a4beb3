/** When a failed delivery is tried again: exponential backoff, given up 24 hours after its first attempt. */

export const WEBHOOK_RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface WebhookBackoff {
  /** The wait after the first failure; doubled after each following one. */
  baseMs: number;
  /** The longest wait between two attempts. */
  maxMs: number;
}

export const DEFAULT_WEBHOOK_BACKOFF: WebhookBackoff = { baseMs: 10_000, maxMs: 60 * 60 * 1000 };

/** The next attempt after `failures` failed ones, or null when it would fall after `giveUpAfter`. */
export function nextAttemptAt(failures: number, now: Date, giveUpAfter: Date, backoff: WebhookBackoff): Date | null {
  const wait = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(failures - 1, 30));
  const next = new Date(now.getTime() + wait);
  return next > giveUpAfter ? null : next;
}
