/** The Card as the clearing subgraph receives it: the id, plus the issuer's limit and the holder's limits when `upstreamLimits` needs them. */
export interface CardRepresentation {
  id: string;
  issuerLimit?: Record<string, unknown>;
  holderLimits?: Array<Record<string, unknown>>;
}
