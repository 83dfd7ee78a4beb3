/**
 * Finishes payments whose coordinator died or lost its answer: any wallet leg still
 * RESERVED or REVERSING after `olderThanMs` is reversed down the chain (clearing reverses
 * the issuer first), and its idempotency key gets its final answer. Safe to run on every
 * replica at once: each step is idempotent and a leg settles only once.
 */
import type { DataSource } from 'typeorm';
import type { Clock } from '@cardweave/adapter-sdk';
import { IdempotencyKeys } from '@cardweave/subgraph-kit';
import { unfinishedPayments } from '../db/queries/payment.queries';
import { WALLET_SCHEMA } from '../db/wallet-database';
import type { PaymentCoordinator } from './payment-coordinator';
import { unavailableError } from './payment-coordinator';

export interface RecoveryReport {
  examined: number;
  reversed: number;
  /** Could not reach clearing this time; tried again on the next run. */
  stillOpen: number;
}

export class PaymentRecovery {
  private readonly keys = new IdempotencyKeys(WALLET_SCHEMA);

  constructor(
    private readonly dataSource: DataSource,
    private readonly coordinator: PaymentCoordinator,
    private readonly clock: Clock,
  ) {}

  async run(olderThanMs: number): Promise<RecoveryReport> {
    const cutoff = new Date(this.clock.now().getTime() - olderThanMs);
    const open = await unfinishedPayments(this.dataSource, cutoff, 200);
    const report: RecoveryReport = { examined: open.length, reversed: 0, stillOpen: 0 };
    for (const payment of open) {
      if (await this.coordinator.reverse(payment)) {
        report.reversed += 1;
        await this.dataSource.transaction((m) =>
          this.keys.complete(m, { customerId: payment.customerId, operation: 'pay' }, payment.idempotencyKey, {
            ok: false,
            paymentId: payment.id,
            error: unavailableError(payment.platform, 'not completed in time; reversed'),
          }),
        );
      } else report.stillOpen += 1;
    }
    return report;
  }

  /**
   * Runs every `intervalMs` in the background; returns the stop function, which settles once a
   * run under way has finished (the wallet closes its database after it).
   */
  schedule(intervalMs: number, olderThanMs: number): () => Promise<void> {
    let running: Promise<void> | null = null;
    const timer = setInterval(() => {
      if (running) return;
      running = this.run(olderThanMs)
        .then(() => undefined)
        .catch((error: Error) => console.error(JSON.stringify({ level: 'error', msg: 'payment recovery failed', error: error.message })))
        .finally(() => {
          running = null;
        });
    }, intervalMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await running;
    };
  }
}
