/**
 * The suite must fail adapters that break the contract, or a green run proves nothing.
 * Each case breaks one thing in an otherwise conforming adapter (wechat-pay) and checks
 * that exactly the checks concerned report failures.
 */
import {
  InMemoryIdempotencyStore,
  yuan,
  type AdapterOperations,
  type OperationContext,
  type OperationName,
  type PlatformAdapter,
} from '@cardweave/adapter-sdk';
import wechatPay from '@cardweave/adapter-wechat-pay';
import { wechatPayExpectations as expectations } from '@cardweave/adapter-wechat-pay/expectations';
import { runConformance } from './conformance';

async function failingChecks(adapter: PlatformAdapter): Promise<string[]> {
  const results = await runConformance(adapter, expectations);
  return results.filter((r) => r.failures.length > 0).map((r) => r.name);
}

/** Wraps every operation of the real adapter. */
function wrapOperations(
  wrap: <N extends OperationName>(name: N, real: NonNullable<AdapterOperations[N]>) => NonNullable<AdapterOperations[N]>,
): PlatformAdapter {
  const operations: AdapterOperations = {};
  for (const [name, real] of Object.entries(wechatPay.operations ?? {})) {
    (operations as Record<string, unknown>)[name] = wrap(name as OperationName, real as never);
  }
  return { ...wechatPay, operations };
}

type AnyOp = (input: unknown, ctx: OperationContext) => Promise<unknown>;

describe('the conformance suite', () => {
  it('passes the real adapter', async () => {
    expect(await failingChecks(wechatPay)).toEqual([]);
  });

  it('fails an invalid manifest', async () => {
    const broken = { ...wechatPay, manifest: { ...wechatPay.manifest, role: 'bank' as never, currencies: ['yuan'] } };
    const results = await runConformance(broken, expectations);
    const manifest = results.find((r) => r.name.startsWith('manifest'))!;
    expect(manifest.failures).toEqual(
      expect.arrayContaining([expect.stringMatching(/^manifest\.role/), expect.stringMatching(/^manifest\.currencies\[0\]/)]),
    );
  });

  it('fails a declared limit the platform does not enforce', async () => {
    const limits = wechatPay.limits.map((l) => (l.window === 'PER_PAYMENT' ? { ...l, amountFen: yuan(60_000) } : l));
    expect(await failingChecks({ ...wechatPay, limits })).toEqual(["declared limits are the platform's documented limits"]);
  });

  it('fails a yearly window kept in the wrong zone', async () => {
    const limits = wechatPay.limits.map((l) => (l.window === 'YEARLY' ? { ...l, timezone: 'UTC' } : l));
    expect(await failingChecks({ ...wechatPay, limits })).toEqual([
      "declared limits are the platform's documented limits",
      'each limit window resets exactly at its boundary in Asia/Shanghai, not a millisecond before',
    ]);
  });

  it('fails an adapter that logs raw input', async () => {
    const leaky = wrapOperations(
      (name, real) =>
        (async (input: unknown, ctx: OperationContext) => {
          ctx.logger?.info(`${name} request ${JSON.stringify(input, (_k, v) => (typeof v === 'bigint' ? `${v}` : v))}`);
          return (real as AnyOp)(input, ctx);
        }) as never,
    );
    expect(await failingChecks(leaky)).toEqual([
      'no card number, ID number, mobile, CVV2, SMS code or password in logs, console output or results',
    ]);
  });

  it('fails an adapter whose mapping ignores the error table', async () => {
    const flat = wrapOperations(
      () =>
        (async (input: unknown, ctx: OperationContext) => {
          const r = (await (wechatPay.operations!.authorize as AnyOp)(input, ctx).catch(() => null)) as {
            status: string;
            error?: object;
          } | null;
          return r?.status === 'DECLINED' ? { ...r, error: { ...r.error, code: 'PLATFORM_ERROR' } } : r;
        }) as never,
    );
    const failing = await failingChecks(flat);
    expect(failing).toContain('every error-table row maps and is reachable; unknown codes keep their raw code');
  });

  it('fails an adapter that calls the platform before validating', async () => {
    const eager = wrapOperations(
      (_name, real) =>
        (async (input: unknown, ctx: OperationContext) => {
          await ctx.http
            .send({ method: 'POST', url: 'https://api.mch.weixin.qq.com/v3/precheck', headers: {}, body: '{}' })
            .catch(() => undefined);
          return (real as AnyOp)(input, ctx);
        }) as never,
    );
    expect(await failingChecks(eager)).toContain('malformed input is rejected with field errors before any platform call');
  });

  it('fails an adapter that forgets idempotency', async () => {
    const forgetful = wrapOperations(
      (_name, real) =>
        (async (input: unknown, ctx: OperationContext) =>
          (real as AnyOp)(input, { ...ctx, idempotency: new InMemoryIdempotencyStore() })) as never,
    );
    expect(await failingChecks(forgetful)).toContain(
      'an idempotent retry returns the first result; the same key with other input is refused',
    );
  });

  it('fails an adapter that reads the machine clock', async () => {
    const wallClock = wrapOperations(
      (_name, real) =>
        (async (input: unknown, ctx: OperationContext) => {
          const r = (await (real as AnyOp)(input, ctx)) as { status: string; value?: Record<string, unknown> };
          return r.status === 'SUCCESS' && r.value?.authorizedAt
            ? { ...r, value: { ...r.value, authorizedAt: new Date(0).toISOString() } }
            : r;
        }) as never,
    );
    expect(await failingChecks(wallClock)).toEqual(['timestamps come from the injected clock']);
  });
});
