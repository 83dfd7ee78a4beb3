/**
 * The demo data as loaded: every credit line has one card, and the applicants it holds can
 * get a card through the gateway from nothing (apply, start, SMS code, verify, issue), while
 * the ineligible one is declined with its reasons. The bank holds each demo holder's mobile number,
 * so a demo card binds into WeChat Pay with the four elements.
 */
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import type { JdFinanceSimulator } from '@cardweave/adapter-jd-finance/simulator';
import { fixedClock } from '@cardweave/service-kit';
import { DEMO_APPLICANTS, demoApplicantId, demoMobile } from '../../scripts/demo-data/generate-demo-data';
import { simulatedPlatforms } from '../../scripts/system/simulated-platforms';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';

const registry = loadAdapterRegistry();
// Every platform as `npm start` reaches it: its adapter's simulator.
const platforms = simulatedPlatforms(registry, fixedClock(TEST_NOW));
const jd = platforms.http('jd-finance') as JdFinanceSimulator;
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ demoData: true, now: TEST_NOW, registry, platformHttp: platforms.http });
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

/** Applies for the line and passes every issuance step through the gateway; the issuance as issued. */
async function applyAndIssue(customerId: string, limitFen: number, prefix: string) {
  const applied = await as(
    customerId,
    `mutation($i: ApplyForCreditLineInput!) { applyForCreditLine(input: $i) { ok decision { approved limitFen } creditLine { limitFen } } }`,
    { customerId, idempotencyKey: `${prefix}-apply` },
  );
  expect(applied).toEqual({ ok: true, decision: { approved: true, limitFen }, creditLine: { limitFen } });
  const started = await as(customerId, `mutation($i: StartCardIssuanceInput!) { startCardIssuance(input: $i) { ok issuance { id } } }`, {
    customerId,
    idempotencyKey: `${prefix}-start`,
  });
  const issuanceId = started.issuance.id;
  const verify = (stepId: string, name: string, value: string) =>
    as(customerId, `mutation($i: VerifyCardIssuanceStepInput!) { verifyCardIssuanceStep(input: $i) { ok } }`, {
      issuanceId,
      stepId,
      fields: [{ name, value }],
      idempotencyKey: `${prefix}-${stepId}`,
    });
  expect(await verify('face', 'faceToken', 'face-token-0001')).toEqual({ ok: true });
  expect(
    await as(customerId, `mutation($i: SendIssuanceSmsCodeInput!) { sendIssuanceSmsCode(input: $i) { ok } }`, {
      issuanceId,
      idempotencyKey: `${prefix}-sms`,
    }),
  ).toEqual({ ok: true });
  expect(await verify('sms', 'smsCode', jd.sentSmsCode(customerId)!)).toEqual({ ok: true });
  expect(await verify('payment-password', 'paymentPassword', '135790')).toEqual({ ok: true });
  return as(customerId, `mutation($i: IssueCardInput!) { issueCard(input: $i) { ok issuance { status card { id status } } } }`, {
    issuanceId,
    idempotencyKey: `${prefix}-issue`,
  });
}

it('lets a demo applicant apply and be issued a card', async () => {
  const issued = await applyAndIssue(demoApplicantId(1), 3_000_000, 'demo');
  expect(issued).toMatchObject({ ok: true, issuance: { status: 'ISSUED', card: { status: 'ACTIVE' } } });
});

it("binds a demo applicant's new card into WeChat Pay with the four elements the bank holds", async () => {
  const customerId = demoApplicantId(2);
  const issued = await applyAndIssue(customerId, 5_000_000, 'demo-bind');
  const cardId = issued.issuance.card.id;
  // The number as the holder reads it in the issuer's app, the ID number on their identity card.
  const [card] = await system.issuer.database.dataSource.query(`SELECT pan_encrypted FROM issuer.cards WHERE id = $1`, [cardId]);
  const [holder] = await system.issuer.database.dataSource.query(`SELECT resident_id_encrypted FROM issuer.customers WHERE id = $1`, [
    customerId,
  ]);
  const bound = await as(
    customerId,
    `mutation($i: BindCardInput!) { bindCard(input: $i) { ok error { code } fieldErrors { field } binding { verificationMethod } } }`,
    {
      idempotencyKey: 'demo-bind-wechat',
      cardId,
      walletPlatform: 'wechat-pay',
      fields: [
        { name: 'cardNumber', value: system.vault.decrypt(card.pan_encrypted) },
        { name: 'name', value: DEMO_APPLICANTS[1]!.name },
        { name: 'residentId', value: system.vault.decrypt(holder.resident_id_encrypted) },
        { name: 'mobile', value: demoMobile('applicant', 2) },
      ],
    },
  );
  expect(bound).toEqual({ ok: true, error: null, fieldErrors: [], binding: { verificationMethod: 'FOUR_ELEMENTS' } });
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
