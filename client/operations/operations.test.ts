/**
 * Every example operation (client/operations/*.graphql) validates against the public API
 * schema, both the published file and what composing the subgraphs gives today.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, BREAK, Kind, parse, print, validate, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { composeSupergraph } from '@cardweave/gateway';
import { publicSchema, publicSchemaFromSupergraph, PUBLIC_SCHEMA_FILE } from '../schema/public-schema';

const OPERATIONS_DIR = __dirname;

function operationFiles(dir: string = OPERATIONS_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return operationFiles(full);
      return entry.name.endsWith('.graphql') || entry.name.endsWith('.gql') ? [full] : [];
    })
    .sort();
}

const files = operationFiles();
const documents = new Map<string, DocumentNode>(files.map((f) => [path.relative(OPERATIONS_DIR, f), parse(fs.readFileSync(f, 'utf8'))]));
const schemas: Array<[string, () => GraphQLSchema]> = [
  ['schema/public-api.graphql', () => buildSchema(fs.readFileSync(PUBLIC_SCHEMA_FILE, 'utf8'))],
  ['gateway/supergraph.graphql', () => publicSchema()],
  ['the subgraphs composed now', () => publicSchemaFromSupergraph(composeSupergraph())],
];

describe('the example operations', () => {
  it('include the card view and the bill view', () => {
    expect([...documents.keys()]).toEqual(expect.arrayContaining(['card-view.graphql', 'bill-view.graphql']));
  });

  describe.each(schemas)('against %s', (_name, schema) => {
    const built = schema();
    it.each([...documents.keys()])('%s validates', (file) => {
      expect(validate(built, documents.get(file)!).map((e) => e.message)).toEqual([]);
    });
  });

  it('each file holds one named operation, and names are unique', () => {
    const names = [...documents.values()].map((doc) => {
      const operations = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      expect(operations).toHaveLength(1);
      expect(operations[0].kind === Kind.OPERATION_DEFINITION && operations[0].name?.value).toBeTruthy();
      return operations[0].kind === Kind.OPERATION_DEFINITION ? operations[0].name!.value : '';
    });
    expect(new Set(names).size).toBe(names.length);
  });

  // The mutations that change what a card can pay answer with the card view's own selection of
  // it, so a cache holding the view updates from the answer and no field goes missing or stale.
  it.each([
    ['pay.graphql', ['payableNow', 'networkLimits']],
    ['lock-card.graphql', ['payableNow']],
    ['unlock-card.graphql', ['payableNow']],
    ['set-spending-controls.graphql', ['payableNow']],
  ])('%s selects %j as the card view does', (file, fields) => {
    for (const field of fields)
      expect(printedField(documents.get(file)!, field)).toBe(printedField(documents.get('card-view.graphql')!, field));
  });
});

/** The first selection of the field named `name` in the document, printed, or undefined. */
function printedField(document: DocumentNode, name: string): string | undefined {
  let printed: string | undefined;
  visit(document, {
    Field(node) {
      if (node.name.value !== name) return undefined;
      printed = print(node);
      return BREAK;
    },
  });
  return printed;
}
