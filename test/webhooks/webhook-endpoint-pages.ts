/** Every webhook endpoint a caller sees, page after page of webhookEndpoints (a connection, oldest first). */
import type { TestSystem } from '../support/test-system';

export interface EndpointPage<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** One page of the endpoints `token` sees, each with `fields`; errors as answered. */
export function endpointPage<T>(
  system: TestSystem,
  token: string | null,
  fields: string,
  page: { first?: number; after?: string | null; includeDeleted?: boolean } = {},
) {
  return system.queryAs<{ webhookEndpoints: EndpointPage<T> }>(
    token,
    `query Endpoints($first: Int, $after: String, $all: Boolean) {
       webhookEndpoints(first: $first, after: $after, includeDeleted: $all) {
         edges { cursor node { ${fields} } } pageInfo { hasNextPage endCursor }
       }
     }`,
    { first: page.first ?? 100, after: page.after ?? null, all: page.includeDeleted ?? false },
  );
}

/** Every endpoint `token` sees, walking the pages; fails on an error or a page that repeats. */
export async function allEndpoints<T>(
  system: TestSystem,
  token: string,
  fields: string,
  includeDeleted = false,
  first = 100,
): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let pages = 0; ; pages++) {
    if (pages > 1_000) throw new Error('webhookEndpoints: pages without end');
    const answer: { data?: { webhookEndpoints: EndpointPage<T> }; errors?: unknown[] } = await endpointPage<T>(system, token, fields, {
      first,
      after,
      includeDeleted,
    });
    if (answer.errors) throw new Error(`webhookEndpoints: ${JSON.stringify(answer.errors)}`);
    const page: EndpointPage<T> = answer.data!.webhookEndpoints;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}
