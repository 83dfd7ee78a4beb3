/**
 * A payment's timeouts nest: the gateway waits longer for the wallet than the wallet waits for
 * clearing, and the wallet longer than clearing waits for the issuer, each with a second left
 * for the hop's own database work around its call. Otherwise a caller times out while its hop
 * is still deciding: the client gets a gateway timeout instead of the payment's canonical
 * answer, and the payment goes on behind it.
 */
import { configValue, configValueFor } from './read';

/** What a hop keeps for its own work (its transactions before and after the call) inside its caller's wait. */
const OWN_WORK_MS = 1_000;

it("nests the defaults: clearing's wait for the issuer < the wallet's for clearing < the gateway's for the wallet", () => {
  const gateway = configValue('GATEWAY_SUBGRAPH_TIMEOUT_MS', {});
  const wallet = configValueFor('HOP_TIMEOUT_MS', 'wallet', {});
  const clearing = configValueFor('HOP_TIMEOUT_MS', 'clearing', {});
  expect(wallet).toBeLessThanOrEqual(gateway - OWN_WORK_MS);
  expect(clearing).toBeLessThanOrEqual(wallet - OWN_WORK_MS);
  expect(clearing).toBeGreaterThan(0);
});
