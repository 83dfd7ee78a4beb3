import { ConfigError } from '@cardweave/service-kit';
import { oneProcessHopTimeouts } from './one-process-hop-timeouts';

it('keeps each service its own default when HOP_TIMEOUT_MS is not set', () => {
  expect(oneProcessHopTimeouts({})).toEqual({ wallet: 4_000, clearing: 3_000 });
});

it('gives the value set to the wallet and three quarters of it to clearing, so the hops stay nested', () => {
  expect(oneProcessHopTimeouts({ HOP_TIMEOUT_MS: '4500' })).toEqual({ wallet: 4_500, clearing: 3_375 });
  expect(oneProcessHopTimeouts({ HOP_TIMEOUT_MS: '9000', GATEWAY_SUBGRAPH_TIMEOUT_MS: '12000' })).toEqual({
    wallet: 9_000,
    clearing: 6_750,
  });
  expect(oneProcessHopTimeouts({ HOP_TIMEOUT_MS: '1' })).toEqual({ wallet: 1, clearing: 1 });
});

it('refuses a wallet hop the gateway would not wait for, naming both variables', () => {
  expect(() => oneProcessHopTimeouts({ HOP_TIMEOUT_MS: '5000' })).toThrow(ConfigError);
  expect(() => oneProcessHopTimeouts({ HOP_TIMEOUT_MS: '8000', GATEWAY_SUBGRAPH_TIMEOUT_MS: '6000' })).toThrow(
    'HOP_TIMEOUT_MS (8000 ms) must be below GATEWAY_SUBGRAPH_TIMEOUT_MS (6000 ms)',
  );
});
