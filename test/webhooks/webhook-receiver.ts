/** A local HTTP endpoint for webhook tests: records each request and answers as the test says. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  body: string;
  signature: string;
  eventId: string;
  receivedAt: number;
}

/** How to answer one request: a status now, or 'hang' (never, until `release`). */
export type Answer = number | 'hang';

export async function startReceiver(answer: (request: ReceivedWebhook, earlierForEvent: number) => Answer) {
  const received: ReceivedWebhook[] = [];
  const hanging = new Set<ServerResponse>();
  const waiters: Array<() => void> = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: ReceivedWebhook = {
        body: Buffer.concat(chunks).toString('utf8'),
        signature: String(req.headers['cardweave-signature'] ?? ''),
        eventId: String(req.headers['cardweave-event-id'] ?? ''),
        receivedAt: Date.now(),
      };
      const earlier = received.filter((r) => r.eventId === request.eventId).length;
      received.push(request);
      const a = answer(request, earlier);
      if (a === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
      } else {
        res.writeHead(a).end();
      }
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    received,
    /** Requests answered with nothing yet. */
    pendingCount: () => hanging.size,
    /** Waits until `match` holds of what was received. */
    async until(match: (received: ReceivedWebhook[]) => boolean, timeoutMs = 20_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!match(received)) {
        if (Date.now() > deadline) throw new Error(`the endpoint did not receive what was expected (${received.length} requests)`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    async close() {
      for (const res of hanging) res.writeHead(200).end();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
