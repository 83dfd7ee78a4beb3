/**
 * Idempotency keys belong to a customer and an operation: another customer's key, however
 * alike, is never refused as reused, never answered with the other customer's result and
 * tells nothing about whether it was used. The issuer's mutations (repay, card issuance and
 * its verification step, which also stores the provider's answer per key) are driven by two
 * customers with one key, one after the other and at once — on the embedded database by
 * default and on the real PostgreSQL with CARDWEAVE_TEST_DATABASE=postgres.
 */
import { fetchHttpClient } from '@cardweave/adapter-sdk';
import { JdFinanceSimulator } from '@cardweave/adapter-jd-finance/simulator';
import { fixedClock } from '@cardweave/service-kit';
import { runStatementJob } from '@cardweave/issuer-subgraph';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { actAs, customerIdentity, operator } from '../lifecycle/lifecycle-client';
import { insertLifecycleCustomer, postPurchase, shanghai, type LifecycleCustomer } from '../lifecycle/lifecycle-fixtures';

jest.setTimeout(120_000);

const NOW = '2028-03-15T02:00:00.000Z';
const jd = new JdFinanceSimulator(fixedClock(NOW));
let system: TestSystem;

const REPAY = `mutation($input: RepayInput!) { repay(input: $input) { ok error { code } repayment { id amountFen } } }`;
const ISSUANCE = `ok error { code } issuance { id failedAttempts nextStep { id } }`;
const START = `mutation($i: StartCardIssuanceInput!) { startCardIssuance(input: $i) { ${ISSUANCE} } }`;
const VERIFY = `mutation($i: VerifyCardIssuanceStepInput!) { verifyCardIssuanceStep(input: $i) { ${ISSUANCE} } }`;
const FREEZE = `mutation($i: CustomerStatusInput!) { freezeCustomer(input: $i) { ok error { code } } }`;

type Repaid = { repay: { ok: boolean; error: { code: string } | null; repayment: { id: string; amountFen: number } | null } };
type Issuance = {
  ok: boolean;
  error: { code: string } | null;
  issuance: { id: string; failedAttempts: number; nextStep: { id: string } | null };
};

const repay = (who: LifecycleCustomer, amountFen: number, idempotencyKey: string) =>
  actAs<Repaid>(system, 'issuer', customerIdentity(who.customerId), REPAY, {
    input: { customerId: who.customerId, amountFen, idempotencyKey },
  });
const start = (who: LifecycleCustomer, idempotencyKey: string) =>
  actAs<{ startCardIssuance: Issuance }>(system, 'issuer', customerIdentity(who.customerId), START, {
    i: { customerId: who.customerId, idempotencyKey },
  });
const verifyFace = (who: LifecycleCustomer, issuanceId: string, faceToken: string, idempotencyKey: string) =>
  actAs<{ verifyCardIssuanceStep: Issuance }>(system, 'issuer', customerIdentity(who.customerId), VERIFY, {
    i: { issuanceId, stepId: 'face', fields: [{ name: 'faceToken', value: faceToken }], idempotencyKey },
  });

/** A customer with two bills owed, so a small repayment succeeds. */
async function owingCustomer(): Promise<LifecycleCustomer> {
  const c = await insertLifecycleCustomer(system, { createdAt: '2028-01-05T00:00:00+08:00' });
  await postPurchase(system, c, 100_000n, '2028-01-10T12:00:00+08:00');
  return c;
}

const repaymentsOf = async (who: LifecycleCustomer): Promise<string[]> =>
  (
    (await system.issuer.database.dataSource.query(`SELECT id FROM issuer.repayments WHERE credit_line_id = $1 ORDER BY id`, [
      who.creditLineId,
    ])) as Array<{ id: string }>
  ).map((r) => r.id);

let a: LifecycleCustomer;
let b: LifecycleCustomer;
let c: LifecycleCustomer;
let d: LifecycleCustomer;

beforeAll(async () => {
  const real = fetchHttpClient();
  system = await startTestSystem({ demoData: false, now: NOW, platformHttp: (id) => (id === 'jd-finance' ? jd : real) });
  [a, b, c, d] = [await owingCustomer(), await owingCustomer(), await owingCustomer(), await owingCustomer()];
  await runStatementJob(system.issuer.database.dataSource, system.registry, shanghai('2028-03-15T10:00:00'));
});

