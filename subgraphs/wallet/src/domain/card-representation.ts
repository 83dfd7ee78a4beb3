/**
 * The Card as the wallet subgraph receives it: the id, plus — when `payableNow` is asked
 * for — the issuer's and the network's limits, resolved upstream (`@requires`).
 */
export interface CardRepresentation {
  id: string;
  upstreamLimits?: Array<Record<string, unknown>>;
}
