/**
 * Getting a card from nothing, through the gateway: a customer with no credit line applies
 * (Baitiao activation), the issuer decides by its adapter's eligibility rules and credit
 * policy, then the approved line is upgraded to a virtual card with the SMS code sent by the
 * issuer platform (JD Finance's simulator here). The code is never in an answer; sends are
 * limited (one a minute, five per issuance), a code expires after five minutes and locks
 * after five wrong tries. The clock is moved by hand.
 */
import { randomUUID } from 'node:crypto';
import { fetchHttpClient } from '@cardweave/adapter-sdk';
import { JdFinanceSimulator } from '@cardweave/adapter-jd-finance/simulator';
import { ManualClock } from '@cardweave/adapter-testkit';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { residentIdFor } from './lifecycle-fixtures';

const NOW = '2028-03-15T02:00:00.000Z';
const clock = new ManualClock(NOW);
const jd = new JdFinanceSimulator(clock);
let system: TestSystem;

type Group = 'YOUNG_PROFESSIONAL' | 'SMALL_BUSINESS_OWNER' | 'STUDENT';

/** A customer with no credit line yet. */
async function newCustomer(shape: { birthDate: string; group?: Group; realNameLevel?: number; status?: 'ACTIVE' | 'FROZEN' }) {
  const id = randomUUID();
  await system.issuer.database.dataSource.query(
    `INSERT INTO issuer.customers (id, name, birth_date, real_name_level, status, user_group, resident_id_encrypted, mobile_encrypted, created_at)
     VALUES ($1, '测试申请人', $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      shape.birthDate,
      shape.realNameLevel ?? 3,
      shape.status ?? 'ACTIVE',
      shape.group ?? 'YOUNG_PROFESSIONAL',
      system.vault.encrypt(residentIdFor(shape.birthDate)),
      system.vault.encrypt('13800138000'),
      '2028-01-05T00:00:00+08:00',
    ],
  );
  return id;
}

const ERROR = `code platform platformCode decision remedy field retryAfterSeconds message { zhCN en }`;
const APPLY = `mutation($i: ApplyForCreditLineInput!) { applyForCreditLine(input: $i) {
  ok error { ${ERROR} } fieldErrors { code field }
  decision { approved limitFen decidedAt reasons { factor rule amountFen percent error { code remedy } message { zhCN en } } }
  creditLine { id limitFen usedFen availableFen issuer { id } }
  eligibility { eligible age reasons { rule } } } }`;
const ISSUANCE = `issuance { id status failedAttempts nextStep { id } card { id maskedNumber status credit { limitFen availableFen } } }`;
const START = `mutation($i: StartCardIssuanceInput!) { startCardIssuance(input: $i) { ok error { ${ERROR} } ${ISSUANCE} } }`;
const SEND = `mutation($i: SendIssuanceSmsCodeInput!) { sendIssuanceSmsCode(input: $i) { ok error { ${ERROR} } expiresAt nextSendAt sendsLeft ${ISSUANCE} } }`;
const VERIFY = `mutation($i: VerifyCardIssuanceStepInput!) { verifyCardIssuanceStep(input: $i) { ok error { ${ERROR} } fieldErrors { code field } ${ISSUANCE} } }`;
const ISSUE = `mutation($i: IssueCardInput!) { issueCard(input: $i) { ok error { ${ERROR} } ${ISSUANCE} } }`;

async function as<T = any>(
  customerId: string,
  query: string,
  input: Record<string, unknown>,
): Promise<{ data?: T; errors?: any[]; raw: string }> {
  const answer = (await system.queryAs(system.token(customerId), query, { i: input })) as { data?: T; errors?: any[] };
  return { ...answer, raw: JSON.stringify(answer) };
}
const apply = (customerId: string, key: string) => as(customerId, APPLY, { customerId, idempotencyKey: key });
const start = (customerId: string, key: string) => as(customerId, START, { customerId, idempotencyKey: key });
const send = (customerId: string, issuanceId: string, key: string) => as(customerId, SEND, { issuanceId, idempotencyKey: key });
const verify = (customerId: string, issuanceId: string, stepId: string, fields: Record<string, string>, key: string) =>
  as(customerId, VERIFY, {
    issuanceId,
    stepId,
    fields: Object.entries(fields).map(([name, value]) => ({ name, value })),
    idempotencyKey: key,
  });
const issue = (customerId: string, issuanceId: string, key: string) => as(customerId, ISSUE, { issuanceId, idempotencyKey: key });
const wrongCodeThan = (code: string) => (code === '111111' ? '222222' : '111111');
const linesOf = async (customerId: string) =>
  (await system.issuer.database.dataSource.query(`SELECT limit_fen FROM issuer.credit_lines WHERE customer_id = $1`, [
    customerId,
  ])) as Array<{
    limit_fen: string;
  }>;

/** Applies, starts and passes face recognition: the issuance waits for its SMS code. */
async function atSmsStep(prefix: string) {
  const customerId = await newCustomer({ birthDate: '1990-07-01' });
  expect((await apply(customerId, `${prefix}-apply`)).data!.applyForCreditLine.ok).toBe(true);
  const issuanceId = (await start(customerId, `${prefix}-start`)).data!.startCardIssuance.issuance.id as string;
  expect(
    (await verify(customerId, issuanceId, 'face', { faceToken: 'face-token-0001' }, `${prefix}-face`)).data!.verifyCardIssuanceStep.ok,
  ).toBe(true);
  return { customerId, issuanceId };
}

beforeAll(async () => {
  const real = fetchHttpClient();
  system = await startTestSystem({ demoData: false, clock, platformHttp: (id) => (id === 'jd-finance' ? jd : real) });
});

afterAll(async () => {
  await system?.stop();
});

describe('a customer with no credit line gets a card', () => {
  it('applies, is approved with the line and its reasons, starts, gets the SMS code, verifies and is issued the card', async () => {
    clock.set(NOW);
    const customerId = await newCustomer({ birthDate: '1995-05-05', group: 'YOUNG_PROFESSIONAL' });

    const applied = await apply(customerId, 'journey-apply-1');
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.applyForCreditLine).toMatchObject({
      ok: true,
      error: null,
      fieldErrors: [],
      eligibility: { eligible: true, age: 32, reasons: [] },
      decision: {
        approved: true,
        limitFen: 3_000_000,
        decidedAt: NOW,
        reasons: [
          { factor: 'BASE_LINE', amountFen: 3_000_000, error: null },
          { factor: 'AGE_BAND', amountFen: 3_000_000, percent: 100, error: null },
        ],
      },
      creditLine: { limitFen: 3_000_000, usedFen: 0, availableFen: 3_000_000, issuer: { id: 'jd-finance' } },
    });
    expect(applied.data!.applyForCreditLine.decision.reasons[0].message.en).toBe("The base line of the customer's user group: 30,000 CNY");

    // The same key: the same answer, one line.
    const again = await apply(customerId, 'journey-apply-1');
    expect(again.data!.applyForCreditLine).toEqual(applied.data!.applyForCreditLine);
    // Another key: one line per customer.
    expect((await apply(customerId, 'journey-apply-2')).data!.applyForCreditLine).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE_REQUEST', platformCode: 'CREDIT_LINE_EXISTS', remedy: 'NONE' },
      decision: null,
      creditLine: { id: applied.data!.applyForCreditLine.creditLine.id },
    });
    expect(await linesOf(customerId)).toEqual([{ limit_fen: '3000000' }]);

    const started = await start(customerId, 'journey-start');
    expect(started.data!.startCardIssuance).toMatchObject({ ok: true, issuance: { status: 'VERIFYING', nextStep: { id: 'face' } } });
    const issuanceId = started.data!.startCardIssuance.issuance.id as string;

    // The SMS code goes out only once its step is next.
    expect((await send(customerId, issuanceId, 'journey-sms-early')).data!.sendIssuanceSmsCode).toMatchObject({
      ok: false,
      error: { code: 'INVALID_FORMAT', field: 'issuanceId' },
    });
    expect(
      (await verify(customerId, issuanceId, 'face', { faceToken: 'face-token-0001' }, 'journey-face')).data!.verifyCardIssuanceStep,
    ).toMatchObject({ ok: true, issuance: { nextStep: { id: 'sms' } } });
    // No code asked for yet: the step cannot pass, and the platform is not asked.
    const calls = jd.calls.length;
    expect(
      (await verify(customerId, issuanceId, 'sms', { smsCode: '123456' }, 'journey-sms-unsent')).data!.verifyCardIssuanceStep,
    ).toMatchObject({
      ok: false,
      error: { code: 'VERIFICATION_FAILED', platformCode: 'SMS_CODE_NOT_SENT', remedy: 'REVERIFY_IDENTITY', field: 'smsCode' },
    });
    expect(jd.calls.length).toBe(calls);

    const sent = await send(customerId, issuanceId, 'journey-sms-1');
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendIssuanceSmsCode).toMatchObject({
      ok: true,
      error: null,
      expiresAt: '2028-03-15T02:05:00.000Z',
      nextSendAt: '2028-03-15T02:01:00.000Z',
      sendsLeft: 4,
      issuance: { id: issuanceId, nextStep: { id: 'sms' } },
    });
    const code = jd.sentSmsCode(customerId)!;
    expect(code).toMatch(/^\d{6}$/);
    // The code is in no answer.
    expect(sent.raw).not.toContain(code);
    // The same key sends nothing again.
    const sends = jd.calls.filter((c) => c.url.endsWith('/sms/send')).length;
    expect((await send(customerId, issuanceId, 'journey-sms-1')).data!.sendIssuanceSmsCode).toEqual(sent.data!.sendIssuanceSmsCode);
    expect(jd.calls.filter((c) => c.url.endsWith('/sms/send')).length).toBe(sends);

    const verified = await verify(customerId, issuanceId, 'sms', { smsCode: code }, 'journey-sms-verify');
    expect(verified.data!.verifyCardIssuanceStep).toMatchObject({ ok: true, issuance: { nextStep: { id: 'payment-password' } } });
    expect(verified.raw).not.toContain(code);
    expect(
      (await verify(customerId, issuanceId, 'payment-password', { paymentPassword: '135790' }, 'journey-pwd')).data!.verifyCardIssuanceStep,
    ).toMatchObject({ ok: true, issuance: { status: 'VERIFIED' } });

    const issued = await issue(customerId, issuanceId, 'journey-issue');
    expect(issued.errors).toBeUndefined();
    expect(issued.data!.issueCard).toMatchObject({
      ok: true,
      issuance: { status: 'ISSUED', card: { status: 'ACTIVE', credit: { limitFen: 3_000_000, availableFen: 3_000_000 } } },
    });
    // One card for the line: a second issuance is refused.
    expect((await start(customerId, 'journey-start-2')).data!.startCardIssuance.error).toMatchObject({
      platformCode: 'CARD_ALREADY_ISSUED',
    });
  });

  it('sizes the line from the customer facts by the adapter policy: a student of 20 gets half of 5,000 CNY', async () => {
    clock.set(NOW);
    const customerId = await newCustomer({ birthDate: '2007-06-01', group: 'STUDENT' });
    expect((await apply(customerId, 'student-apply')).data!.applyForCreditLine).toMatchObject({
      ok: true,
      decision: {
        approved: true,
        limitFen: 250_000,
        reasons: [
          { factor: 'BASE_LINE', amountFen: 500_000 },
          { factor: 'AGE_BAND', amountFen: 250_000, percent: 50 },
        ],
      },
      creditLine: { limitFen: 250_000 },
    });
  });

  it('declines an ineligible customer with every reason, grants nothing, and answers the same again', async () => {
    clock.set(NOW);
    const customerId = await newCustomer({ birthDate: '1968-02-01', realNameLevel: 2, group: 'SMALL_BUSINESS_OWNER' });
    const declined = await apply(customerId, 'declined-apply-1');
    expect(declined.errors).toBeUndefined();
    expect(declined.data!.applyForCreditLine).toMatchObject({
      ok: false,
      error: { code: 'NOT_ELIGIBLE', remedy: 'RAISE_REAL_NAME_LEVEL' },
      creditLine: null,
      eligibility: { eligible: false, age: 60 },
      decision: {
        approved: false,
        limitFen: 0,
        reasons: [
          { factor: 'ELIGIBILITY', rule: 'REAL_NAME_LEVEL', error: { code: 'NOT_ELIGIBLE', remedy: 'RAISE_REAL_NAME_LEVEL' } },
          { factor: 'ELIGIBILITY', rule: 'MAX_AGE', error: { code: 'NOT_ELIGIBLE' } },
        ],
      },
    });
    expect(await linesOf(customerId)).toEqual([]);
    // A new key is assessed again from the same facts: the same decision.
    expect((await apply(customerId, 'declined-apply-2')).data!.applyForCreditLine.decision.reasons).toEqual(
      declined.data!.applyForCreditLine.decision.reasons,
    );
    // And no issuance can start without a line.
    expect((await start(customerId, 'declined-start')).data!.startCardIssuance.ok).toBe(false);
  });

  it('refuses bad input field by field and changes nothing; another customer is not found', async () => {
    clock.set(NOW);
    const customerId = await newCustomer({ birthDate: '1995-05-05' });
    expect((await apply(customerId, '')).data!.applyForCreditLine).toMatchObject({
      ok: false,
      error: { code: 'INVALID_FORMAT', field: 'idempotencyKey', remedy: 'CORRECT_INPUT' },
      fieldErrors: [{ code: 'INVALID_FORMAT', field: 'idempotencyKey' }],
      decision: null,
      creditLine: null,
    });
    const other = await newCustomer({ birthDate: '1995-05-05' });
    const stranger = await as(customerId, APPLY, { customerId: other, idempotencyKey: 'stranger-apply' });
    expect(stranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await linesOf(customerId)).toEqual([]);
    expect(await linesOf(other)).toEqual([]);
  });
});

describe('the SMS code of an issuance', () => {
  it('is sent at most once a minute and five times per issuance', async () => {
    clock.set(NOW);
    const { customerId, issuanceId } = await atSmsStep('limits');
    expect((await send(customerId, issuanceId, 'limits-sms-1')).data!.sendIssuanceSmsCode).toMatchObject({ ok: true, sendsLeft: 4 });
    clock.advance(30_000);
    expect((await send(customerId, issuanceId, 'limits-sms-2')).data!.sendIssuanceSmsCode).toMatchObject({
      ok: false,
      error: {
        code: 'FREQUENCY_LIMITED',
        platformCode: 'SMS_SEND_TOO_FREQUENT',
        decision: 'RETRY',
        remedy: 'RETRY_LATER',
        retryAfterSeconds: 30,
      },
      nextSendAt: '2028-03-15T02:01:00.000Z',
      sendsLeft: 4,
    });
    for (let n = 3; n <= 6; n += 1) {
      clock.advance(60_000);
      const again = await send(customerId, issuanceId, `limits-sms-${n}`);
      expect(again.data!.sendIssuanceSmsCode).toMatchObject({ ok: true, sendsLeft: 6 - n });
    }
    clock.advance(60_000);
    const sends = jd.calls.filter((c) => c.url.endsWith('/sms/send')).length;
    expect((await send(customerId, issuanceId, 'limits-sms-7')).data!.sendIssuanceSmsCode).toMatchObject({
      ok: false,
      error: { code: 'FREQUENCY_LIMITED', platformCode: 'SMS_SEND_LIMIT_REACHED', decision: 'USER_ACTION' },
      nextSendAt: null,
      sendsLeft: 0,
    });
    expect(jd.calls.filter((c) => c.url.endsWith('/sms/send')).length).toBe(sends);
  });

  it('gives a send back when the platform cannot be reached: the same key sends at once when retried', async () => {
    clock.set(NOW);
    const { customerId, issuanceId } = await atSmsStep('unreachable');
    jd.failNext({ kind: 'UNREACHABLE' });
    const failed = await send(customerId, issuanceId, 'unreachable-sms-1');
    expect(failed.errors?.[0]?.extensions?.code).toBe('PLATFORM_UNAVAILABLE');
    expect(jd.sentSmsCode(customerId)).toBeUndefined();
    expect((await send(customerId, issuanceId, 'unreachable-sms-1')).data!.sendIssuanceSmsCode).toMatchObject({ ok: true, sendsLeft: 4 });
    expect(jd.sentSmsCode(customerId)).toMatch(/^\d{6}$/);
  });

  it('expires five minutes after it is sent; a new one passes', async () => {
    clock.set(NOW);
    const { customerId, issuanceId } = await atSmsStep('expiry');
    await send(customerId, issuanceId, 'expiry-sms-1');
    const code = jd.sentSmsCode(customerId)!;
    clock.advance(300_000);
    const calls = jd.calls.length;
    expect((await verify(customerId, issuanceId, 'sms', { smsCode: code }, 'expiry-verify-1')).data!.verifyCardIssuanceStep).toMatchObject({
      ok: false,
      error: { code: 'VERIFICATION_FAILED', platformCode: 'SMS_CODE_EXPIRED', remedy: 'REVERIFY_IDENTITY', field: 'smsCode' },
      issuance: { nextStep: { id: 'sms' } },
    });
    expect(jd.calls.length).toBe(calls);
    expect((await send(customerId, issuanceId, 'expiry-sms-2')).data!.sendIssuanceSmsCode.ok).toBe(true);
    const fresh = jd.sentSmsCode(customerId)!;
    clock.advance(299_000);
    expect((await verify(customerId, issuanceId, 'sms', { smsCode: fresh }, 'expiry-verify-2')).data!.verifyCardIssuanceStep).toMatchObject(
      {
        ok: true,
        issuance: { nextStep: { id: 'payment-password' } },
      },
    );
  });

  it('locks after five wrong tries, counting a retry of one key once; a new code unlocks', async () => {
    clock.set(NOW);
    const { customerId, issuanceId } = await atSmsStep('lock');
    await send(customerId, issuanceId, 'lock-sms-1');
    const code = jd.sentSmsCode(customerId)!;
    const wrong = wrongCodeThan(code);
    for (let n = 1; n <= 5; n += 1) {
      const tried = await verify(customerId, issuanceId, 'sms', { smsCode: wrong }, `lock-wrong-${n}`);
      expect(tried.data!.verifyCardIssuanceStep).toMatchObject({
        ok: false,
        error: { platformCode: 'SMS_CODE_ERROR', code: 'VERIFICATION_FAILED' },
      });
      // The same key again is the same try, not another.
      if (n === 1)
        expect((await verify(customerId, issuanceId, 'sms', { smsCode: wrong }, 'lock-wrong-1')).data!.verifyCardIssuanceStep.ok).toBe(
          false,
        );
    }
    const calls = jd.calls.length;
    // Even the right code no longer passes, and the platform is not asked.
    expect((await verify(customerId, issuanceId, 'sms', { smsCode: code }, 'lock-right')).data!.verifyCardIssuanceStep).toMatchObject({
      ok: false,
      error: { code: 'VERIFICATION_FAILED', platformCode: 'SMS_CODE_LOCKED', remedy: 'REVERIFY_IDENTITY' },
    });
    expect(jd.calls.length).toBe(calls);
    clock.advance(60_000);
    expect((await send(customerId, issuanceId, 'lock-sms-2')).data!.sendIssuanceSmsCode.ok).toBe(true);
    expect(
      (await verify(customerId, issuanceId, 'sms', { smsCode: jd.sentSmsCode(customerId)! }, 'lock-right-2')).data!.verifyCardIssuanceStep,
    ).toMatchObject({ ok: true });
  });
});
