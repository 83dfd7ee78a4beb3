/** Outside production, each loaded adapter is answered by the simulator it brings; one without a simulator gets real HTTP. */
import { AdapterRegistry, loadAdapterRegistry, type HttpClient, type PlatformAdapter } from '@cardweave/adapter-sdk';
import { ManualClock } from '@cardweave/adapter-testkit';
import { WechatPaySimulator } from '@cardweave/adapter-wechat-pay/simulator';
import { simulatedPlatforms } from './simulated-platforms';

const seeds = loadAdapterRegistry({}).all();
const wechat = seeds.find((a) => a.manifest.id === 'wechat-pay')!;
const real: HttpClient = { send: () => Promise.reject(new Error('real HTTP')) };

function outsideAdapter(id: string, simulator?: PlatformAdapter['simulator']): PlatformAdapter {
  return { ...wechat, manifest: { ...wechat.manifest, id }, simulator };
}

it('gives every seed adapter its own simulator, one per platform for the life of the system, on the system clock', async () => {
  const clock = new ManualClock('2026-03-14T00:00:00.000Z');
  const platforms = simulatedPlatforms(new AdapterRegistry(seeds), clock, real);
  expect(platforms.simulated).toEqual(['jd-finance', 'wechat-pay', 'unionpay', 'unionpay-quickpass']);
  expect(platforms.realHttp).toEqual([]);
  const client = platforms.http('wechat-pay');
  expect(client).toBeInstanceOf(WechatPaySimulator);
  expect(platforms.http('wechat-pay')).toBe(client);
  expect(platforms.http('jd-finance')).not.toBe(client);
  // An id no loaded adapter has is not simulated.
  expect(platforms.http('nowhere-pay')).toBe(real);
});

it("uses an outside adapter's simulator by the same contract, and real HTTP for an adapter without one", () => {
  const made: Array<{ id: string; at: string }> = [];
  const fake: HttpClient = { send: () => Promise.reject(new Error('not called')) };
  const clock = new ManualClock('2026-03-14T00:00:00.000Z');
  const registry = new AdapterRegistry([
    outsideAdapter('acme-wallet', (c) => {
      made.push({ id: 'acme-wallet', at: c.now().toISOString() });
      return fake;
    }),
    outsideAdapter('plain-wallet'),
  ]);
  const platforms = simulatedPlatforms(registry, clock, real);
  expect(platforms.simulated).toEqual(['acme-wallet']);
  expect(platforms.realHttp).toEqual(['plain-wallet']);
  expect(made).toEqual([]); // made when first asked for, not before
  expect(platforms.http('acme-wallet')).toBe(fake);
  expect(platforms.http('acme-wallet')).toBe(fake);
  expect(made).toEqual([{ id: 'acme-wallet', at: '2026-03-14T00:00:00.000Z' }]);
  expect(platforms.http('plain-wallet')).toBe(real);
});
