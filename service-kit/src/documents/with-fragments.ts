/**
 * A GraphQL document must define every fragment it spreads. The client operations define a
 * shared selection once (CardPayableNow in card-view.graphql) and the documents that spread it
 * get its definition appended as written. The card page, the gateway's operation documents and
 * the example clients all complete documents here, so all three send the same text. No GraphQL
 * parser: this runs in the card page's bundle, and it only needs definition boundaries,
 * fragment names and spreads, skipping comments and strings.
 */

/** One top-level definition of a document: its text as written, and the fragments it spreads. */
export interface DocumentDefinition {
  /** The fragment's name, or undefined for an operation. */
  fragment: string | undefined;
  text: string;
  spreads: string[];
}

const NAME = /[_A-Za-z][_0-9A-Za-z]*/y;

/** The top-level definitions of a document, in order. Syntax errors are left to the parser. */
export function documentDefinitions(document: string): DocumentDefinition[] {
  const definitions: DocumentDefinition[] = [];
  let open: { start: number; fragment: string | undefined; spreads: string[]; awaitingName: boolean } | undefined;
  let braces = 0;
  let parentheses = 0;
  let i = 0;
  const readName = (at: number): string | undefined => {
    NAME.lastIndex = at;
    return NAME.exec(document)?.[0];
  };
  while (i < document.length) {
    const c = document[i];
    if (c === '#') {
      while (i < document.length && document[i] !== '\n' && document[i] !== '\r') i++;
    } else if (document.startsWith('"""', i)) {
      i += 3;
      while (i < document.length && !document.startsWith('"""', i)) i += document.startsWith('\\"""', i) ? 4 : 1;
      i += 3;
    } else if (c === '"') {
      i++;
      while (i < document.length && document[i] !== '"' && document[i] !== '\n') i += document[i] === '\\' ? 2 : 1;
      i++;
    } else if (document.startsWith('...', i)) {
      i += 3;
      while (/[\s,\uFEFF]/.test(document[i] ?? '')) i++;
      const name = readName(i);
      // `... on Type` and `... {` / `... @directive` are inline fragments, not spreads.
      if (name !== undefined) {
        if (name !== 'on' && open && !open.spreads.includes(name)) open.spreads.push(name);
        i += name.length;
      }
    } else if (c === '(') {
      parentheses++;
      i++;
    } else if (c === ')') {
      parentheses--;
      i++;
    } else if (c === '{') {
      if (!open) open = { start: i, fragment: undefined, spreads: [], awaitingName: false };
      braces++;
      i++;
    } else if (c === '}') {
      braces--;
      i++;
      // An object value in a header's arguments closes inside parentheses, not the definition.
      if (braces === 0 && parentheses === 0 && open) {
        definitions.push({ fragment: open.fragment, text: document.slice(open.start, i), spreads: open.spreads });
        open = undefined;
      }
    } else {
      const name = readName(i);
      if (name === undefined) {
        i++;
        continue;
      }
      if (!open && braces === 0) {
        open = { start: i, fragment: undefined, spreads: [], awaitingName: name === 'fragment' };
      } else if (open?.awaitingName && braces === 0) {
        open.fragment = name;
        open.awaitingName = false;
      }
      i += name.length;
    }
  }
  return definitions;
}

/** The fragment definitions of a document, by name, as written. */
export function fragmentDefinitions(document: string): Map<string, DocumentDefinition> {
  return new Map(documentDefinitions(document).flatMap((d) => (d.fragment === undefined ? [] : [[d.fragment, d] as const])));
}

/**
 * The operation's text with the definitions of the fragments it spreads and does not define
 * appended, each once, with those they spread in turn, in the order first reached. A spread of
 * a fragment `fragments` does not hold is left for validation, which names it. Nothing to
 * append leaves the text as it is.
 */
export function withFragments(operation: string, fragments: ReadonlyMap<string, DocumentDefinition>): string {
  const own = documentDefinitions(operation);
  const defined = new Set(own.flatMap((d) => (d.fragment === undefined ? [] : [d.fragment])));
  const wanted = own.flatMap((d) => d.spreads);
  const appended: string[] = [];
  for (let name = wanted.shift(); name !== undefined; name = wanted.shift()) {
    if (defined.has(name)) continue;
    const fragment = fragments.get(name);
    if (!fragment) continue;
    defined.add(name);
    appended.push(fragment.text);
    wanted.push(...fragment.spreads);
  }
  return appended.length === 0 ? operation : `${operation.trimEnd()}\n\n${appended.join('\n\n')}\n`;
}
