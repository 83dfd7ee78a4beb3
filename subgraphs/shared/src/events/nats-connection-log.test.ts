import type { NatsConnection, Status } from '@nats-io/transport-node';
import { setLogSink } from '@cardweave/service-kit';
import { ConnectionStatusLog, logConnectionStatus } from './nats-connection-log';

const SERVER = '127.0.0.1:4222';

describe('NATS connection status in the log', () => {
  it('a loss is one warning with why, the attempts after it nothing, the return one info line', () => {
    const log = new ConnectionStatusLog('event inbox');
    const lines = (
      [
        { type: 'ping', pendingPings: 1 },
        { type: 'staleConnection' },
        { type: 'disconnect', server: SERVER },
        { type: 'reconnecting' },
        { type: 'reconnecting' },
        { type: 'disconnect', server: SERVER },
        { type: 'reconnect', server: SERVER },
        { type: 'reconnect', server: SERVER },
      ] as Status[]
    ).map((status) => log.next(status));
    expect(lines.filter((line) => line !== null)).toEqual([
      {
        level: 'warn',
        msg: 'event inbox lost its NATS connection: reconnecting',
        fields: { server: SERVER, reason: 'the server stopped answering pings' },
      },
      { level: 'info', msg: 'event inbox is connected to NATS again', fields: { server: SERVER } },
    ]);
  });

  it('says the server error before a loss, and a plain loss without one; each outage once', () => {
    const log = new ConnectionStatusLog('outbox relay');
    const first = [
      { type: 'error', error: new Error('authorization violation') },
      { type: 'disconnect', server: SERVER },
    ] as Status[];
    expect(first.map((s) => log.next(s))[1]).toMatchObject({ level: 'warn', fields: { reason: 'authorization violation' } });
    expect(log.next({ type: 'reconnect', server: SERVER })).toMatchObject({ level: 'info' });
    expect(log.next({ type: 'disconnect', server: SERVER })).toMatchObject({
      level: 'warn',
      fields: { reason: 'the connection closed (the server stopped or the network failed)' },
    });
    expect(log.next({ type: 'ldm', server: SERVER })).toBeNull();
  });

  it('a reconnect never preceded by a loss, and a lame duck notice, say nothing by themselves', () => {
    const log = new ConnectionStatusLog('outbox relay');
    expect(log.next({ type: 'reconnect', server: SERVER })).toBeNull();
    expect(log.next({ type: 'ldm', server: SERVER })).toBeNull();
    expect(log.next({ type: 'disconnect', server: SERVER })).toMatchObject({
      fields: { reason: `the server ${SERVER} is shutting down (lame duck mode)` },
    });
  });

  it("writes the lines to the service's log from the connection's status iterator", async () => {
    const written: Array<Record<string, unknown>> = [];
    const previous = setLogSink((line) => written.push(JSON.parse(line) as Record<string, unknown>));
    try {
      const statuses: Status[] = [{ type: 'disconnect', server: SERVER }, { type: 'reconnecting' }, { type: 'reconnect', server: SERVER }];
      const connection = {
        status: () =>
          (async function* () {
            yield* statuses;
          })(),
      } as unknown as NatsConnection;
      logConnectionStatus(connection, 'wallet', 'event inbox');
      for (let i = 0; i < 20 && written.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(written.map(({ level, service, msg }) => ({ level, service, msg }))).toEqual([
        { level: 'warn', service: 'wallet', msg: 'event inbox lost its NATS connection: reconnecting' },
        { level: 'info', service: 'wallet', msg: 'event inbox is connected to NATS again' },
      ]);
    } finally {
      setLogSink(previous);
    }
  });
});
