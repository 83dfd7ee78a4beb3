/**
 * The checked-in client operations as the documents a client sends. A selection several
 * operations share is one named fragment, defined once in the operation file that shows it
 * (CardPayableNow in card-view.graphql); a GraphQL document must define every fragment it
 * spreads, so each file that spreads one it does not define gets that definition appended, as
 * written in its file (and those it spreads in turn).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'graphql';
import { fragmentDefinitions, withFragments, type DocumentDefinition } from '@cardweave/service-kit/with-fragments';

/** The client's operations folder: gateway/src or gateway/dist → the repository's client/operations. */
export const CLIENT_OPERATIONS_DIR = path.resolve(__dirname, '../../client/operations');

/**
 * Each file's text with the definitions of the fragments it spreads and does not define,
 * taken from the other files: `texts` maps a file name to its text, and so does the answer.
 */
export function completeOperationDocuments(texts: Map<string, string>): Map<string, string> {
  // A file that does not parse is refused here, naming the error, before any is completed.
  for (const text of texts.values()) parse(text);
  // Every fragment definition of every file, by name.
  const fragments = new Map<string, DocumentDefinition>();
  for (const [file, text] of texts) {
    for (const [name, fragment] of fragmentDefinitions(text)) {
      if (fragments.has(name)) throw new Error(`fragment ${name} is defined twice in the client operations (again in ${file})`);
      fragments.set(name, fragment);
    }
  }
  return new Map([...texts].map(([file, text]) => [file, withFragments(text, fragments)]));
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
