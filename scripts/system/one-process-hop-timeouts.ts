/**
 * The payment's hop timeouts when every service runs in this one process (npm start). Each service
 * reads HOP_TIMEOUT_MS with a default of its own, nested so that no caller gives up before the hop
 * it waits on: the gateway's subgraph timeout above the wallet's hop, the wallet's above clearing's.
 * Run apart, each container sets its own value; here one value from the shell would reach the
 * wallet and clearing alike and undo the nesting (the wallet would reverse a payment while clearing
 * still waited on the issuer). So the value given is the wallet's, clearing takes three quarters of
 * it (the defaults' ratio), and a wallet hop not below the gateway's subgraph timeout is refused.
 */
import { ConfigError, configValue, configValueFor, configValueIfSet, type Environment } from '@cardweave/service-kit';

export interface OneProcessHopTimeouts {
  wallet: number;
  clearing: number;
}

export function oneProcessHopTimeouts(env: Environment = process.env): OneProcessHopTimeouts {
  const given = configValueIfSet('HOP_TIMEOUT_MS', env);
  if (given === undefined) {
    return { wallet: configValueFor('HOP_TIMEOUT_MS', 'wallet', env), clearing: configValueFor('HOP_TIMEOUT_MS', 'clearing', env) };
  }
  const gateway = configValue('GATEWAY_SUBGRAPH_TIMEOUT_MS', env);
  if (given >= gateway) {
    throw new ConfigError(
      `HOP_TIMEOUT_MS (${given} ms) must be below GATEWAY_SUBGRAPH_TIMEOUT_MS (${gateway} ms): the gateway would give up on a payment the wallet is still settling`,
    );
  }
  // Clearing's hop below the wallet's; at least a millisecond, as the variable's own range says.
  return { wallet: given, clearing: Math.max(1, Math.floor((given * 3) / 4)) };
}
