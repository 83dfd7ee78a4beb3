/**
 * What a NATS connection's outages look like in the log: one warning when the connection is
 * lost, with why as far as the client knows it, and one line when it is back. The client
 * reconnects by itself (maxReconnectAttempts: -1) and would otherwise do so in silence, leaving
 * an operator to guess why the inbox or a relay stood still.
 */
import type { NatsConnection, Status } from '@nats-io/transport-node';
import { writeLog, type LogLevel } from '@cardweave/service-kit';

export interface ConnectionLogLine {
  level: Extract<LogLevel, 'warn' | 'info'>;
  msg: string;
  fields: Record<string, unknown>;
}

/**
 * Turns a connection's status events into log lines: a `disconnect` is said once (the
 * `reconnecting` attempts after it are not), with the reason the events before it gave (a
 * server error, pings unanswered, the server going away); a `reconnect` after it is said once.
 */
export class ConnectionStatusLog {
  private down = false;
  /** Why the connection may drop, from the events that come before a disconnect. */
  private reason: string | null = null;

  constructor(
    /** What the connection is for, e.g. `event inbox`. */
    private readonly role: string,
  ) {}

  next(status: Status): ConnectionLogLine | null {
    switch (status.type) {
      case 'error':
        this.reason = status.error.message;
        return null;
      case 'staleConnection':
        this.reason = 'the server stopped answering pings';
        return null;
      case 'ldm':
        this.reason = `the server ${status.server} is shutting down (lame duck mode)`;
        return null;
      case 'forceReconnect':
        this.reason = 'a reconnect was forced';
        return null;
      case 'disconnect': {
        if (this.down) return null;
        this.down = true;
        const reason = this.reason ?? 'the connection closed (the server stopped or the network failed)';
        this.reason = null;
        return {
          level: 'warn',
          msg: `${this.role} lost its NATS connection: reconnecting`,
          fields: { server: status.server, reason },
        };
      }
      case 'reconnect':
        if (!this.down) return null;
        this.down = false;
        this.reason = null;
        return { level: 'info', msg: `${this.role} is connected to NATS again`, fields: { server: status.server } };
      default:
        return null;
    }
  }
}

/** Logs `connection`'s losses and returns as `service` until it closes. */
export function logConnectionStatus(connection: NatsConnection, service: string, role: string): void {
  const log = new ConnectionStatusLog(role);
  void (async () => {
    for await (const status of connection.status()) {
      const line = log.next(status);
      if (line) writeLog(line.level, service, line.msg, line.fields);
    }
  })().catch(() => undefined);
}
