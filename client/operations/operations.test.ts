/**
 * Every example operation (client/operations/*.graphql) validates against the public API
 * schema, both the published file and what composing the subgraphs gives today, each with the
 * definitions of the shared fragments it spreads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, BREAK, Kind, parse, print, validate, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { completeOperationDocuments, composeSupergraph } from '@cardweave/gateway';
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
// Each as a client sends it: with the shared fragments it spreads.
const completed = completeOperationDocuments(new Map(files.map((f) => [path.relative(OPERATIONS_DIR, f), fs.readFileSync(f, 'utf8')])));
const documents = new Map<string, DocumentNode>([...completed].map(([file, text]) => [file, parse(text)]));
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

  // One selection of what a card can pay, so a cached card view and the answers of the
  // mutations that change it cannot drift apart.
  it.each(['card-view.graphql', 'pay.graphql', 'lock-card.graphql', 'unlock-card.graphql', 'set-spending-controls.graphql'])(
    '%s selects payableNow through the CardPayableNow fragment',
    (file) => {
      expect(fs.readFileSync(path.join(OPERATIONS_DIR, file), 'utf8')).toMatch(/\.\.\.CardPayableNow\b/);
      expect(printedField(documents.get(file)!, 'payableNow')).toBe(printedField(documents.get('card-view.graphql')!, 'payableNow'));
    },
  );
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
