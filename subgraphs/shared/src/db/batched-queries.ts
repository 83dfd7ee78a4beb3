/**
 * Batched reads for DataLoaders: one SQL statement for many parents, so a page of 50
 * cards costs the same number of statements as a page of one.
 */
import DataLoader from 'dataloader';
import type { ObjectLiteral, Repository } from 'typeorm';
import { decodeCursor, pageSize, toConnection, type Connection, type Keyset } from '../graphql/pagination';

/** Turns a raw row (database column names) into an entity, running column transformers. */
export function hydrate<T extends ObjectLiteral>(repo: Repository<T>, raw: Record<string, unknown>): T {
  const entity = repo.create();
  const driver = repo.manager.connection.driver;
  for (const column of repo.metadata.columns) {
    if (column.databaseName in raw) {
      column.setEntityValue(entity, driver.prepareHydratedValue(raw[column.databaseName], column));
    }
  }
  return entity;
}

/** Loads entities by a column, grouping them per key (one statement per batch). */
export function groupedLoader<T extends ObjectLiteral>(
  repo: Repository<T>,
  column: string,
  /** SQL after the key filter: more conditions (`AND …`) and/or `ORDER BY …`; the table is `t`. */
  tail = '',
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = (await repo.query(`SELECT t.* FROM ${repo.metadata.tablePath} t WHERE t."${column}" = ANY($1) ${tail}`, [keys])) as Record<
      string,
      unknown
    >[];
    const byKey = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const raw of rows) byKey.get(String(raw[column]))?.push(hydrate(repo, raw));
    return keys.map((k) => byKey.get(k) ?? []);
  });
}

export interface JoinedParent<P extends ObjectLiteral & { id: string }> {
  repo: Repository<P>;
  /** The child's column holding the parent's id. */
  foreignKey: string;
  /** Gets every parent the statement read, so that loading them by id costs no statement. */
  byId: DataLoader<string, P | null>;
}

/**
 * groupedLoader, with each row's parent read in the same statement (a join) and primed into
 * the parent's by-id loader: children and the parents they always need next, in one round
 * trip instead of two. Rows without a parent row stay, their parent primed as missing.
 */
export function groupedWithParentLoader<T extends ObjectLiteral, P extends ObjectLiteral & { id: string }>(
  repo: Repository<T>,
  column: string,
  parent: JoinedParent<P>,
  /** As groupedLoader's; the child table is `t`, the parent `p`. */
  tail = '',
): DataLoader<string, T[]> {
  const parentColumns = parent.repo.metadata.columns.map((c) => c.databaseName);
  const selectParent = parentColumns.map((name, i) => `p."${name}" AS "__p${i}"`).join(', ');
  return new DataLoader(async (keys) => {
    const rows = (await repo.query(
      `SELECT t.*, ${selectParent} FROM ${repo.metadata.tablePath} t
         LEFT JOIN ${parent.repo.metadata.tablePath} p ON p.id = t."${parent.foreignKey}"
        WHERE t."${column}" = ANY($1) ${tail}`,
      [keys],
    )) as Record<string, unknown>[];
    const byKey = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const raw of rows) {
      byKey.get(String(raw[column]))?.push(hydrate(repo, raw));
      const parentRaw: Record<string, unknown> = {};
      parentColumns.forEach((name, i) => (parentRaw[name] = raw[`__p${i}`]));
      const parentId = String(raw[parent.foreignKey]);
      parent.byId.prime(parentId, parentRaw.id == null ? null : hydrate(parent.repo, parentRaw));
    }
    return keys.map((k) => byKey.get(k) ?? []);
  });
}

/**
 * Loads entities by id (one statement per batch); a missing id gives null. A failed query
 * stays an error (loadMany hands errors back as values): it must never read as "not found".
 */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(repo: Repository<T>): DataLoader<string, T | null> {
  const grouped = groupedLoader(repo, 'id');
  return new DataLoader(async (ids) => (await grouped.loadMany(ids)).map((r) => (r instanceof Error ? r : (r[0] ?? null))));
}

export interface PageKey {
  parentId: string;
  first?: number | null;
  after?: string | null;
}

export interface PagedSpec {
  /** Column that holds the parent id. */
  parentColumn: string;
  /** Sort column; pages run newest first by (sort, id). */
  sortColumn: string;
  defaultPageSize?: number;
}

