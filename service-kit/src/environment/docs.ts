/**
 * The README's configuration table, written from the table in variables.ts (`npm run
 * config:docs`), laid out as Prettier lays out a Markdown table so the written README passes
 * the format check as it is.
 */
import type { ConfigVariable } from './variables';
import { CONFIG_VARIABLES } from './variables';

/** Where the generated table sits in the README. */
export const CONFIG_DOCS_START = '<!-- configuration table: written by npm run config:docs -->';
export const CONFIG_DOCS_END = '<!-- end of configuration table -->';

function shown(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** What the README says happens when the variable is unset. */
export function whenUnset(variable: ConfigVariable<unknown>): string {
  if (variable.whenUnset) return variable.whenUnset;
  if (variable.default !== undefined) return shown(variable.default);
  const perService = Object.entries(variable.defaultFor ?? {});
  if (perService.length) return perService.map(([service, value]) => `${shown(value)} (${service})`).join(', ');
  return 'unset';
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function configTableMarkdown(): string {
  const header = ['variable', 'read by', 'meaning', 'value', 'when unset'];
  const rows = Object.entries(CONFIG_VARIABLES as Record<string, ConfigVariable<unknown>>).map(([name, variable]) =>
    [`\`${name}\``, variable.readBy, variable.description, variable.parser.expected, whenUnset(variable)].map(cell),
  );
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The README with its configuration table replaced by the current one. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(CONFIG_DOCS_START);
  const end = readme.indexOf(CONFIG_DOCS_END);
  if (start < 0 || end < start)
    throw new Error(`the README has no configuration table markers (${CONFIG_DOCS_START} … ${CONFIG_DOCS_END})`);
  return `${readme.slice(0, start + CONFIG_DOCS_START.length)}\n\n${configTableMarkdown()}\n\n${readme.slice(end)}`;
}
