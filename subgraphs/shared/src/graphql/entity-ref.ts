/** An entity this subgraph only refers to: the gateway resolves the rest elsewhere. */
export interface EntityRef {
  id: string;
}
