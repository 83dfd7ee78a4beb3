/**
 * A platform plugs in by configuration alone: an adapter that lives outside adapters/
 * (test/fixtures/external-adapter/acme-wallet), named in CARDWEAVE_ADAPTERS beside the
 * seed adapters, shows in the unified view with its own limits — no subgraph or gateway
 * file knows it.
 */
import * as path from 'node:path';
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { demoCustomerId } from '../scripts/demo-data/random';
import { startTestSystem, type TestSystem } from './support/test-system';

const root = path.resolve(__dirname, '..');
let system: TestSystem;

beforeAll(async () => {
  const registry = loadAdapterRegistry({
    CARDWEAVE_ADAPTERS: [
      'adapters/jd-finance',
      'adapters/wechat-pay',
      'adapters/unionpay',
      'adapters/unionpay-quickpass',
      'test/fixtures/external-adapter/acme-wallet',
    ]
      .map((p) => path.join(root, p))
      .join(','),
  });
  system = await startTestSystem({ registry });
});

afterAll(async () => {
  await system?.stop();
});

it('shows every configured wallet, the external one included, with its payable amount', async () => {
  const { data, errors } = await system.query<{
    customer: {
      cards: Array<{
        walletBindings: Array<{ walletPlatform: { id: string } }>;
        payableNow: Array<{ walletPlatform: { id: string }; amountFen: number; rules: Array<{ ruleId: string }> }>;
      }>;
    };
  }>(
    `query($id: ID!) { customer(id: $id) { cards {
       walletBindings { walletPlatform { id } }
       payableNow { walletPlatform { id } amountFen rules { ruleId } } } } }`,
    { id: demoCustomerId(1) },
  );
  expect(errors).toBeUndefined();
  const card = data!.customer.cards[0];
  const wallets = card.walletBindings.map((b) => b.walletPlatform.id);
  expect(wallets).toEqual(expect.arrayContaining(['wechat-pay', 'unionpay-quickpass', 'acme-wallet']));
  const acme = card.payableNow.find((p) => p.walletPlatform.id === 'acme-wallet')!;
  expect(acme.rules.some((r) => r.ruleId.startsWith('acme-wallet.'))).toBe(true);
  expect(acme.amountFen).toBeGreaterThan(0);
});
