/**
 * Upgrading a credit line to a virtual card: eligibility, the issuer's verification steps
 * (face, SMS code, payment password) through the JD Finance adapter and its simulator with
 * its failure modes, then a card number in the adapter's BIN range with a valid check
 * digit, stored encrypted and only ever shown masked. Every step is idempotent by key.
 */
import { fetchHttpClient, luhnValid } from '@cardweave/adapter-sdk';
import { JdFinanceSimulator } from '@cardweave/adapter-jd-finance/simulator';
import { fixedClock } from '@cardweave/service-kit';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { actAs, customerIdentity } from './lifecycle-client';
import { insertLifecycleCustomer, type LifecycleCustomer } from './lifecycle-fixtures';

const NOW = '2028-03-15T02:00:00.000Z';
const jd = new JdFinanceSimulator(fixedClock(NOW));
let system: TestSystem;
let customer: LifecycleCustomer;

const RESULT = `ok error { code platform platformCode decision remedy field } fieldErrors { code field platformCode }
  issuance { id status failedAttempts steps { id kind passed fields { name kind secret } } nextStep { id } card { id maskedNumber bin last4 status expiry } }
  eligibility { eligible reasons { rule } }`;
const as = () => customerIdentity(customer.customerId);
const start = (key: string, customerId = customer.customerId) =>
  actAs(
    system,
    'issuer',
    customerIdentity(customerId),
    `mutation($i: StartCardIssuanceInput!) { startCardIssuance(input: $i) { ${RESULT} } }`,
    {
      i: { customerId, idempotencyKey: key },
    },
  );
const verify = (issuanceId: string, stepId: string, fields: Record<string, string>, key: string) =>
  actAs(system, 'issuer', as(), `mutation($i: VerifyCardIssuanceStepInput!) { verifyCardIssuanceStep(input: $i) { ${RESULT} } }`, {
    i: { issuanceId, stepId, fields: Object.entries(fields).map(([name, value]) => ({ name, value })), idempotencyKey: key },
  });
const issue = (issuanceId: string, key: string) =>
  actAs(system, 'issuer', as(), `mutation($i: IssueCardInput!) { issueCard(input: $i) { ${RESULT} } }`, {
    i: { issuanceId, idempotencyKey: key },
  });

beforeAll(async () => {
  const real = fetchHttpClient();
  system = await startTestSystem({ demoData: false, now: NOW, platformHttp: (id) => (id === 'jd-finance' ? jd : real) });
  customer = await insertLifecycleCustomer(system, { createdAt: '2028-01-05T00:00:00+08:00', card: false });
});

afterAll(async () => {
  await system?.stop();
});

