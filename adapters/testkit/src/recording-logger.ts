import type { AdapterLogger } from '@cardweave/adapter-sdk';

export interface LogEntry {
  level: keyof AdapterLogger;
  message: string;
  data?: Record<string, unknown>;
}

/** Keeps everything an adapter logs, so a test can search it for card data. */
export class RecordingLogger implements AdapterLogger {
  readonly entries: LogEntry[] = [];
  debug(message: string, data?: Record<string, unknown>) {
    this.entries.push({ level: 'debug', message, data });
  }
  info(message: string, data?: Record<string, unknown>) {
    this.entries.push({ level: 'info', message, data });
  }
  warn(message: string, data?: Record<string, unknown>) {
    this.entries.push({ level: 'warn', message, data });
  }
  error(message: string, data?: Record<string, unknown>) {
    this.entries.push({ level: 'error', message, data });
  }
}