/**
 * Keyset pages of children for many parents in one statement: ROW_NUMBER() per parent
 * cuts each parent's rows at `first + 1` (the extra row tells whether a next page exists).
 * Given `counts` (a countLoader on the same parent column), a first page also counts all its
 * parent's children in the same statement and primes `counts` with them, so a connection's
 * `totalCount` costs no statement of its own.
 */
export function pagedLoader<T extends ObjectLiteral & { id: string }>(
  repo: Repository<T>,
  spec: PagedSpec,
  counts?: DataLoader<string, number>,
): DataLoader<PageKey, Connection<T>, string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { size: number; after: Keyset | null; parents: string[] }>();
      for (const key of keys) {
        const size = pageSize(key.first, spec.defaultPageSize);
        const groupKey = `${size}|${key.after ?? ''}`;
        const group = groups.get(groupKey) ?? { size, after: decodeCursor(key.after), parents: [] };
        group.parents.push(key.parentId);
        groups.set(groupKey, group);
      }
      const results = new Map<string, Connection<T>>();
      for (const [groupKey, group] of groups) {
        const params: unknown[] = [group.parents, group.size + 1];
        let cursorFilter = '';
        if (group.after) {
          params.push(group.after.sort, group.after.id);
          cursorFilter = `AND ("${spec.sortColumn}", id) < ($3::timestamptz, $4::uuid)`;
        }
        // Without a cursor the filter is the parent alone, so the partition is all its children.
        const countAll = counts && !group.after;
        const rows = (await repo.query(
          `SELECT * FROM (
             SELECT t.*, t."${spec.sortColumn}"::text AS "__sort",
                    ROW_NUMBER() OVER (PARTITION BY t."${spec.parentColumn}" ORDER BY t."${spec.sortColumn}" DESC, t.id DESC) AS "__rank"
                    ${countAll ? `, count(*) OVER (PARTITION BY t."${spec.parentColumn}")::int AS "__total"` : ''}
             FROM ${repo.metadata.tablePath} t
             WHERE t."${spec.parentColumn}" = ANY($1) ${cursorFilter}
           ) ranked
           WHERE "__rank" <= $2
           ORDER BY "${spec.parentColumn}", "__rank"`,
          params,
        )) as Record<string, unknown>[];
        const byParent = new Map<string, Array<{ entity: T; sort: string }>>();
        for (const raw of rows) {
          const parent = String(raw[spec.parentColumn]);
          const list = byParent.get(parent) ?? [];
          list.push({ entity: hydrate(repo, raw), sort: String(raw.__sort) });
          byParent.set(parent, list);
          if (countAll && list.length === 1) counts.prime(parent, Number(raw.__total));
        }
        if (countAll) for (const parent of group.parents) if (!byParent.has(parent)) counts.prime(parent, 0);
        for (const parent of group.parents) {
          const list = byParent.get(parent) ?? [];
          const connection = toConnection(list, group.size, (row) => ({ sort: row.sort, id: row.entity.id }));
          results.set(`${parent}|${groupKey}`, {
            edges: connection.edges.map((e) => ({ cursor: e.cursor, node: e.node.entity })),
            pageInfo: connection.pageInfo,
          });
        }
      }
      return keys.map((key) => results.get(`${key.parentId}|${pageSize(key.first, spec.defaultPageSize)}|${key.after ?? ''}`)!);
    },
    { cacheKeyFn: (key) => `${key.parentId}|${key.first ?? ''}|${key.after ?? ''}` },
  );
}

/** Counts children per parent in one statement. */
export function countLoader(repo: Repository<ObjectLiteral>, parentColumn: string): DataLoader<string, number> {
  return new DataLoader(async (parents) => {
    const rows = (await repo.query(
      `SELECT "${parentColumn}" AS parent, count(*)::int AS n FROM ${repo.metadata.tablePath} WHERE "${parentColumn}" = ANY($1) GROUP BY 1`,
      [parents],
    )) as Array<{ parent: string; n: number }>;
    const counts = new Map(rows.map((r) => [String(r.parent), Number(r.n)]));
    return parents.map((p) => counts.get(p) ?? 0);
  });
}
