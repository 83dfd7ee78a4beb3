/**
 * A GraphQL document must define every fragment it spreads. The client operations define a
 * shared selection once (CardPayableNow in card-view.graphql) and the documents that spread it
 * get its definition appended as written. The card page, the gateway's operation documents and
 * the example clients all complete documents here, so all three send the same text. Read by
 * graphql's own parser (its language module only, which is what the card page's bundle takes).
 */
import { Kind, parse, visit } from 'graphql/language';

/** One top-level definition of a document: its text as written, and the fragments it spreads. */
export interface DocumentDefinition {
  /** The fragment's name, or undefined for an operation. */
  fragment: string | undefined;
  text: string;
  spreads: string[];
}

/**
 * The top-level definitions of a document, in order, each with its text as written (sliced by
 * the parser's locations, so what is appended is byte for byte what the file holds: the
 * persisted documents' hashes depend on it). A syntax error throws graphql's GraphQLError.
 */
export function documentDefinitions(document: string): DocumentDefinition[] {
  return parse(document).definitions.map((definition) => {
    const spreads: string[] = [];
    visit(definition, {
      FragmentSpread(spread) {
        if (!spreads.includes(spread.name.value)) spreads.push(spread.name.value);
      },
    });
    return {
      fragment: definition.kind === Kind.FRAGMENT_DEFINITION ? definition.name.value : undefined,
      text: document.slice(definition.loc!.start, definition.loc!.end),
      spreads,
    };
  });
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
