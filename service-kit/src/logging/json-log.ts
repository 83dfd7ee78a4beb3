/**
 * Structured logs: one JSON object per line, every message and field passed through the
 * SDK's scrubber first, so card numbers, ID numbers, mobile numbers, CVV2 and SMS codes
 * never reach a log whatever a caller hands in. Each line carries the service and, for a
 * request, the request id the gateway gave it (x-request-id), so one request can be
 * followed across the gateway and every subgraph.
 */
import { scrub, scrubText } from '@cardweave/adapter-sdk';
import { configValue } from '../environment/read';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
const ORDER: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

export type LogSink = (line: string) => void;

let sink: LogSink = (line) => process.stdout.write(`${line}\n`);
let minimum: LogLevel = configValue('LOG_LEVEL');

/** Where log lines go (stdout unless set; tests capture them here). */
export function setLogSink(next: LogSink): LogSink {
  const previous = sink;
  sink = next;
  return previous;
}

export function setLogLevel(level: LogLevel): void {
  minimum = level;
}

/**
 * `{ name: 'smsCode', value: '246810' }` (how verification steps send their fields) becomes
 * `{ field: 'smsCode', smsCode: '246810' }`, so the scrubber redacts the value by its name
 * (and a cardholder's `{ name: 'name', value: '张三' }` is masked as a name, `name: '张*'`).
 */
function namedValuesAsKeys(value: unknown, depth = 0): unknown {
  if (!value || typeof value !== 'object' || depth > 20) return value;
  if (Array.isArray(value)) return value.map((v) => namedValuesAsKeys(v, depth + 1));
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = namedValuesAsKeys(v, depth + 1);
  if (typeof record.name === 'string' && 'value' in record && /^[A-Za-z_][A-Za-z0-9_]{0,40}$/.test(record.name)) {
    delete out.value;
    delete out.name;
    out.field = record.name;
    out[record.name] = record.value;
  }
  return out;
}

/** Whether lines of this level are written (to skip building a line nobody will read). */
export function logLevelEnabled(level: LogLevel): boolean {
  return ORDER.indexOf(level) >= ORDER.indexOf(minimum);
}

export function writeLog(level: LogLevel, service: string, msg: string, fields: Record<string, unknown> = {}): void {
  if (!logLevelEnabled(level)) return;
  let line: string;
  try {
    line = JSON.stringify(
      {
        time: new Date().toISOString(),
        level,
        service,
        msg: scrubText(String(msg)),
        ...scrub(namedValuesAsKeys(fields) as Record<string, unknown>),
      },
      (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
    );
  } catch {
    line = JSON.stringify({ time: new Date().toISOString(), level, service, msg: scrubText(String(msg)) });
  }
  sink(line);
}

export interface JsonLogger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): JsonLogger;
}

export function jsonLogger(service: string, base: Record<string, unknown> = {}): JsonLogger {
  return {
    log: (level, msg, fields) => writeLog(level, service, msg, { ...base, ...fields }),
    child: (fields) => jsonLogger(service, { ...base, ...fields }),
  };
}
