/** The logger an adapter receives. Whatever goes in is scrubbed first (see log-scrubber.ts). */
export interface AdapterLogger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export const silentLogger: AdapterLogger = { debug() {}, info() {}, warn() {}, error() {} };
