/**
 * A TypeORM logger that counts SQL statements, and a watch on the connection pool that
 * counts round trips: statements sent while none of this process's statements was in
 * flight. Statements sent together (one DataLoader tick, on several pooled connections)
 * cost one round trip of latency; statements that wait for each other cost one each. The
 * N+1 test and the latency bench read them; it prints only errors (never parameters,
 * which may hold customer data).
 */
import type { Logger } from 'typeorm';

/** The part of a pg pool the watch needs. */
interface WatchablePool {
  on(event: 'acquire', listener: (client: { query: (...args: never[]) => unknown }) => void): unknown;
}

const WATCHED = Symbol('cardweave.statementCounter');

export class StatementCounter implements Logger {
  count = 0;
  /** Statements sent while no other statement of this process was in flight. */
  roundTrips = 0;
  private inFlight = 0;

  reset(): void {
    this.count = 0;
    this.roundTrips = 0;
  }

  logQuery(): void {
    this.count += 1;
  }

  /** Counts round trips on every client the pool hands out (each client is wrapped once). */
  watch(pool: WatchablePool): void {
    const settle = () => {
      this.inFlight -= 1;
    };
    pool.on('acquire', (client) => {
      const marked = client as unknown as Record<symbol, boolean>;
      if (marked[WATCHED]) return;
      marked[WATCHED] = true;
      const query = client.query;
      client.query = ((...args: never[]) => {
        const result = query.apply(client, args) as unknown;
        if (result && typeof (result as Promise<unknown>).then === 'function') {
          if (this.inFlight === 0) this.roundTrips += 1;
          this.inFlight += 1;
          (result as Promise<unknown>).then(settle, settle);
        }
        return result;
      }) as typeof client.query;
    });
  }

  logQueryError(error: string | Error, query: string): void {
    console.error(JSON.stringify({ level: 'error', msg: 'sql failed', error: String(error), sql: query.slice(0, 300) }));
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
