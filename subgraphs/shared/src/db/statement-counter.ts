/**
 * A TypeORM logger that counts SQL statements. The N+1 test reads it; it prints only
 * errors (never parameters, which may hold customer data).
 */
import type { Logger } from 'typeorm';

export class StatementCounter implements Logger {
  count = 0;

  reset(): void {
    this.count = 0;
  }

  logQuery(): void {
    this.count += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    console.error(JSON.stringify({ level: 'error', msg: 'sql failed', error: String(error), sql: query.slice(0, 300) }));
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
