/** The published public API schema: current, and documented throughout. */
import * as fs from 'node:fs';
import { undocumentedElements } from './descriptions';
import { printPublicSchema, publicSchema, PUBLIC_SCHEMA_FILE } from './public-schema';

describe('the public API schema', () => {
  it('schema/public-api.graphql is not stale (run `npm run schema:print -- --write`)', () => {
    expect(fs.readFileSync(PUBLIC_SCHEMA_FILE, 'utf8')).toBe(printPublicSchema());
  });

  it('describes every public type, field and argument', () => {
    // Add a "description" in the subgraph's schema.graphql for each name listed here.
    expect(undocumentedElements(publicSchema())).toEqual([]);
  });

  it('shows no federation machinery', () => {
    const sdl = printPublicSchema();
    expect(sdl).not.toMatch(/@join__|@link|join__|link__|_Service|_Entity/);
    expect(sdl).toContain('type Query');
  });
});
