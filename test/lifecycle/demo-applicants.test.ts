/**
 * The demo data as loaded: every credit line has one card, and the applicants it holds can
 * get a card through the gateway from nothing (apply, start, SMS code, verify, issue), while
 * the ineligible one is declined with its reasons.
 */
import { fetchHttpClient } from '@cardweave/adapter-sdk';
import { JdFinanceSimulator } from '@cardweave/adapter-jd-finance/simulator';
import { fixedClock } from '@cardweave/service-kit';
import { demoApplicantId } from '../../scripts/demo-data/generate-demo-data';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';

const jd = new JdFinanceSimulator(fixedClock(TEST_NOW));
let system: TestSystem;

beforeAll(async () => {
  const real = fetchHttpClient();
  system = await startTestSystem({ demoData: true, now: TEST_NOW, platformHttp: (id) => (id === 'jd-finance' ? jd : real) });
});

afterAll(async () => {
  await system?.stop();
});

async function as(customerId: string, query: string, input: Record<string, unknown>): Promise<any> {
  const answer = (await system.queryAs(system.token(customerId), query, { i: input })) as { data?: Record<string, any>; errors?: unknown };
  expect(answer.errors).toBeUndefined();
  return Object.values(answer.data!)[0];
}

it('gives every credit line of the demo data one card', async () => {
  const db = system.issuer.database.dataSource;
  const shared = await db.query(`SELECT credit_line_id FROM issuer.cards GROUP BY credit_line_id HAVING count(*) > 1`);
  expect(shared).toEqual([]);
  const [{ lines, cards }] = await db.query(
    `SELECT (SELECT count(*)::int FROM issuer.credit_lines) AS lines, (SELECT count(DISTINCT credit_line_id)::int FROM issuer.cards) AS cards`,
  );
  expect(lines).toBeGreaterThan(10);
  expect(cards).toBe(lines);
});

it('lets a demo applicant apply and be issued a card', async () => {
  const customerId = demoApplicantId(1);
  const applied = await as(
    customerId,
    `mutation($i: ApplyForCreditLineInput!) { applyForCreditLine(input: $i) { ok decision { approved limitFen } creditLine { limitFen } } }`,
    { customerId, idempotencyKey: 'demo-apply' },
  );
  expect(applied).toEqual({ ok: true, decision: { approved: true, limitFen: 3_000_000 }, creditLine: { limitFen: 3_000_000 } });
  const started = await as(customerId, `mutation($i: StartCardIssuanceInput!) { startCardIssuance(input: $i) { ok issuance { id } } }`, {
    customerId,
    idempotencyKey: 'demo-start',
  });
  const issuanceId = started.issuance.id;
  const verify = (stepId: string, name: string, value: string) =>
    as(customerId, `mutation($i: VerifyCardIssuanceStepInput!) { verifyCardIssuanceStep(input: $i) { ok } }`, {
      issuanceId,
      stepId,
      fields: [{ name, value }],
      idempotencyKey: `demo-${stepId}`,
    });
  expect(await verify('face', 'faceToken', 'face-token-0001')).toEqual({ ok: true });
  expect(
    await as(customerId, `mutation($i: SendIssuanceSmsCodeInput!) { sendIssuanceSmsCode(input: $i) { ok } }`, {
      issuanceId,
      idempotencyKey: 'demo-sms',
    }),
  ).toEqual({ ok: true });
  expect(await verify('sms', 'smsCode', jd.sentSmsCode(customerId)!)).toEqual({ ok: true });
  expect(await verify('payment-password', 'paymentPassword', '135790')).toEqual({ ok: true });
  const issued = await as(customerId, `mutation($i: IssueCardInput!) { issueCard(input: $i) { ok issuance { status card { status } } } }`, {
    issuanceId,
    idempotencyKey: 'demo-issue',
  });
  expect(issued).toEqual({ ok: true, issuance: { status: 'ISSUED', card: { status: 'ACTIVE' } } });
});

it('declines the ineligible demo applicant with both reasons', async () => {
  const customerId = demoApplicantId(4);
  const declined = await as(
    customerId,
    `mutation($i: ApplyForCreditLineInput!) { applyForCreditLine(input: $i) { ok error { code } decision { approved reasons { rule } } creditLine { id } } }`,
    { customerId, idempotencyKey: 'demo-apply-declined' },
  );
  expect(declined).toEqual({
    ok: false,
    error: { code: 'NOT_ELIGIBLE' },
    decision: { approved: false, reasons: [{ rule: 'REAL_NAME_LEVEL' }, { rule: 'MAX_AGE' }] },
    creditLine: null,
  });
});
