/**
 * A subscription that fails after it started, through the real gateway over SSE and graphql-ws:
 * the wallet sends one event, then its stream breaks. The subscriber receives the event, then the
 * failure with its edge code and its message in the language it asked for, as a query's error.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { generateLocalKeySet, keyringFromLocalKeySet, mintToken } from '@cardweave/service-kit';
import { startGateway, type RunningGateway } from '../gateway';

const NOWHERE = 'http://127.0.0.1:9/graphql';
const HAN = /\p{Script=Han}/u;

let gateway: RunningGateway;
let wallet: http.Server;
let token: string;

/** A wallet that answers every subscription with one event and then drops the connection. */
function breakingWallet(): http.Server {
  return http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const event = { id: 'e1', type: 'PAYMENT_APPROVED', occurredAt: '2026-01-01T00:00:00.000Z' };
      response.write(`event: next\ndata: ${JSON.stringify({ data: { customerActivity: event } })}\n\n`);
      setTimeout(() => response.socket?.destroy(), 200);
    });
  });
}

beforeAll(async () => {
  wallet = breakingWallet();
  await new Promise<void>((resolve) => wallet.listen(0, '127.0.0.1', resolve));
  const keyring = keyringFromLocalKeySet(generateLocalKeySet());
  gateway = await startGateway({
    logging: false,
    keyring,
    readRetries: 0,
    subgraphUrls: { issuer: NOWHERE, wallet: `http://127.0.0.1:${(wallet.address() as AddressInfo).port}/graphql`, clearing: NOWHERE },
  });
  token = mintToken({ privateKey: keyring.jwtPrivateKey!, customerId: '3f2b8c1e-4d5a-4e6f-8a9b-0c1d2e3f4a5b' });
});

afterAll(async () => {
  await gateway?.stop();
  wallet?.closeAllConnections();
  await new Promise((resolve) => wallet?.close(resolve));
});

type Message = {
  event: string;
  data: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
};

/** Every SSE message of one subscription until its stream ends (or 10 s pass). */
async function messages(language?: string): Promise<Message[]> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${token}`,
      ...(language ? { 'accept-language': language } : {}),
    },
    body: JSON.stringify({ query: 'subscription { customerActivity { id type occurredAt } }' }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text().catch(() => '');
  return text
    .split('\n\n')
    .map((block) => block.split('\n'))
    .filter((lines) => lines.some((l) => l.startsWith('event:')))
    .map((lines) => {
      const data = lines
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trim())
        .join('\n');
      return {
        event: lines
          .find((l) => l.startsWith('event:'))!
          .slice(6)
          .trim(),
        data: data ? (JSON.parse(data) as Message['data']) : null,
      };
    });
}

it('over SSE, sends the event, then the failure in the language asked for, with the same code', async () => {
  const english = await messages();
  const chinese = await messages('zh-CN');
  const errorsOf = (all: Message[]) => all.flatMap((m) => m.data?.errors ?? []);
  expect(english[0]?.data?.data).toEqual({
    customerActivity: { id: 'e1', type: 'PAYMENT_APPROVED', occurredAt: '2026-01-01T00:00:00.000Z' },
  });
  expect(errorsOf(english).length).toBeGreaterThan(0);
  expect(errorsOf(english)[0].message).not.toMatch(HAN);
  expect(errorsOf(chinese).map((e) => e.extensions)).toEqual(errorsOf(english).map((e) => e.extensions));
  expect(errorsOf(chinese)[0].message).toMatch(HAN);
});

/** Every result of one graphql-ws subscription, the errors that end it as one more result. */
async function overWs(language?: string): Promise<Array<Message['data']>> {
  const client = createClient({
    url: gateway.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}`, ...(language ? { 'accept-language': language } : {}) },
  });
  const results: Array<Message['data']> = [];
  try {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      const done = () => (clearTimeout(timer), resolve());
      client.subscribe(
        { query: 'subscription { customerActivity { id type occurredAt } }' },
        {
          next: (result) => {
            results.push(result as Message['data']);
            if (result.errors) done();
          },
          error: (error) => (results.push({ errors: Array.isArray(error) ? error : [{ message: String(error) }] }), done()),
          complete: done,
        },
      );
    });
  } finally {
    await client.dispose();
  }
  return results;
}

it('over graphql-ws, the same failure in the language of connection_init', async () => {
  const english = await overWs();
  const chinese = await overWs('zh-CN');
  const errorsOf = (all: Array<Message['data']>) => all.flatMap((m) => m?.errors ?? []);
  expect(english[0]?.data).toEqual({ customerActivity: { id: 'e1', type: 'PAYMENT_APPROVED', occurredAt: '2026-01-01T00:00:00.000Z' } });
  expect(errorsOf(english).length).toBeGreaterThan(0);
  expect(errorsOf(english)[0].message).not.toMatch(HAN);
  expect(errorsOf(chinese).map((e) => e.extensions)).toEqual(errorsOf(english).map((e) => e.extensions));
  expect(errorsOf(chinese)[0].message).toMatch(HAN);
});
