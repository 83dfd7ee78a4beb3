import { InMemoryIdempotencyStore, loadAdapterRegistry, yuan, type OperationContext } from '@cardweave/adapter-sdk';
import { ManualClock } from '@cardweave/adapter-testkit';
import { createQuickPassAdapter, quickPassAdapter } from './unionpay-quickpass.adapter';
import { QuickPassSimulator } from './unionpay-quickpass.simulator';
import { readReply, toStatusOutcome } from './unionpay-quickpass.transformers';

function setup(at = '2026-06-15T02:00:00.000Z') {
  const clock = new ManualClock(at);
  const sim = new QuickPassSimulator(clock);
  const store = new InMemoryIdempotencyStore();
  let n = 0;
  const ctx = (key = `k-${(n += 1)}`): OperationContext => ({ idempotencyKey: key, clock, http: sim, idempotency: store });
  return { clock, sim, ctx };
}
const ops = quickPassAdapter.operations!;

describe('unionpay-quickpass transformers', () => {
  it('reads recorded answers', () => {
    expect(readReply({ resp: { code: '00', msg: '成功' }, data: { txnAmt: '100' } })).toEqual({
      code: '00',
      msg: '成功',
      data: { txnAmt: '100' },
    });
    expect(() => readReply({ data: {} })).toThrow(/resp\.code missing/);
    expect(toStatusOutcome('r', { origCode: '05', txnAmt: '1' })).toBe('IN_PROGRESS');
    expect(toStatusOutcome('r', { origCode: '00', txnAmt: '100000' })).toEqual({ reference: 'r', state: 'SUCCEEDED', amountFen: 100_000n });
  });
});

describe('unionpay-quickpass adapter', () => {
  it('is loaded by configuration, as a second wallet', () => {
    const registry = loadAdapterRegistry({});
    expect(registry.byRole('wallet').map((a) => a.manifest.id)).toEqual(expect.arrayContaining(['wechat-pay', 'unionpay-quickpass']));
  });

  it('adds a card with card number, CVV2 and SMS code, returning a token and the last four digits', async () => {
    const { sim, ctx } = setup();
    const r = await ops.bind!({ accountRef: 'u1', fields: { cardNumber: '6253 5012 3456 7897', cvv2: '739', smsCode: '480615' } }, ctx());
    expect(r).toMatchObject({ status: 'SUCCESS', value: { cardLastFour: '7897' } });
    expect(JSON.stringify(r)).not.toContain('6253501234567897');
    expect(sim.calls).toHaveLength(1);
  });

  it('walks the two verification steps in order', async () => {
    const { ctx } = setup();
    expect(
      await ops.verifyStep!({ subjectRef: 'u1', stepId: 'card-cvv2', fields: { cardNumber: '6253501234567897', cvv2: '739' } }, ctx()),
    ).toMatchObject({
      value: { nextStepId: 'sms' },
    });
    expect(await ops.verifyStep!({ subjectRef: 'u1', stepId: 'sms', fields: { smsCode: '480615' } }, ctx())).toEqual({
      status: 'SUCCESS',
      value: { stepId: 'sms', verified: true },
    });
  });

  it('pays up to 1,000 CNY at once and 5,000 CNY a Beijing day', async () => {
    const { clock, ctx } = setup('2026-12-31T15:30:00.000Z'); // 23:30 on New Year's Eve in Beijing
    const pay = (amountFen: bigint) => ops.authorize!({ accountRef: 'u1', cardToken: 'qp_t', amountFen, currency: 'CNY' }, ctx());
    // Over the per-payment limit: no window lifts it, a smaller amount does.
    expect(await pay(yuan(1_000) + 1n)).toMatchObject({
      status: 'DECLINED',
      error: { code: 'LIMIT_EXCEEDED', platformCode: '61', platformMessage: '超出单笔金额限制', remedy: 'LOWER_AMOUNT' },
    });
    for (let i = 0; i < 5; i += 1) expect((await pay(yuan(1_000))).status).toBe('SUCCESS');
    // The day used up: it resets at Beijing midnight.
    expect(await pay(1n)).toMatchObject({
      status: 'DECLINED',
      error: { platformCode: '61', platformMessage: '超出金额限制', remedy: 'WAIT_FOR_NEXT_WINDOW' },
    });
    clock.set('2026-12-31T16:00:00.000Z');
    expect((await pay(yuan(1_000))).status).toBe('SUCCESS');
  });

  it('reports a payment still processing as pending', async () => {
    const { sim, ctx } = setup();
    await ops.authorize!({ accountRef: 'u1', cardToken: 'qp_t', amountFen: 100n, currency: 'CNY' }, ctx('pay-1'));
    sim.holdAsProcessing('pay-1');
    expect(await ops.queryStatus!({ reference: 'pay-1' }, ctx())).toMatchObject({ status: 'PENDING', reference: 'pay-1' });
    expect(await ops.queryStatus!({ reference: 'never' }, ctx())).toEqual({
      status: 'SUCCESS',
      value: { reference: 'never', state: 'NOT_FOUND' },
    });
  });

  it('names a bad option', () => {
    expect(() => createQuickPassAdapter({ perPaymentLimitFen: -1n })).toThrow(/unionpay-quickpass: option "perPaymentLimitFen"/);
  });
});

describe('unionpay-quickpass CVV2 check on a card the simulator knows', () => {
  it('refuses a wrong CVV2 with CVN2错误 when adding the card and in the verification step, and takes the right one', async () => {
    const { sim, ctx } = setup();
    sim.enrollCard({ cardNumber: '6253501234567897', cvv2: '739' });
    const wrong = await ops.bind!({ accountRef: 'u1', fields: { cardNumber: '6253501234567897', cvv2: '740', smsCode: '480615' } }, ctx());
    expect(wrong).toMatchObject({
      status: 'DECLINED',
      error: { code: 'VERIFICATION_FAILED', platformCode: 'CVN2_ERROR', platformMessage: 'CVN2错误' },
    });
    expect(JSON.stringify(wrong)).not.toMatch(/6253501234567897|"740"/);
    const step = await ops.verifyStep!(
      { subjectRef: 'u1', stepId: 'card-cvv2', fields: { cardNumber: '6253501234567897', cvv2: '740' } },
      ctx(),
    );
    expect(step).toMatchObject({ status: 'DECLINED', error: { platformCode: 'CVN2_ERROR' } });
    expect(
      await ops.bind!({ accountRef: 'u1', fields: { cardNumber: '6253501234567897', cvv2: '739', smsCode: '480615' } }, ctx()),
    ).toMatchObject({ status: 'SUCCESS' });
  });
});
