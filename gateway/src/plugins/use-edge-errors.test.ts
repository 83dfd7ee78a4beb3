/** The edge's error results: an execution error keeps data (null if need be), so it never reads as a 500. */
import { createGraphQLError } from '@graphql-tools/utils';
import { useEdgeErrors } from './use-edge-errors';

function processed(result: Record<string, unknown>): Record<string, unknown> {
  let out: unknown = result;
  const plugin = useEdgeErrors({ production: true }) as { onResultProcess(payload: unknown): void };
  plugin.onResultProcess({ result, setResult: (r: unknown) => (out = r), request: new Request('http://127.0.0.1/graphql') });
  return out as Record<string, unknown>;
}

describe('useEdgeErrors', () => {
  it('gives a subgraph timeout of a root field, which has no path, data: null and a code', () => {
    // What the query planner hands back when the wallet does not answer a mutation in time.
    const timeout = createGraphQLError('Request timed out', { extensions: { code: 'GATEWAY_TIMEOUT', subgraph: 'wallet' } });
    const result = processed({ errors: [timeout] });
    expect(result).toHaveProperty('data', null);
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'wallet' } })]);
  });

  it('leaves a request that failed before execution without data', () => {
    const result = processed({
      errors: [createGraphQLError('Syntax Error: Unexpected Name "quer"', { extensions: { http: { status: 400 } } })],
    });
    expect(result).not.toHaveProperty('data');
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED', http: { status: 400 } } })]);
  });
});
