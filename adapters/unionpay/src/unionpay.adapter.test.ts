import { InMemoryIdempotencyStore, yuan, type OperationContext } from '@cardweave/adapter-sdk';
import { ManualClock } from '@cardweave/adapter-testkit';
import { createUnionPayAdapter, unionPayAdapter } from './unionpay.adapter';
import { UnionPaySimulator } from './unionpay.simulator';
import { readReply, toConsumeMessage, toStatusOutcome, txnTime } from './unionpay.transformers';

const PAN = '6253501234567897';

function setup(at = '2026-06-15T02:00:00.000Z') {
  const clock = new ManualClock(at);
  const sim = new UnionPaySimulator(clock);
  const store = new InMemoryIdempotencyStore();
  let n = 0;
  const ctx = (key = `k-${(n += 1)}`): OperationContext => ({ idempotencyKey: key, clock, http: sim, idempotency: store });
  return { clock, sim, ctx };
}

describe('unionpay transformers', () => {
  it('writes a consume message with Beijing time and fen as digits', () => {
    const msg = toConsumeMessage(
      { accountRef: 'a', cardNumber: PAN, amountFen: 123_45n, currency: 'CNY' },
      'order-1',
      new Date('2026-12-31T16:30:05Z'),
    );
    expect(msg).toMatchObject({
      txnType: '01',
      orderId: 'order-1',
      txnAmt: '12345',
      currencyCode: '156',
      txnTime: '20270101003005',
      accNo: PAN,
    });
    expect(txnTime(new Date('2028-02-28T16:00:00Z'))).toBe('20280229000000');
  });
  it('reads recorded answers', () => {
    expect(readReply({ version: '5.1.0', respCode: '00', respMsg: '成功[0000000]' }).respCode).toBe('00');
    expect(() => readReply({ respMsg: 'x' })).toThrow(/respCode missing/);
    expect(toStatusOutcome('o', { respCode: '00', origRespCode: '00', txnAmt: '100000' })).toEqual({
      reference: 'o',
      state: 'SUCCEEDED',
      amountFen: 100_000n,
    });
    expect(toStatusOutcome('o', { respCode: '00', origRespCode: '04', txnAmt: '100000' })).toBe('IN_PROGRESS');
    expect(toStatusOutcome('o', { respCode: '00', origRespCode: '51', txnAmt: '100000' })).toEqual({ reference: 'o', state: 'FAILED' });
  });
});

describe('unionpay adapter', () => {
  it('reads 03 as "still processing" on a query but as an invalid merchant on a payment', async () => {
    const { sim, ctx } = setup();
    sim.failNext({ kind: 'PLATFORM_ERROR', platformCode: '03', platformMessage: '交易处理中，请稍后查询' });
    expect(await unionPayAdapter.operations!.queryStatus!({ reference: 'o-1' }, ctx())).toMatchObject({
      status: 'PENDING',
      reference: 'o-1',
    });
    sim.failNext({ kind: 'PLATFORM_ERROR', platformCode: '03', platformMessage: '无效商户' });
    const r = await unionPayAdapter.operations!.authorize!({ accountRef: 'a', cardNumber: PAN, amountFen: 100n, currency: 'CNY' }, ctx());
    expect(r).toMatchObject({ status: 'DECLINED', error: { code: 'INVALID_MERCHANT', iso8583: '03', platformCode: '03' } });
  });

  it('reports a routed payment still processing at the issuer as pending, then settled', async () => {
    const { sim, ctx } = setup();
    const paid = await unionPayAdapter.operations!.authorize!(
      { accountRef: 'a', cardNumber: PAN, amountFen: 100n, currency: 'CNY' },
      ctx('order-9'),
    );
    expect(paid.status).toBe('SUCCESS');
    sim.holdAsProcessing('order-9');
    expect(await unionPayAdapter.operations!.queryStatus!({ reference: 'order-9' }, ctx())).toMatchObject({ status: 'PENDING' });
    expect(await unionPayAdapter.operations!.queryStatus!({ reference: 'nope' }, ctx())).toEqual({
      status: 'SUCCESS',
      value: { reference: 'nope', state: 'NOT_FOUND' },
    });
  });

  it('spends the 5,000 CNY day in five payments and declines the sixth until Beijing midnight', async () => {
    const { clock, ctx } = setup('2026-06-15T15:00:00.000Z'); // 23:00 in Beijing
    const pay = () =>
      unionPayAdapter.operations!.authorize!({ accountRef: 'a', cardNumber: PAN, amountFen: yuan(1_000), currency: 'CNY' }, ctx());
    for (let i = 0; i < 5; i += 1) expect((await pay()).status).toBe('SUCCESS');
    expect(await pay()).toMatchObject({ status: 'DECLINED', error: { code: 'LIMIT_EXCEEDED', platformCode: '61' } });
    clock.set('2026-06-15T16:00:00.000Z');
    expect((await pay()).status).toBe('SUCCESS');
  });

  it('accepts a genuine UnionPay card that fails Luhn, unless configured otherwise', async () => {
    const { ctx } = setup();
    const input = { accountRef: 'a', cardNumber: '6253501234567890', amountFen: 100n, currency: 'CNY' };
    expect((await unionPayAdapter.operations!.authorize!(input, ctx())).status).toBe('SUCCESS');
    const strict = createUnionPayAdapter({ luhnForUnionPay: true });
    expect(await strict.operations!.authorize!(input, ctx())).toMatchObject({
      status: 'DECLINED',
      error: { code: 'INVALID_CARD_NUMBER' },
      fieldErrors: [{ field: 'cardNumber', code: 'INVALID_CHECKSUM' }],
    });
  });

  it('takes its limits as options and names a bad one', () => {
    expect(createUnionPayAdapter({ dailyLimitFen: yuan(8_000) }).limits.find((l) => l.id === 'unionpay.daily')?.amountFen).toBe(
      yuan(8_000),
    );
    expect(() => createUnionPayAdapter({ dailyLimitFen: 0n })).toThrow(/option "dailyLimitFen"/);
  });
});
