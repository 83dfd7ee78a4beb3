/**
 * Delivers every service's events to webhook endpoints, in the background, beside the outbox relay.
 *
 * Each round fans the events newly stored in the wallet's event inbox (the issuer's and
 * clearing's as well as the wallet's own, each once) out into deliveries (one per matching
 * endpoint), then claims the due deliveries and posts each with a short timeout. An insert into
 * the inbox starts a round at once (outbox-signal.ts, as for the subscriptions' feed);
 * the idle pause stays as the safety net, and is what brings a retry whose backoff has passed. Requests run concurrently and
 * the loop does not wait for them: a slow endpoint holds one slot, not the others, and never a
 * database transaction, so a payment (whose event this is) is never slowed by an endpoint.
 * A delivery that fails (timeout, refused connection, non-2xx) is tried again with exponential
 * backoff until 24 hours after it was queued. The endpoint's secret is opened (it is sealed at
 * rest) just before its request; one that does not open is such a failure too, in the
 * delivery's log, never the end of the loop.
 */
import type { DataSource } from 'typeorm';
import { outboxSignal } from '@cardweave/subgraph-kit';
import { WALLET_SCHEMA } from '../db/wallet-database';
import { claimDueDeliveries, queueWebhookDeliveries, recordWebhookAttempt, type DueDelivery } from '../db/queries/webhook.queries';
import { DEFAULT_WEBHOOK_BACKOFF, nextAttemptAt, WEBHOOK_RETRY_WINDOW_MS, type WebhookBackoff } from './webhook-backoff';
import { WebhookSecretUnreadable, type WebhookSecretKeys } from './webhook-secret-keys';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature';

export interface WebhookWorkerOptions {
  /** The keys the endpoints' signing secrets are sealed under. */
  secrets: WebhookSecretKeys;
  /** Pause when nothing was due and no event stored in the inbox woke the worker. */
  idleMs?: number;
  /** How long one request may take before it counts as failed. */
  requestTimeoutMs?: number;
  backoff?: WebhookBackoff;
  /** Requests in flight at most. */
  concurrency?: number;
  now?: () => Date;
  onError?: (error: unknown) => void;
}

/** The body an endpoint receives: the event as its service's outbox wrote it. */
export function webhookBody(event: DueDelivery['event']): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    customerId: event.customerId,
    cardId: event.cardId,
    platform: event.platform,
    errorCode: event.errorCode,
    payload: event.payload,
  });
}

/** Inbox events fanned out in one round. */
const FAN_OUT_BATCH = 200;

export class WebhookWorker {
  private readonly idleMs: number;
  private readonly timeoutMs: number;
  private readonly backoff: WebhookBackoff;
  private readonly concurrency: number;
  private readonly now: () => Date;
  private readonly inFlight = new Set<Promise<void>>();
  private running: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  /** Woken since the round began (its fan-out may have read before that commit), or its fan-out took a full batch: no pause. */
  private nudged = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: WebhookWorkerOptions,
  ) {
    this.idleMs = options.idleMs ?? 1_000;
    this.timeoutMs = options.requestTimeoutMs ?? 5_000;
    this.backoff = options.backoff ?? DEFAULT_WEBHOOK_BACKOFF;
    this.concurrency = options.concurrency ?? 16;
    this.now = options.now ?? (() => new Date());
  }

  /** One round: queue new events' deliveries, start the due ones; the number started. */
  async runOnce(): Promise<number> {
    const now = this.now();
    const fannedOut = await queueWebhookDeliveries(this.dataSource, now, new Date(now.getTime() + WEBHOOK_RETRY_WINDOW_MS), FAN_OUT_BATCH);
    // A full batch may have more behind it (a backlog of events no endpoint asks for starts nothing): no pause before the next round.
    if (fannedOut === FAN_OUT_BATCH) this.nudged = true;
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0) return 0;
    // The lease outlasts the request: another replica takes the row only if this one died.
    const due = await claimDueDeliveries(this.dataSource, now, new Date(now.getTime() + this.timeoutMs + 30_000), free);
    for (const delivery of due) {
      const request = this.deliver(delivery)
        .catch((error) => this.options.onError?.(error))
        .finally(() => {
          this.inFlight.delete(request);
          this.wake?.();
        });
      this.inFlight.add(request);
    }
    return due.length;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.unsubscribe = outboxSignal(this.dataSource).subscribe(`${WALLET_SCHEMA}.event_inbox`, () => this.nudge());
    this.running = (async () => {
      while (!this.stopping) {
        let started = 0;
        this.nudged = false;
        try {
          started = await this.runOnce();
        } catch (error) {
          this.options.onError?.(error);
        }
        if (started === 0 && !this.stopping) await this.pause();
      }
    })();
  }

  /** Runs a round soon rather than after the idle pause (an event just committed). */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Stops claiming; the requests in flight finish (each within its timeout). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.wake?.();
    await this.running;
    this.running = null;
    await Promise.all([...this.inFlight]);
  }

  private async deliver(delivery: DueDelivery): Promise<void> {
    const body = webhookBody(delivery.event);
    const attemptedAt = this.now();
    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const secrets = this.signingSecrets(delivery);
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signatureHeader(secrets, body, attemptedAt),
          'Cardweave-Event-Id': delivery.event.id,
          'Cardweave-Delivery-Id': delivery.id,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (failure) {
      error = failureReason(failure, this.timeoutMs);
      // Not the endpoint's fault but this process's keys: said in the log line too, for the operator.
      if (failure instanceof WebhookSecretUnreadable) this.options.onError?.(failure);
    }
    const number = delivery.attemptCount + 1;
    const next = error === null ? null : nextAttemptAt(number, this.now(), delivery.giveUpAfter, this.backoff);
    await recordWebhookAttempt(
      this.dataSource,
      { id: delivery.id, number },
      { attemptedAt, status, error, durationMs: Math.round(performance.now() - started) },
      { status: error === null ? 'DELIVERED' : next ? 'PENDING' : 'FAILED', nextAttemptAt: next },
    );
  }

  /** The current secret, then (while it still signs, after a rotation) the previous one. */
  private signingSecrets(delivery: DueDelivery): string[] {
    const { secrets } = this.options;
    const current = secrets.open(delivery.signingSecret, delivery.endpointId);
    return delivery.previousSigningSecret ? [current, secrets.open(delivery.previousSigningSecret, delivery.endpointId)] : [current];
  }

  private pause(): Promise<void> {
    if (this.nudged) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, this.idleMs);
      this.wake = done;
    });
  }
}

/** Why a request failed, in a few words (never the body or the secret). */
function failureReason(failure: unknown, timeoutMs: number): string {
  if (failure instanceof WebhookSecretUnreadable) return `not sent: ${failure.message}`;
  // By shape, not by class: fetch's errors need not be Errors of this realm (a DOMException for the timeout).
  const { name, cause, message } = (failure ?? {}) as { name?: unknown; cause?: { code?: unknown }; message?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  if (typeof cause?.code === 'string') return `connection failed: ${cause.code}`;
  return typeof message === 'string' ? message : String(failure);
}
