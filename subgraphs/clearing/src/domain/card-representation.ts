/** The Card as the clearing subgraph receives it: the id, plus the issuer's limit when `upstreamLimits` needs it. */
export interface CardRepresentation {
  id: string;
  issuerLimit?: Record<string, unknown>;
}
