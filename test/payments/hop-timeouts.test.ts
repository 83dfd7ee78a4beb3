/**
 * A payment whose clearing hop hangs is answered by the payment itself, before the gateway's
 * own timeout: PLATFORM_UNAVAILABLE (nothing charged, retry later), never a gateway timeout
 * while the payment goes on behind it. The hop timeouts are the configured defaults (the
 * wallet's below the gateway's). Behind the answer the payment is reversed down the chain:
 * no leg approved anywhere, every reservation given back, and the key answers the same.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { startGateway, type RunningGateway } from '@cardweave/gateway';
import { startWalletSubgraph, type WalletSubgraph } from '@cardweave/wallet-subgraph';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf, books, PAY, type PayResponse } from './payment-support';

jest.setTimeout(120_000);

let system: TestSystem;
let hangingClearing: { url: string; authorizations: number; close(): Promise<void> };
let wallet: WalletSubgraph;
let gateway: RunningGateway;

/** Clearing as the wallet sees it: authorizations never answered, everything else (reversals) passed to the real one. */
async function clearingThatHangs(target: string) {
  const origin = new URL(target);
  const held = new Set<ServerResponse>();
  const state = { authorizations: 0 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/internal/payments/authorize') {
      state.authorizations += 1;
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    const forwarded = httpRequest(
      { host: origin.hostname, port: origin.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.writeHead(502).end());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    get authorizations() {
      return state.authorizations;
    },
    async close() {
      for (const res of held) res.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

beforeAll(async () => {
  system = await startTestSystem({ demoData: false });
  hangingClearing = await clearingThatHangs(system.clearing.url);
  // A wallet whose next hop hangs, with the hop timeout it has by default.
  wallet = await startWalletSubgraph({
    databaseUrl: system.database.url,
    registry: system.registry,
    clock: system.clock,
    host: '127.0.0.1',
    port: 0,
    clearingUrl: hangingClearing.url,
    issuerUrl: system.issuer.url,
  });
  // And a gateway in front of it with its default subgraph timeout.
  gateway = await startGateway({
    keyring: system.keyring,
    subgraphUrls: { issuer: system.issuer.url, wallet: wallet.url, clearing: system.clearing.url },
    logging: false,
  });
});

afterAll(async () => {
  await gateway?.stop();
  await wallet?.stop();
  await hangingClearing?.close();
  await system?.stop();
});

async function payThroughGateway(token: string, input: Record<string, unknown>) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: PAY, variables: { input } }),
  });
  return { status: response.status, ...((await response.json()) as { data?: { pay: PayResponse } | null; errors?: unknown[] }) };
}

async function paymentStatus(paymentId: string): Promise<string> {
  const [row] = (await system.wallet.database.dataSource.query(`SELECT status FROM wallet.payments WHERE id = $1`, [paymentId])) as Array<{
    status: string;
  }>;
  return row.status;
}

it('answers PLATFORM_UNAVAILABLE before the gateway times out, then reverses the payment on every hop', async () => {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const cardId = customer.cardIds[0];
  const bindingId = (await bindingsOf(system, cardId)).find((b) => b.platform === 'wechat-pay')!.id;
  const token = system.token(customer.customerId);
  const before = await books(system, cardId);
  const input = {
    idempotencyKey: `key-${randomUUID()}`,
    bindingId,
    amountFen: 12_34,
    merchantName: '永辉超市',
    merchantCategoryCode: '5411',
  };

  // Refused as bad input before any hop (nothing changes): the gateway has planned the mutation, so the time below is the payment's.
  const warmUp = await payThroughGateway(token, { ...input, idempotencyKey: `key-${randomUUID()}`, amountFen: 0 });
  expect(warmUp.errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT' } }]);
  expect(hangingClearing.authorizations).toBe(0);

  const started = Date.now();
  const answer = await payThroughGateway(token, input);
  const tookMs = Date.now() - started;

  // The payment's own answer, not the gateway's timeout (which would be data: null and SUBGRAPH_UNAVAILABLE).
  expect(hangingClearing.authorizations).toBe(1);
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.pay).toMatchObject({ ok: false, error: { code: 'PLATFORM_UNAVAILABLE', decision: 'RETRY', remedy: 'RETRY_LATER' } });
  const paymentId = answer.data!.pay.payment!.id;
  console.log(`clearing hanging: the payment answered PLATFORM_UNAVAILABLE after ${tookMs} ms`);

  // Answered while the reversal may still be under way: REVERSING, then REVERSED once clearing (and the issuer) confirm.
  expect(['REVERSING', 'REVERSED']).toContain(await paymentStatus(paymentId));
  let status = await paymentStatus(paymentId);
  for (let i = 0; i < 40 && status !== 'REVERSED'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    status = await paymentStatus(paymentId);
  }
  expect(status).toBe('REVERSED');

  // Nothing approved or held anywhere: no credit used, no network or wallet limit taken.
  const after = await books(system, cardId);
  expect(after.openPayments).toBe(0);
  expect(after.creditUsed).toBe(before.creditUsed);
  expect(after.issuerApproved).toBe(before.issuerApproved);
  expect(after.networkApproved).toBe(before.networkApproved);
  expect(after.walletApproved).toBe(before.walletApproved);
  const [walletUsage] = (await system.wallet.database.dataSource.query(
    `SELECT COALESCE(SUM(amount_fen), 0) AS total FROM wallet.limit_usage WHERE scope_key = $1`,
    [cardId],
  )) as Array<{ total: string }>;
  expect(BigInt(walletUsage.total)).toBe(0n);

  // The key's answer is final: the same payment, the same decline, without calling clearing again.
  const retried = await payThroughGateway(token, input);
  expect(retried.data?.pay).toMatchObject({
    ok: false,
    payment: { id: paymentId, status: 'REVERSED' },
    error: { code: 'PLATFORM_UNAVAILABLE' },
  });
  expect(hangingClearing.authorizations).toBe(1);
});
