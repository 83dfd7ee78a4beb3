import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_DOCS_END, CONFIG_DOCS_START, CONFIG_VARIABLES, configTableMarkdown, withConfigTable } from '@cardweave/service-kit';

const readme = fs.readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');

describe("the README's configuration table", () => {
  it('is the one the table of variables writes (npm run config:docs)', () => {
    expect(withConfigTable(readme)).toBe(readme);
  });

  it('has a row for every variable, between its markers', () => {
    const section = readme.slice(readme.indexOf(CONFIG_DOCS_START), readme.indexOf(CONFIG_DOCS_END));
    for (const name of Object.keys(CONFIG_VARIABLES)) expect(section).toContain(`| \`${name}\``);
  });

  it('replaces a stale table and keeps the rest of the README', () => {
    const stale = `# Title\n\n${CONFIG_DOCS_START}\n\n| old |\n\n${CONFIG_DOCS_END}\n\nAfter.\n`;
    expect(withConfigTable(stale)).toBe(`# Title\n\n${CONFIG_DOCS_START}\n\n${configTableMarkdown()}\n\n${CONFIG_DOCS_END}\n\nAfter.\n`);
    expect(() => withConfigTable('# no markers\n')).toThrow(/no configuration table markers/);
  });
});
