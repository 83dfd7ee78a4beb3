import { InMemoryIdempotencyStore, yuan, type OperationContext } from '@cardweave/adapter-sdk';
import { ManualClock, RecordingLogger } from '@cardweave/adapter-testkit';
import { wechatPayAdapter } from './wechat-pay.adapter';
import { WechatPaySimulator } from './wechat-pay.simulator';
import { readAnswer, toBindBody, toPayBody } from './wechat-pay.transformers';

const FIELDS = { name: '买买提·艾力', residentId: '11010519491231002x', mobile: '+86 138 0013 8000', cardNumber: '6253 5012 3456 7897' };

function setup() {
  const clock = new ManualClock();
  const sim = new WechatPaySimulator(clock);
  const store = new InMemoryIdempotencyStore();
  const logger = new RecordingLogger();
  let n = 0;
  const ctx = (key = `k-${(n += 1)}`): OperationContext => ({ idempotencyKey: key, clock, http: sim, idempotency: store, logger });
  return { sim, ctx, logger };
}
const ops = wechatPayAdapter.operations!;

describe('wechat-pay transformers', () => {
  it('builds v3 bodies with integer fen', () => {
    expect(toPayBody({ accountRef: 'o1', cardToken: 't', amountFen: 12_345n, currency: 'CNY' }, 'key-1')).toEqual({
      out_trade_no: 'key-1',
      payer: { openid: 'o1' },
      card_token: 't',
      amount: { total: 12_345, currency: 'CNY' },
    });
    expect(() => toPayBody({ accountRef: 'o1', amountFen: 2n ** 60n, currency: 'CNY' }, 'k')).toThrow(RangeError);
    expect(toBindBody({ accountRef: 'o1', fields: { name: 'n', residentId: 'i', mobile: 'm', cardNumber: 'c' } }, 'k').bank_card).toEqual({
      name: 'n',
      id_card_number: 'i',
      mobile: 'm',
      card_number: 'c',
    });
  });
  it('reads a recorded v3 error body and its Retry-After', () => {
    expect(readAnswer(429, { 'retry-after': '30' }, { code: 'FREQUENCY_LIMITED', message: '频率超限' })).toEqual({
      ok: false,
      code: 'FREQUENCY_LIMITED',
      message: '频率超限',
      retryAfterSeconds: 30,
    });
    expect(() => readAnswer(500, {}, { error: 'x' })).toThrow(/without a \{code, message\}/);
  });
});

describe('wechat-pay adapter', () => {
  it('binds with normalized four elements and returns only a token and the last four digits', async () => {
    const { sim, ctx, logger } = setup();
    const r = await ops.bind!({ accountRef: 'o1', fields: FIELDS }, ctx());
    expect(r).toMatchObject({ status: 'SUCCESS', value: { cardLastFour: '7897' } });
    const sent = JSON.parse(sim.calls[0].body!);
    expect(sent.bank_card).toEqual({
      name: '买买提·艾力',
      id_card_number: '11010519491231002X',
      mobile: '13800138000',
      card_number: '6253501234567897',
    });
    expect(JSON.stringify(logger.entries)).not.toContain('6253501234567897');
  });

  it('maps 商户限制 to a decline with the remedy the source gives', async () => {
    const { sim, ctx } = setup();
    sim.failNext({ kind: 'PLATFORM_ERROR', platformCode: 'RULELIMIT', platformMessage: '商户限制' });
    expect(await ops.authorize!({ accountRef: 'o1', cardToken: 't', amountFen: 100n, currency: 'CNY' }, ctx())).toMatchObject({
      status: 'DECLINED',
      error: {
        code: 'MERCHANT_RESTRICTED',
        decision: 'USER_ACTION',
        remedy: 'CHANGE_PAYMENT_SCENE',
        platform: 'wechat-pay',
        iso8583: '57',
      },
    });
  });

  it('carries the platform Retry-After on a frequency limit', async () => {
    const { sim, ctx } = setup();
    sim.failNext({ kind: 'PLATFORM_ERROR', platformCode: 'FREQUENCY_LIMITED', platformMessage: '频率超限' });
    expect(await ops.authorize!({ accountRef: 'o1', cardToken: 't', amountFen: 100n, currency: 'CNY' }, ctx())).toMatchObject({
      error: { code: 'FREQUENCY_LIMITED', decision: 'RETRY', retryAfterSeconds: 60 },
    });
  });

  it('counts the yearly 200,000 CNY per wallet account across cards', async () => {
    const { ctx } = setup();
    for (const card of ['t1', 't2', 't3', 't4']) {
      expect((await ops.authorize!({ accountRef: 'o1', cardToken: card, amountFen: yuan(50_000), currency: 'CNY' }, ctx())).status).toBe(
        'SUCCESS',
      );
    }
    expect(await ops.authorize!({ accountRef: 'o1', cardToken: 't5', amountFen: 1n, currency: 'CNY' }, ctx())).toMatchObject({
      error: { code: 'LIMIT_EXCEEDED' },
    });
    expect((await ops.authorize!({ accountRef: 'o2', cardToken: 't5', amountFen: 1n, currency: 'CNY' }, ctx())).status).toBe('SUCCESS');
  });
});

describe('wechat-pay four-element check on a card the simulator knows', () => {
  const card = { cardNumber: '6253501234567897', name: '买买提·艾力', residentId: '11010519491231002X', mobile: '13800138000' };

  it.each([
    ['name', { name: '张三' }],
    ['ID number', { residentId: '440524188001010014' }],
    ['mobile', { mobile: '13912345678' }],
  ])('refuses a wrong %s with 持卡人信息有误, echoing none of the elements', async (_, wrong) => {
    const { sim, ctx, logger } = setup();
    sim.enrollCard(card);
    const r = await ops.bind!({ accountRef: 'o1', fields: { ...FIELDS, ...wrong } }, ctx());
    expect(r).toMatchObject({
      status: 'DECLINED',
      error: { code: 'HOLDER_INFO_MISMATCH', platformCode: 'CARD4E_HOLDER_MISMATCH', platformMessage: '持卡人信息有误' },
    });
    const seen = JSON.stringify(r) + JSON.stringify(logger.entries);
    for (const secret of ['6253501234567897', '13912345678', '440524188001010014', '13800138000']) expect(seen).not.toContain(secret);
  });

  it('binds when all four elements match', async () => {
    const { sim, ctx } = setup();
    sim.enrollCard(card);
    expect(await ops.bind!({ accountRef: 'o1', fields: FIELDS }, ctx())).toMatchObject({ status: 'SUCCESS' });
  });
});
