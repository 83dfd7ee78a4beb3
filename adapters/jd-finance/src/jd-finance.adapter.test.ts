import { InMemoryIdempotencyStore, yuan, type OperationContext } from '@cardweave/adapter-sdk';
import { ManualClock } from '@cardweave/adapter-testkit';
import { createJdFinanceAdapter, jdFinanceAdapter } from './jd-finance.adapter';
import { JdFinanceSimulator } from './jd-finance.simulator';
import { readEnvelope, toStatusOutcome } from './jd-finance.transformers';

function setup() {
  const clock = new ManualClock();
  const sim = new JdFinanceSimulator(clock);
  const store = new InMemoryIdempotencyStore();
  let n = 0;
  const ctx = (key = `k-${(n += 1)}`): OperationContext => ({ idempotencyKey: key, clock, http: sim, idempotency: store });
  return { sim, ctx };
}
const ops = jdFinanceAdapter.operations!;

describe('jd-finance transformers', () => {
  it('reads the recorded envelope', () => {
    expect(readEnvelope({ resultCode: '0000', resultMsg: '成功', data: { amount: '100' } })).toEqual({
      resultCode: '0000',
      resultMsg: '成功',
      data: { amount: '100' },
    });
    expect(() => readEnvelope({ data: {} })).toThrow(/resultCode missing/);
    expect(toStatusOutcome('r', { status: 'PROCESSING' })).toBe('IN_PROGRESS');
    expect(() => toStatusOutcome('r', { status: 'SUCCESS', amount: '1.5' })).toThrow(/whole fen/);
  });
});

describe('jd-finance adapter', () => {
  it('walks the verification flow in order: face, SMS code, payment password', async () => {
    const { ctx } = setup();
    expect(await ops.verifyStep!({ subjectRef: 'c', stepId: 'face', fields: { faceToken: 'face-token-0001' } }, ctx())).toEqual({
      status: 'SUCCESS',
      value: { stepId: 'face', verified: true, nextStepId: 'sms' },
    });
    expect(await ops.verifyStep!({ subjectRef: 'c', stepId: 'payment-password', fields: { paymentPassword: '246810' } }, ctx())).toEqual({
      status: 'SUCCESS',
      value: { stepId: 'payment-password', verified: true },
    });
  });

  it('authorizes within the credit available and declines beyond it', async () => {
    const { sim, ctx } = setup();
    sim.seedAccount('c', { creditLineFen: yuan(1_000) });
    expect((await ops.authorize!({ accountRef: 'c', amountFen: yuan(1_000), currency: 'CNY' }, ctx())).status).toBe('SUCCESS');
    expect(await ops.authorize!({ accountRef: 'c', amountFen: 1n, currency: 'CNY' }, ctx())).toMatchObject({
      status: 'DECLINED',
      error: { code: 'INSUFFICIENT_CREDIT', remedy: 'REPAY_AT_ISSUER', platformMessage: '白条可用额度不足' },
    });
    expect((await ops.repay!({ accountRef: 'c', amountFen: 1n, currency: 'CNY' }, ctx())).status).toBe('SUCCESS');
    expect((await ops.authorize!({ accountRef: 'c', amountFen: 1n, currency: 'CNY' }, ctx())).status).toBe('SUCCESS');
  });

  it('refuses an overdue or frozen customer with the remedy the source gives', async () => {
    const { sim, ctx } = setup();
    sim.seedAccount('late', { overdue: true });
    sim.seedAccount('frozen', { frozen: true });
    expect(await ops.authorize!({ accountRef: 'late', amountFen: 1n, currency: 'CNY' }, ctx())).toMatchObject({
      error: { code: 'OVERDUE_DEBT', remedy: 'REPAY_OVERDUE_BILL' },
    });
    expect(await ops.authorize!({ accountRef: 'frozen', amountFen: 1n, currency: 'CNY' }, ctx())).toMatchObject({
      error: { code: 'ACCOUNT_FROZEN', remedy: 'CONTACT_SUPPORT' },
    });
  });

  it('keeps the vague terms as options with documented defaults', () => {
    expect(jdFinanceAdapter.issuerTerms).toMatchObject({
      statementDay: 1,
      gracePeriodDays: 9,
      rounding: 'HALF_UP',
      penaltyPerDay: { numerator: 5n, denominator: 10_000n },
    });
    const custom = createJdFinanceAdapter({
      statementDay: 15,
      rounding: 'HALF_EVEN',
      repaymentAllocation: ['PRINCIPAL', 'PENALTY'],
      minimumDue: '5/100' as never,
    });
    expect(custom.issuerTerms).toMatchObject({
      statementDay: 15,
      rounding: 'HALF_EVEN',
      repaymentAllocation: ['PRINCIPAL', 'PENALTY'],
      minimumDue: { numerator: 5n, denominator: 100n },
    });
    expect(() => createJdFinanceAdapter({ statementDay: 29 })).toThrow(/jd-finance: option "statementDay" is 29/);
    expect(() => createJdFinanceAdapter({ rounding: 'BANKERS' as never })).toThrow(/option "rounding"/);
  });
});
