/**
 * Plain words for an operation over a limit. GraphQL Armor's plugins word their refusals as
 * syntax errors ("Syntax Error: Query Cost limit of 20000 exceeded, found 181227."), which reads
 * as if the document were malformed; the client is told instead what was measured and the limit:
 * "query cost 181,227 is over the limit of 20,000".
 */

const count = (digits: string) => Number(digits).toLocaleString('en-US');

const READINGS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/Query Cost limit of (\d+) exceeded, found (\d+)/i, (m) => `query cost ${count(m[2])} is over the limit of ${count(m[1])}`],
  // Hive's demand control and useSubgraphCostLimit: the subgraph requests' estimated cost.
  [/estimated cost (\d+) exceeded configured maximum (\d+)/i, (m) => `query cost ${count(m[1])} is over the limit of ${count(m[2])}`],
  [/depth limit of (\d+) exceeded, found (\d+)/i, (m) => `query depth ${count(m[2])} is over the limit of ${count(m[1])}`],
  [/Aliases limit of (\d+) exceeded, found (\d+)/i, (m) => `the query has ${count(m[2])} aliases, over the limit of ${count(m[1])}`],
  [/Token limit of (\d+) exceeded/i, (m) => `the query is longer than the limit of ${count(m[1])} tokens`],
];

/** The plain message for a limit refusal, or undefined when it is none of the known ones. */
export function plainLimitMessage(message: string): string | undefined {
  for (const [pattern, say] of READINGS) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  return undefined;
}
