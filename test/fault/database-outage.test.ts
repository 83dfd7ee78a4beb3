/**
 * The database connections cut under load: every backend of the suite's database on the real
 * PostgreSQL server is terminated (pg_terminate_backend), twice. Requests in flight fail with
 * a clear error, never a 5xx; no service goes down; the pools reconnect by themselves.
 * Runs on the real server in either test mode (skipped only when no server answers).
 */
import { Client } from 'pg';
import { demoCustomerId } from '../../scripts/demo-data/random';
import { startTestSystem, type TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let system: TestSystem | undefined;
let available = false;
const customerId = demoCustomerId(1);

beforeAll(async () => {
  const probe = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  available = await probe.connect().then(
    () => true,
    () => false,
  );
  await probe.end().catch(() => undefined);
  if (!available) return;
  const previous = process.env.CARDWEAVE_TEST_DATABASE;
  process.env.CARDWEAVE_TEST_DATABASE = 'postgres';
  try {
    system = await startTestSystem();
  } finally {
    if (previous === undefined) delete process.env.CARDWEAVE_TEST_DATABASE;
    else process.env.CARDWEAVE_TEST_DATABASE = previous;
  }
});
afterAll(() => system?.stop());

const QUERY = `query($id: ID!) { customer(id: $id) { name cards { maskedNumber walletBindings { id } transactions(first: 2) { edges { node { id } } } } } }`;

async function terminateBackends(): Promise<number> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const database = new URL(system!.database.url).pathname.slice(1);
    const rows = await admin.query(
      `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [database],
    );
    return rows.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

it('survives its database connections being cut under load, and recovers by itself', async () => {
  if (!available) {
    console.warn('no PostgreSQL server at TEST_POSTGRES_URL: database fault test skipped');
    return;
  }
  const token = system!.token(customerId);
  const answers: Array<{ status: number; ok: boolean; codes: string[] }> = [];
  let running = true;
  const ask = async () => {
    const response = await fetch(system!.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY, variables: { id: customerId } }),
    });
    const body = (await response.json()) as { data?: { customer?: { name?: string } }; errors?: Array<{ extensions?: { code?: string } }> };
    const ok = !body.errors && !!body.data?.customer?.name;
    if (!ok && process.env.CARDWEAVE_TEST_LOGS) console.log(response.status, JSON.stringify(body).slice(0, 400));
    return {
      status: response.status,
      ok,
      codes: (body.errors ?? [{ extensions: { code: 'NONE' } }]).map((e) => e.extensions?.code ?? 'NONE'),
    };
  };
  const workers = Array.from({ length: 3 }, async () => {
    while (running) answers.push(await ask().catch((e: Error) => ({ status: 0, ok: false, codes: [e.message] })));
  });

  await new Promise((r) => setTimeout(r, 500));
  const first = await terminateBackends();
  await new Promise((r) => setTimeout(r, 700));
  const second = await terminateBackends();
  let recovered = false;
  for (let i = 0; i < 40 && !recovered; i++) {
    await new Promise((r) => setTimeout(r, 250));
    recovered = (await ask()).ok;
  }
  running = false;
  await Promise.all(workers);

  expect(first + second).toBeGreaterThan(0);
  expect(recovered).toBe(true);
  const failed = answers.filter((a) => !a.ok);
  expect(answers.filter((a) => a.status >= 500 || a.status === 0)).toEqual([]);
  for (const a of failed) expect(a.codes.every((c) => c !== 'NONE')).toBe(true);
  for (const name of ['issuer', 'wallet', 'clearing'] as const) {
    expect((await fetch(new URL('/readyz', system![name].url))).status).toBe(200);
  }
  expect((await fetch(new URL('/readyz', system!.gateway.url))).status).toBe(200);
  console.log(
    `database connections cut twice (${first} + ${second} backends) under load: ${answers.length} answers, ${answers.length - failed.length} complete, ` +
      `${failed.length} with an error (${[...new Set(failed.flatMap((a) => a.codes))].join(', ') || 'none'}), 0 with a 5xx`,
  );
});
