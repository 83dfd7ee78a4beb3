/**
 * The breaking-change check: the current public API schema against the last released one.
 * A breaking change fails the check unless schema/intended-breaking-changes.json records it
 * (by change type and schema path, with the reason), so every break is a decision.
 */
import * as fs from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { INTENDED_BREAKING_CHANGES_FILE, publicSchema, RELEASED_SCHEMA_FILE } from './public-schema';

export interface IntendedBreakingChange {
  /** graphql-inspector's change type, e.g. FIELD_REMOVED. */
  type: string;
  /** The schema coordinate it applies to, e.g. Card.expiry. */
  path: string;
  /** Why the break is intended, for the release notes. */
  reason: string;
}

export interface BreakingChangeReport {
  breaking: Change[];
  /** Breaking, but recorded as intended. */
  intended: Change[];
  /** Breaking and not recorded: these fail the check. */
  unexpected: Change[];
  dangerous: Change[];
  safe: Change[];
  /** Allow-list entries that match no change (stale once the release is cut). */
  unusedAllowances: IntendedBreakingChange[];
}

export function readIntendedBreakingChanges(file: string = INTENDED_BREAKING_CHANGES_FILE): IntendedBreakingChange[] {
  if (!fs.existsSync(file)) return [];
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { intended?: IntendedBreakingChange[] };
  for (const entry of parsed.intended ?? []) {
    if (!entry.type || !entry.path || !entry.reason?.trim()) {
      throw new Error(`${file}: every entry needs type, path and reason (got ${JSON.stringify(entry)})`);
    }
  }
  return parsed.intended ?? [];
}

export async function compareSchemas(
  released: GraphQLSchema,
  current: GraphQLSchema,
  allowed: IntendedBreakingChange[] = [],
): Promise<BreakingChangeReport> {
  const changes = await diff(released, current);
  const matches = (change: Change, entry: IntendedBreakingChange) => change.type === entry.type && change.path === entry.path;
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  return {
    breaking,
    intended: breaking.filter((c) => allowed.some((a) => matches(c, a))),
    unexpected: breaking.filter((c) => !allowed.some((a) => matches(c, a))),
    dangerous: changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous),
    safe: changes.filter((c) => c.criticality.level === CriticalityLevel.NonBreaking),
    unusedAllowances: allowed.filter((a) => !breaking.some((c) => matches(c, a))),
  };
}

export async function checkAgainstRelease(): Promise<BreakingChangeReport> {
  const released = buildSchema(fs.readFileSync(RELEASED_SCHEMA_FILE, 'utf8'));
  return compareSchemas(released, publicSchema(), readIntendedBreakingChanges());
}