afterAll(async () => {
  await system?.stop();
});

describe('one idempotency key, two customers', () => {
  it('repays for each customer as their own request, and replays each one’s own first result', async () => {
    const first = await repay(a, 1_000, 'shared-repay-key');
    expect(first.errors).toBeUndefined();
    expect(first.data!.repay).toMatchObject({ ok: true, error: null, repayment: { amountFen: 1_000 } });

    const other = await repay(b, 2_000, 'shared-repay-key');
    expect(other.errors).toBeUndefined();
    expect(other.data!.repay).toMatchObject({ ok: true, error: null, repayment: { amountFen: 2_000 } });
    expect(other.data!.repay.repayment!.id).not.toBe(first.data!.repay.repayment!.id);

    const retry = await repay(a, 1_000, 'shared-repay-key');
    expect(retry.data!.repay).toEqual(first.data!.repay);
    expect(await repaymentsOf(a)).toEqual([first.data!.repay.repayment!.id]);
    expect(await repaymentsOf(b)).toEqual([other.data!.repay.repayment!.id]);
  });

  it('keeps one customer’s key on one operation apart from the same key on another operation', async () => {
    const frozen = await actAs<{ freezeCustomer: { ok: boolean; error: unknown } }>(system, 'issuer', operator, FREEZE, {
      i: { customerId: a.customerId, reason: 'manual review', idempotencyKey: 'shared-repay-key' },
    });
    expect(frozen.errors).toBeUndefined();
    expect(frozen.data!.freezeCustomer).toEqual({ ok: true, error: null });
  });

  it('starts and verifies a card issuance for each customer with one key, the provider’s answer kept per customer', async () => {
    const [x, y] = [
      await insertLifecycleCustomer(system, { createdAt: '2028-01-05T00:00:00+08:00', card: false }),
      await insertLifecycleCustomer(system, { createdAt: '2028-01-05T00:00:00+08:00', card: false }),
    ];
    const startedX = (await start(x, 'shared-issuance-key')).data!.startCardIssuance;
    const startedY = (await start(y, 'shared-issuance-key')).data!.startCardIssuance;
    expect(startedX).toMatchObject({ ok: true, error: null });
    expect(startedY).toMatchObject({ ok: true, error: null });
    expect(startedY.issuance.id).not.toBe(startedX.issuance.id);

    jd.failNext({ kind: 'PLATFORM_ERROR', platformCode: 'FACE_NOT_MATCHED', platformMessage: '人脸识别未通过' });
    const refusedX = (await verifyFace(x, startedX.issuance.id, 'face-token-x', 'shared-face-key')).data!.verifyCardIssuanceStep;
    expect(refusedX).toMatchObject({ ok: false, error: { code: 'VERIFICATION_FAILED' }, issuance: { failedAttempts: 1 } });
    const passedY = (await verifyFace(y, startedY.issuance.id, 'face-token-y', 'shared-face-key')).data!.verifyCardIssuanceStep;
    expect(passedY).toMatchObject({ ok: true, error: null, issuance: { id: startedY.issuance.id, nextStep: { id: 'sms' } } });
    const replayX = (await verifyFace(x, startedX.issuance.id, 'face-token-x', 'shared-face-key')).data!.verifyCardIssuanceStep;
    expect(replayX).toEqual(refusedX);
  });

  it('serves two customers firing one key at once, each exactly once', async () => {
    const [forC, forD] = await Promise.all([repay(c, 3_000, 'racing-repay-key'), repay(d, 4_000, 'racing-repay-key')]);
    expect(forC.errors).toBeUndefined();
    expect(forD.errors).toBeUndefined();
    expect(forC.data!.repay).toMatchObject({ ok: true, error: null, repayment: { amountFen: 3_000 } });
    expect(forD.data!.repay).toMatchObject({ ok: true, error: null, repayment: { amountFen: 4_000 } });
    expect(await repaymentsOf(c)).toEqual([forC.data!.repay.repayment!.id]);
    expect(await repaymentsOf(d)).toEqual([forD.data!.repay.repayment!.id]);
  });
});
