/**
 * The README's permission table, written from the table in permissions.ts (`npm run
 * permissions:docs`), laid out as Prettier lays out a Markdown table so the written README
 * passes the format check as it is.
 */
import { ACTORS, FIELD_PERMISSIONS, MUTATION_PERMISSIONS, type Permission } from './permissions';

/** Where the generated table sits in the README. */
export const PERMISSIONS_DOCS_START = '<!-- permission table: written by npm run permissions:docs -->';
export const PERMISSIONS_DOCS_END = '<!-- end of permission table -->';

export function permissionsTableMarkdown(): string {
  const header = ['mutation or field', ...ACTORS.map((actor) => actor.toLowerCase()), 'why'];
  const row = (coordinate: string, permission: Permission) => [
    `\`${coordinate}\``,
    ...ACTORS.map((actor) => (permission.allowed.includes(actor) ? 'yes' : 'no')),
    permission.why.replace(/\|/g, '\\|'),
  ];
  const rows = [
    ...Object.entries(MUTATION_PERMISSIONS).map(([name, permission]) => row(`Mutation.${name}`, permission)),
    ...Object.entries(FIELD_PERMISSIONS).map(([coordinate, permission]) => row(coordinate, permission)),
  ];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((cells) => cells[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The README with its permission table replaced by the current one. */
export function withPermissionsTable(readme: string): string {
  const start = readme.indexOf(PERMISSIONS_DOCS_START);
  const end = readme.indexOf(PERMISSIONS_DOCS_END);
  if (start < 0 || end < start) {
    throw new Error(`the README has no permission table markers (${PERMISSIONS_DOCS_START} … ${PERMISSIONS_DOCS_END})`);
  }
  return `${readme.slice(0, start + PERMISSIONS_DOCS_START.length)}\n\n${permissionsTableMarkdown()}\n\n${readme.slice(end)}`;
}
