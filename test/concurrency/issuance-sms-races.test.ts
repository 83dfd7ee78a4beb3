/**
 * The limits on credit lines and SMS codes hold when requests race on two replicas of the
 * issuer subgraph over one database: real transactions at once, on the embedded database and
 * on the real PostgreSQL with CARDWEAVE_TEST_DATABASE=postgres. Many sends of a code at the
 * same instant text one; many wrong tries at once reach the platform five times, no more;
 * many applications at once grant one line.
 */
import { randomUUID } from 'node:crypto';
import { fetchHttpClient, loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { JdFinanceSimulator } from '@cardweave/adapter-jd-finance/simulator';
import { ManualClock } from '@cardweave/adapter-testkit';
import { startIssuerSubgraph, type IssuerSubgraph } from '@cardweave/issuer-subgraph';
import { signServiceRequest } from '@cardweave/service-kit';
import { residentIdFor } from '../lifecycle/lifecycle-fixtures';
import { customerIdentity } from '../lifecycle/lifecycle-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

jest.setTimeout(60_000);

const clock = new ManualClock('2028-03-15T02:00:00.000Z');
const jd = new JdFinanceSimulator(clock);
let system: TestSystem;
let second: IssuerSubgraph;
const replicaUrls = () => [system.issuer.url, second.url];

async function onReplica(n: number, customerId: string, query: string, input: Record<string, unknown>): Promise<any> {
  const body = JSON.stringify({ query, variables: { i: input } });
  const headers = signServiceRequest({
    service: 'gateway',
    method: 'POST',
    path: '/graphql',
    body,
    identity: customerIdentity(customerId),
  });
  const response = await fetch(replicaUrls()[n % 2]!, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });
  const answer = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  expect(answer.errors).toBeUndefined();
  return Object.values(answer.data!)[0];
}

const RESULT = `ok error { code platformCode }`;
const APPLY = `mutation($i: ApplyForCreditLineInput!) { applyForCreditLine(input: $i) { ${RESULT} creditLine { id } } }`;
const START = `mutation($i: StartCardIssuanceInput!) { startCardIssuance(input: $i) { ${RESULT} issuance { id } } }`;
const SEND = `mutation($i: SendIssuanceSmsCodeInput!) { sendIssuanceSmsCode(input: $i) { ${RESULT} } }`;
const VERIFY = `mutation($i: VerifyCardIssuanceStepInput!) { verifyCardIssuanceStep(input: $i) { ${RESULT} } }`;

async function newCustomer(): Promise<string> {
  const id = randomUUID();
  await system.issuer.database.dataSource.query(
    `INSERT INTO issuer.customers (id, name, birth_date, real_name_level, status, user_group, resident_id_encrypted, created_at)
     VALUES ($1, '并发申请人', '1990-07-01', 3, 'ACTIVE', 'YOUNG_PROFESSIONAL', $2, '2028-01-05T00:00:00+08:00')`,
    [id, system.vault.encrypt(residentIdFor('1990-07-01'))],
  );
  return id;
}

const count = (answers: any[], platformCode: string | null) =>
  answers.filter((a) => (platformCode === null ? a.ok : a.error?.platformCode === platformCode)).length;
const platformCalls = (path: string) => jd.calls.filter((c) => new URL(c.url).pathname.endsWith(path)).length;

beforeAll(async () => {
  const real = fetchHttpClient();
  const platformHttp = (id: string) => (id === 'jd-finance' ? jd : real);
  system = await startTestSystem({ demoData: false, clock, platformHttp });
  // A second replica of the issuer over the same database, as behind a load balancer.
  second = await startIssuerSubgraph({
    databaseUrl: system.database.url,
    registry: loadAdapterRegistry(),
    clock,
    vault: system.vault,
    platformHttp,
    host: '127.0.0.1',
    port: 0,
  });
});

afterAll(async () => {
  await second?.stop();
  await system?.stop();
});

it('grants one credit line to many applications at once', async () => {
  const customerId = await newCustomer();
  const answers = await Promise.all(
    Array.from({ length: 8 }, (_, n) => onReplica(n, customerId, APPLY, { customerId, idempotencyKey: `race-apply-${n}` })),
  );
  expect(count(answers, null)).toBe(1);
  expect(count(answers, 'CREDIT_LINE_EXISTS')).toBe(7);
  const lines = await system.issuer.database.dataSource.query(`SELECT id FROM issuer.credit_lines WHERE customer_id = $1`, [customerId]);
  expect(lines).toHaveLength(1);
  expect(new Set(answers.map((a) => a.creditLine?.id))).toEqual(new Set([lines[0].id]));
});

describe('an issuance SMS code raced on two replicas', () => {
  let customerId: string;
  let issuanceId: string;

  beforeAll(async () => {
    customerId = await newCustomer();
    expect((await onReplica(0, customerId, APPLY, { customerId, idempotencyKey: 'sms-race-apply' })).ok).toBe(true);
    issuanceId = (await onReplica(1, customerId, START, { customerId, idempotencyKey: 'sms-race-start' })).issuance.id;
    const face = await onReplica(0, customerId, VERIFY, {
      issuanceId,
      stepId: 'face',
      fields: [{ name: 'faceToken', value: 'face-token-0001' }],
      idempotencyKey: 'sms-race-face',
    });
    expect(face.ok).toBe(true);
  });

  it('texts one code for many sends at the same instant', async () => {
    const before = platformCalls('/sms/send');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) => onReplica(n, customerId, SEND, { issuanceId, idempotencyKey: `race-send-${n}` })),
    );
    expect(count(answers, null)).toBe(1);
    expect(count(answers, 'SMS_SEND_TOO_FREQUENT')).toBe(9);
    expect(platformCalls('/sms/send') - before).toBe(1);
    const [row] = await system.issuer.database.dataSource.query(`SELECT sends FROM issuer.issuance_sms_codes WHERE issuance_id = $1`, [
      issuanceId,
    ]);
    expect(row.sends).toBe(1);
  });

  it('lets five wrong tries of many at once reach the platform, and locks the code', async () => {
    const code = jd.sentSmsCode(customerId)!;
    const wrong = code === '111111' ? '222222' : '111111';
    const before = platformCalls('/verify');
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        onReplica(n, customerId, VERIFY, {
          issuanceId,
          stepId: 'sms',
          fields: [{ name: 'smsCode', value: wrong }],
          idempotencyKey: `race-wrong-${n}`,
        }),
      ),
    );
    expect(count(answers, 'SMS_CODE_ERROR')).toBe(5);
    expect(count(answers, 'SMS_CODE_LOCKED')).toBe(7);
    expect(platformCalls('/verify') - before).toBe(5);
    const [row] = await system.issuer.database.dataSource.query(`SELECT attempts FROM issuer.issuance_sms_codes WHERE issuance_id = $1`, [
      issuanceId,
    ]);
    expect(row.attempts).toBe(5);
  });
});
