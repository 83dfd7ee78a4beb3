/**
 * The checked-in client operations as the documents a client sends. A selection several
 * operations share is one named fragment, defined once in the operation file that shows it
 * (CardPayableNow in card-view.graphql); a GraphQL document must define every fragment it
 * spreads, so each file that spreads one it does not define gets that definition appended, as
 * written in its file (and those it spreads in turn).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Kind, parse, visit, type DocumentNode } from 'graphql';

/** The client's operations folder: gateway/src or gateway/dist → the repository's client/operations. */
export const CLIENT_OPERATIONS_DIR = path.resolve(__dirname, '../../client/operations');

/** The fragment names a document spreads. */
function spreadNames(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  visit(document, { FragmentSpread: (node) => void names.add(node.name.value) });
  return names;
}

/**
 * Each file's text with the definitions of the fragments it spreads and does not define,
 * taken from the other files: `texts` maps a file name to its text, and so does the answer.
 */
export function completeOperationDocuments(texts: Map<string, string>): Map<string, string> {
  const parsed = new Map([...texts].map(([file, text]) => [file, parse(text)]));
  // Every fragment definition of every file, by name, as its text.
  const fragments = new Map<string, { text: string; spreads: Set<string> }>();
  for (const [file, document] of parsed) {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
      const name = definition.name.value;
      if (fragments.has(name)) throw new Error(`fragment ${name} is defined twice in the client operations (again in ${file})`);
      const text = texts.get(file)!.slice(definition.loc!.start, definition.loc!.end);
      fragments.set(name, { text, spreads: spreadNames({ kind: Kind.DOCUMENT, definitions: [definition] }) });
    }
  }
  const complete = new Map<string, string>();
  for (const [file, document] of parsed) {
    const defined = new Set(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
    const appended: string[] = [];
    const wanted = [...spreadNames(document)];
    for (let name = wanted.shift(); name !== undefined; name = wanted.shift()) {
      if (defined.has(name)) continue;
      const fragment = fragments.get(name);
      // Left to validation, which names the unknown fragment.
      if (!fragment) continue;
      defined.add(name);
      appended.push(fragment.text);
      wanted.push(...fragment.spreads);
    }
    const text = texts.get(file)!;
    complete.set(file, appended.length === 0 ? text : `${text.trimEnd()}\n\n${appended.join('\n\n')}\n`);
  }
  return complete;
}

/** Every operation file of `dir` (`*.graphql`), complete, by file name. */
export function readOperationDocuments(dir: string = CLIENT_OPERATIONS_DIR): Map<string, string> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  return completeOperationDocuments(new Map(files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')])));
}

/** One operation file of client/operations (e.g. `pay.graphql`), complete. */
export function readOperationDocument(file: string, dir: string = CLIENT_OPERATIONS_DIR): string {
  const text = readOperationDocuments(dir).get(file);
  if (text === undefined) throw new Error(`no client operation ${file} in ${dir}`);
  return text;
}