describe('card issuance', () => {
  let issuanceId: string;

  it('starts for an eligible customer with the issuer adapter steps, and replays for the same key', async () => {
    const { data, errors } = await start('issue-start-1');
    expect(errors).toBeUndefined();
    const r = data!.startCardIssuance;
    expect(r).toMatchObject({
      ok: true,
      error: null,
      eligibility: { eligible: true, reasons: [] },
      issuance: { status: 'VERIFYING', failedAttempts: 0, nextStep: { id: 'face' }, card: null },
    });
    expect(r.issuance.steps.map((s: any) => [s.id, s.kind, s.passed])).toEqual([
      ['face', 'FACE_RECOGNITION', false],
      ['sms', 'SMS_CODE', false],
      ['payment-password', 'PAYMENT_PASSWORD', false],
    ]);
    expect(r.issuance.steps[1].fields).toEqual([{ name: 'smsCode', kind: 'SMS_CODE', secret: true }]);
    issuanceId = r.issuance.id;
    expect((await start('issue-start-1')).data!.startCardIssuance.issuance.id).toBe(issuanceId);
  });

  it('keeps the steps in order and issues nothing before they all pass', async () => {
    const early = await verify(issuanceId, 'sms', { smsCode: '123456' }, 'issue-sms-early');
    expect(early.data!.verifyCardIssuanceStep).toMatchObject({ ok: false, error: { code: 'INVALID_FORMAT', field: 'stepId' } });
    const tooSoon = await issue(issuanceId, 'issue-card-early');
    expect(tooSoon.data!.issueCard).toMatchObject({
      ok: false,
      error: { code: 'VERIFICATION_FAILED', remedy: 'REVERIFY_IDENTITY' },
      issuance: { card: null },
    });
  });

  it('returns the provider refusal as data, in the canonical language', async () => {
    jd.failNext({ kind: 'PLATFORM_ERROR', platformCode: 'FACE_NOT_MATCHED', platformMessage: '人脸识别未通过' });
    const { data } = await verify(issuanceId, 'face', { faceToken: 'face-token-0001' }, 'issue-face-1');
    expect(data!.verifyCardIssuanceStep).toMatchObject({
      ok: false,
      error: {
        code: 'VERIFICATION_FAILED',
        platform: 'jd-finance',
        platformCode: 'FACE_NOT_MATCHED',
        decision: 'USER_ACTION',
        remedy: 'REVERIFY_IDENTITY',
      },
      issuance: { failedAttempts: 1, nextStep: { id: 'face' } },
    });
    // Replaying that key gives the same refusal and asks the provider nothing.
    const calls = jd.calls.length;
    expect(
      (await verify(issuanceId, 'face', { faceToken: 'face-token-0001' }, 'issue-face-1')).data!.verifyCardIssuanceStep.error.platformCode,
    ).toBe('FACE_NOT_MATCHED');
    expect(jd.calls.length).toBe(calls);
  });

  it('passes a step with a new attempt', async () => {
    const { data } = await verify(issuanceId, 'face', { faceToken: 'face-token-0002' }, 'issue-face-2');
    expect(data!.verifyCardIssuanceStep).toMatchObject({ ok: true, issuance: { status: 'VERIFYING', nextStep: { id: 'sms' } } });
  });

  it('texts the SMS code on request, never answering it', async () => {
    const { data } = await actAs(
      system,
      'issuer',
      as(),
      `mutation($i: SendIssuanceSmsCodeInput!) { sendIssuanceSmsCode(input: $i) { ok error { code } sendsLeft issuance { id } } }`,
      { i: { issuanceId, idempotencyKey: 'issue-sms-send-1' } },
    );
    expect(data!.sendIssuanceSmsCode).toMatchObject({ ok: true, error: null, sendsLeft: 4, issuance: { id: issuanceId } });
    expect(JSON.stringify(data)).not.toContain(jd.sentSmsCode(customer.customerId)!);
  });

  it('refuses malformed input before any provider call, naming the field', async () => {
    const calls = jd.calls.length;
    const { data } = await verify(issuanceId, 'sms', { smsCode: '12' }, 'issue-sms-bad');
    expect(data!.verifyCardIssuanceStep).toMatchObject({
      ok: false,
      error: { code: 'INVALID_FORMAT', remedy: 'CORRECT_INPUT' },
      fieldErrors: [{ code: 'INVALID_FORMAT', field: 'smsCode' }],
    });
    expect(jd.calls.length).toBe(calls);
  });

  it('lets a transient refusal be retried with the same key', async () => {
    jd.failNext({ kind: 'PLATFORM_ERROR', platformCode: 'SYSTEM_BUSY', platformMessage: '系统繁忙' });
    const code = jd.sentSmsCode(customer.customerId)!;
    const busy = await verify(issuanceId, 'sms', { smsCode: code }, 'issue-sms-1');
    expect(busy.data!.verifyCardIssuanceStep).toMatchObject({
      ok: false,
      error: { code: 'SYSTEM_BUSY', decision: 'RETRY', remedy: 'RETRY_LATER' },
    });
    const retried = await verify(issuanceId, 'sms', { smsCode: code }, 'issue-sms-1');
    expect(retried.data!.verifyCardIssuanceStep).toMatchObject({ ok: true, issuance: { nextStep: { id: 'payment-password' } } });
  });

  it('fails as a GraphQL error when the provider cannot be reached', async () => {
    jd.failNext({ kind: 'UNREACHABLE' });
    const { errors } = await verify(issuanceId, 'payment-password', { paymentPassword: '135790' }, 'issue-pwd-1');
    expect(errors?.[0]?.extensions?.code).toBe('PLATFORM_UNAVAILABLE');
  });

  it('issues one card in the BIN range with a valid check digit, encrypted at rest and shown masked', async () => {
    const verified = await verify(issuanceId, 'payment-password', { paymentPassword: '135790' }, 'issue-pwd-1');
    expect(verified.data!.verifyCardIssuanceStep).toMatchObject({ ok: true, issuance: { status: 'VERIFIED', nextStep: null } });
    const { data, errors } = await issue(issuanceId, 'issue-card-1');
    expect(errors).toBeUndefined();
    const card = data!.issueCard.issuance.card;
    expect(data!.issueCard).toMatchObject({ ok: true, issuance: { status: 'ISSUED' } });
    expect(card).toMatchObject({ status: 'ACTIVE', expiry: '03/33' });
    expect(Number(card.bin)).toBeGreaterThanOrEqual(625350);
    expect(Number(card.bin)).toBeLessThanOrEqual(625359);
    expect(card.maskedNumber).toBe(`${card.bin.slice(0, 4)} ${card.bin.slice(4)}•• •••• ${card.last4}`);
    const [row] = await system.issuer.database.dataSource.query(`SELECT pan_encrypted FROM issuer.cards WHERE id = $1`, [card.id]);
    expect(row.pan_encrypted).not.toMatch(/\d{16}/);
    const pan = system.vault.decrypt(row.pan_encrypted);
    expect(pan).toMatch(/^\d{16}$/);
    expect(pan.startsWith(card.bin) && pan.endsWith(card.last4)).toBe(true);
    expect(luhnValid(pan)).toBe(true);
    expect(JSON.stringify(data)).not.toContain(pan);

    // Same key: the same answer; another key: still the one card.
    expect((await issue(issuanceId, 'issue-card-1')).data!.issueCard.issuance.card.id).toBe(card.id);
    expect((await issue(issuanceId, 'issue-card-2')).data!.issueCard.issuance.card.id).toBe(card.id);
    const [{ n }] = await system.issuer.database.dataSource.query(`SELECT count(*)::int AS n FROM issuer.cards WHERE customer_id = $1`, [
      customer.customerId,
    ]);
    expect(n).toBe(1);
    // The new card is in the unified view at once.
    const view = await system.query<{ customer: any }>(
      `query($id: ID!) { customer(id: $id) { cards { id issuerLimit { blockedCode remainingFen } } } }`,
      { id: customer.customerId },
    );
    expect(view.data!.customer.cards).toEqual([{ id: card.id, issuerLimit: { blockedCode: null, remainingFen: 5_000_000 } }]);
  });

  it('refuses a second card for the same credit line, and another customer acting on this issuance', async () => {
    expect((await start('issue-start-2')).data!.startCardIssuance).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE_REQUEST', platformCode: 'CARD_ALREADY_ISSUED' },
    });
    const stranger = await actAs(
      system,
      'issuer',
      customerIdentity('00000000-0000-4000-8000-00000000abcd'),
      `query($id: ID!) { cardIssuance(id: $id) { id } }`,
      { id: issuanceId },
    );
    // Read as absent, exactly as an id that names no issuance.
    expect(stranger).toEqual({ data: { cardIssuance: null } });
  });

  it('refuses to start for a frozen customer, with every reason', async () => {
    const frozen = await insertLifecycleCustomer(system, {
      createdAt: '2028-01-05T00:00:00+08:00',
      card: false,
      status: 'FROZEN',
      realNameLevel: 2,
    });
    const { data } = await start('issue-start-frozen', frozen.customerId);
    expect(data!.startCardIssuance).toMatchObject({
      ok: false,
      error: { code: 'NOT_ELIGIBLE', remedy: 'RAISE_REAL_NAME_LEVEL' },
      issuance: null,
      eligibility: { eligible: false, reasons: [{ rule: 'REAL_NAME_LEVEL' }, { rule: 'ACCOUNT_FROZEN' }] },
    });
  });
});
