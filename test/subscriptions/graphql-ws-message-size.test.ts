/**
 * A graphql-ws message is held to the gateway's request body limit (GATEWAY_MAX_BODY_BYTES), as
 * an HTTP request's body is: a larger one closes the socket (1009, message too big) before
 * anything reads it, instead of being taken in whole (the ws package's own cap is 100 MiB),
 * and before any token is asked for.
 */
import WebSocket from 'ws';
import { startGateway, type RunningGateway } from '@cardweave/gateway';

let gateway: RunningGateway;

beforeAll(async () => {
  // No subgraph is reached: the socket's first message is all this looks at.
  const nowhere = 'http://127.0.0.1:9/graphql';
  gateway = await startGateway({ subgraphUrls: { issuer: nowhere, wallet: nowhere, clearing: nowhere }, logging: false });
});
afterAll(async () => {
  await gateway?.stop();
});

/** Opens a graphql-ws socket, sends `message`, and resolves with how the server answered first. */
function firstAnswer(message: string): Promise<{ closed: number } | { message: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(gateway.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.once('open', () => socket.send(message));
    socket.once('message', (data) => {
      resolve({ message: String(data) });
      socket.close();
    });
    socket.once('close', (code) => resolve({ closed: code }));
    socket.once('error', reject);
  });
}

it('closes a socket whose message is larger than the request body limit', async () => {
  const padding = 'x'.repeat(100 * 1024); // the default limit is 64 KiB
  expect(await firstAnswer(JSON.stringify({ type: 'connection_init', payload: { padding } }))).toEqual({ closed: 1009 });
});

it('acknowledges a connection_init within the limit', async () => {
  const answer = await firstAnswer(JSON.stringify({ type: 'connection_init', payload: {} }));
  expect(answer).toEqual({ message: JSON.stringify({ type: 'connection_ack' }) });
});
