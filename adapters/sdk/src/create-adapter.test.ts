import { createAdapter, type AdapterDeclaration } from './create-adapter';
import { InMemoryIdempotencyStore, deserializeResult, serializeResult } from './idempotency';
import type { OperationContext } from './operations';

const declaration: AdapterDeclaration = {
  manifest: {
    id: 'probe-pay',
    role: 'wallet',
    displayName: { 'zh-CN': '探针', en: 'Probe' },
    currencies: ['CNY'],
    cardNetworks: ['UNIONPAY'],
    binRanges: [],
  },
  limits: [],
  verification: {
    purpose: 'BINDING',
    steps: [
      {
        id: 'sms',
        kind: 'SMS_CODE',
        label: { 'zh-CN': '验证码', en: 'Code' },
        fields: [{ name: 'smsCode', kind: 'SMS_CODE', label: { 'zh-CN': '验证码', en: 'Code' }, secret: true }],
      },
    ],
    typicalDurationSeconds: { min: 1, max: 2 },
  },
  devices: [],
  errors: [],
};

function context(store = new InMemoryIdempotencyStore(), key = 'key-1'): OperationContext {
  return {
    idempotencyKey: key,
    clock: { now: () => new Date('2026-01-01T00:00:00Z') },
    http: { send: async () => ({ status: 200, headers: {}, body: '' }) },
    idempotency: store,
  };
}

describe('createAdapter guard rails', () => {
  it('stores the first result and replays it, even when two calls race on one key', async () => {
    let calls = 0;
    const adapter = createAdapter(declaration, {
      async authorize(input) {
        calls += 1;
        const n = calls;
        await Promise.resolve();
        return { status: 'SUCCESS', value: { reference: `r-${n}`, amountFen: input.amountFen, authorizedAt: 'x' } };
      },
      queryStatus: async (i) => ({ status: 'SUCCESS', value: { reference: i.reference, state: 'NOT_FOUND' } }),
    });
    const store = new InMemoryIdempotencyStore();
    const input = { accountRef: 'a', amountFen: 100n, currency: 'CNY' };
    const [one, two] = await Promise.all([
      adapter.operations!.authorize!(input, context(store)),
      adapter.operations!.authorize!(input, context(store)),
    ]);
    expect(one).toEqual(two);
    expect(await adapter.operations!.authorize!(input, context(store))).toEqual(one);
    expect(store.size).toBe(1);
  });

  it('leaves one-time secrets out of the fingerprint: a retyped SMS code is the same request', async () => {
    const adapter = createAdapter(declaration, {
      verifyStep: async (i) => ({ status: 'SUCCESS', value: { stepId: i.stepId, verified: true } }),
      queryStatus: async (i) => ({ status: 'SUCCESS', value: { reference: i.reference, state: 'NOT_FOUND' } }),
    });
    const store = new InMemoryIdempotencyStore();
    await adapter.operations!.verifyStep!({ subjectRef: 's', stepId: 'sms', fields: { smsCode: '111111' } }, context(store));
    const record = await store.find('probe-pay:verifyStep', 'key-1');
    expect(JSON.stringify(record)).not.toContain('111111');
    await expect(
      adapter.operations!.verifyStep!({ subjectRef: 's', stepId: 'sms', fields: { smsCode: '222222' } }, context(store)),
    ).resolves.toMatchObject({ status: 'SUCCESS' });
    await expect(
      adapter.operations!.verifyStep!({ subjectRef: 'other', stepId: 'sms', fields: { smsCode: '111111' } }, context(store)),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('refuses a context without an idempotency key, and wraps an adapter bug as a typed, scrubbed error', async () => {
    const adapter = createAdapter(declaration, {
      authorize: async () => {
        throw new TypeError('cannot read card 6253501234567897');
      },
      queryStatus: async (i) => ({ status: 'SUCCESS', value: { reference: i.reference, state: 'NOT_FOUND' } }),
    });
    const input = { accountRef: 'a', amountFen: 1n, currency: 'CNY' };
    await expect(adapter.operations!.authorize!(input, { ...context(), idempotencyKey: '' })).rejects.toMatchObject({
      code: 'INVALID_CONTEXT',
    });
    const error = await adapter.operations!.authorize!(input, context()).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'INTERNAL', message: 'probe-pay: authorize failed: cannot read card **** 7897' });
  });

  it('serializes bigint money exactly', () => {
    expect(deserializeResult(serializeResult({ amountFen: 9_007_199_254_740_993n }))).toEqual({ amountFen: 9_007_199_254_740_993n });
  });
});
