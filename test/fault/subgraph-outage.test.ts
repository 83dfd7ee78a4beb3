/**
 * A real clearing subgraph process, stopped, frozen and restarted under load. The gateway
 * answers with what the issuer and the wallet can give plus an error naming clearing, never a
 * 5xx; it stays live, reports itself not ready, and recovers by itself when clearing is back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { parse } from 'graphql';
import { readRetryPolicy, startGateway, type RunningGateway } from '@cardweave/gateway';
import { demoCustomerId } from '../../scripts/demo-data/random';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../..');
let system: TestSystem;
let gateway: RunningGateway;
let clearing: ChildProcess | undefined;
let clearingPort = 0;
let transactionId = '';
let token = '';
const customerId = demoCustomerId(1);
const TIMEOUT_MS = 1_500;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startClearing(): Promise<ChildProcess> {
  // node with tsx's loader, not the tsx wrapper: a signal must reach the process that serves.
  const child = spawn(
    process.execPath,
    ['--conditions=cardweave-source', '--import', 'tsx', path.join(root, 'subgraphs/clearing/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        CLEARING_DATABASE_URL: system.database.url,
        CLEARING_PORT: String(clearingPort),
        ISSUER_URL: system.issuer.url,
        CARDWEAVE_KEYS: JSON.stringify(system.keys),
        CARDWEAVE_NOW: TEST_NOW,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`clearing did not start:\n${output}`)), 45_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"listening"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`clearing exited (${code}):\n${output}`)));
  });
  child.removeAllListeners('exit');
  return child;
}

async function kill(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGKILL') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

const QUERY = `query($customer: ID!, $tx: ID!) {
  customer(id: $customer) { name creditLine { availableFen } walletAccounts { platform { id } } }
  transaction(id: $tx) { id amountFen }
}`;

interface Answer {
  status: number;
  data?: { customer?: { name: string; walletAccounts: unknown[] } | null; transaction?: { id: string } | null };
  errors?: Array<{ message: string; extensions?: { code?: string; subgraph?: string } }>;
}

async function ask(): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables: { customer: customerId, tx: transactionId } }),
  });
  const answer = { status: response.status, ...((await response.json()) as object) } as Answer;
  (answer as Answer & { ms: number }).ms = Date.now() - started;
  return answer;
}

const complete = (a: Answer) => a.status === 200 && !a.errors && !!a.data?.customer?.name && a.data.transaction?.id === transactionId;
const partial = (a: Answer) =>
  a.status === 200 &&
  !!a.data?.customer?.name &&
  a.data.customer.walletAccounts.length > 0 &&
  a.data.transaction === null &&
  !!a.errors?.some(
    (e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && e.extensions.subgraph === 'clearing' && /clearing/.test(e.message),
  );

/** Queries in a loop from `workers` clients until stopped; every answer is kept. */
function load(workers = 3) {
  const answers: Answer[] = [];
  let running = true;
  const loops = Array.from({ length: workers }, async () => {
    while (running) answers.push(await ask().catch((e: Error) => ({ status: 0, errors: [{ message: e.message }] })));
  });
  return {
    answers,
    async stop() {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

beforeAll(async () => {
  system = await startTestSystem();
  const { data } = await system.query<{ customer: { cards: Array<{ transactions: { edges: Array<{ node: { id: string } }> } }> } }>(
    `query($id: ID!) { customer(id: $id) { cards { transactions(first: 1) { edges { node { id } } } } } }`,
    { id: customerId },
  );
  transactionId = data!.customer.cards.flatMap((c) => c.transactions.edges)[0].node.id;
  token = system.token(customerId);
  clearingPort = await freePort();
  clearing = await startClearing();
  gateway = await startGateway({
    keyring: system.keyring,
    subgraphUrls: { issuer: system.issuer.url, wallet: system.wallet.url, clearing: `http://127.0.0.1:${clearingPort}/graphql` },
    subgraphTimeoutMs: TIMEOUT_MS,
    readRetries: 1,
    logging: false,
  });
});
afterAll(async () => {
  if (clearing && clearing.exitCode === null) clearing.kill('SIGCONT');
  await kill(clearing);
  await gateway?.stop();
  await system?.stop();
});

describe('when a subgraph process goes away', () => {
  it('answers completely while every subgraph is up', async () => {
    expect(complete(await ask())).toBe(true);
  });

  it('gives the data the others can give and names the missing part, under load, and recovers by itself', async () => {
    const traffic = load();
    await new Promise((r) => setTimeout(r, 500));
    await kill(clearing);
    await new Promise((r) => setTimeout(r, 1_500));

    const down = await ask();
    expect(partial(down)).toBe(true);
    const base = new URL(gateway.url);
    expect((await fetch(new URL('/healthz', base))).status).toBe(200);
    const ready = await fetch(new URL('/readyz', base));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'not ready',
      checks: { clearing: 'unreachable', issuer: 'ready', wallet: 'ready' },
    });

    clearing = await startClearing();
    let recovered = false;
    for (let i = 0; i < 40 && !recovered; i++) {
      recovered = complete(await ask());
      if (!recovered) await new Promise((r) => setTimeout(r, 250));
    }
    expect(recovered).toBe(true);
    expect((await fetch(new URL('/readyz', base))).status).toBe(200);

    const answers = await traffic.stop();
    const unexpected = answers.filter((a) => !complete(a) && !partial(a));
    expect(unexpected.map((a) => JSON.stringify(a).slice(0, 300))).toEqual([]);
    expect(answers.some(partial)).toBe(true);
    expect(answers.some(complete)).toBe(true);
    console.log(
      `clearing killed and restarted under load: ${answers.length} answers, ${answers.filter(complete).length} complete, ${answers.filter(partial).length} partial, 0 failed`,
    );
  });

  it('times a frozen subgraph out and names it, and serves again when it thaws', async () => {
    clearing!.kill('SIGSTOP');
    try {
      const frozen = (await ask()) as Answer & { ms: number };
      if (!partial(frozen)) console.log(JSON.stringify(frozen));
      expect(partial(frozen)).toBe(true);
      // One read retry: at most two timeouts and the retry delay, not a hang.
      expect(frozen.ms).toBeLessThan(2 * TIMEOUT_MS + 2_000);
      console.log(`frozen clearing: partial answer after ${frozen.ms} ms (timeout ${TIMEOUT_MS} ms, one read retry)`);
    } finally {
      clearing!.kill('SIGCONT');
    }
    let thawed = false;
    for (let i = 0; i < 40 && !thawed; i++) {
      thawed = complete(await ask());
      if (!thawed) await new Promise((r) => setTimeout(r, 250));
    }
    expect(thawed).toBe(true);
  });

  it('answers a field whose @requires part another subgraph could not give as SUBGRAPH_UNAVAILABLE, never BAD_REQUEST', async () => {
    // A gateway that cannot reach the issuer: clearing's upstreamLimits lacks the issuer's limits,
    // and the wallet's payableNow lacks upstreamLimits. Neither is the client's fault.
    const issuerDown = await startGateway({
      keyring: system.keyring,
      subgraphUrls: { issuer: `http://127.0.0.1:${await freePort()}/graphql`, wallet: system.wallet.url, clearing: system.clearing.url },
      subgraphTimeoutMs: TIMEOUT_MS,
      readRetries: 0,
      logging: false,
    });
    try {
      const response = await fetch(issuerDown.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `query($tx: ID!) { transaction(id: $tx) { id card { id upstreamLimits { id remainingFen } payableNow { id amountFen } } } }`,
          variables: { tx: transactionId },
        }),
      });
      const answer = (await response.json()) as Answer;
      expect(response.status).toBe(200);
      const errors = answer.errors ?? [];
      const at = (field: string) => errors.filter((e) => JSON.stringify((e as { path?: unknown }).path ?? []).includes(`"${field}"`));
      expect(at('upstreamLimits').length).toBeGreaterThan(0);
      expect(at('payableNow').length).toBeGreaterThan(0);
      // Each names the service whose part is missing, not the one that answered.
      expect(at('upstreamLimits').map((e) => e.extensions?.subgraph)).toContain('issuer');
      expect(errors.map((e) => e.extensions?.code).filter((code) => code !== 'SUBGRAPH_UNAVAILABLE')).toEqual([]);
    } finally {
      await issuerDown.stop();
    }
  });

  it('retries reads, never mutations', () => {
    const request = (text: string) => ({ document: parse(text) }) as never;
    expect(readRetryPolicy(1, request('{ __typename }'))).toMatchObject({ maxRetries: 1 });
    expect(readRetryPolicy(1, request('mutation { runStatements { __typename } }'))).toBeUndefined();
    expect(readRetryPolicy(0, request('{ __typename }'))).toBeUndefined();
  });
});
