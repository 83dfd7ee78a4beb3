import { Kind, parse, print } from 'graphql';
import { documentDefinitions, fragmentDefinitions, withFragments } from './with-fragments';

describe('withFragments', () => {
  const view =
    'query View {\n  card {\n    ...Payable\n  }\n}\n\nfragment Payable on Card {\n  id\n  ...Rules\n  ...Rules\n}\n\nfragment Rules on Card {\n  rules\n}\n';

  it('appends the fragments an operation spreads, and those they spread, once each, as written', () => {
    const lock = 'mutation Lock {\n  lock {\n    ...Payable\n    other: lock {\n      ...Payable\n    }\n  }\n}\n';
    expect(withFragments(lock, fragmentDefinitions(view))).toBe(
      `${lock}\nfragment Payable on Card {\n  id\n  ...Rules\n  ...Rules\n}\n\nfragment Rules on Card {\n  rules\n}\n`,
    );
  });

  it('leaves a document that defines what it spreads, or spreads nothing, as it is', () => {
    expect(withFragments(view, fragmentDefinitions(view))).toBe(view);
    expect(withFragments('{ a }', fragmentDefinitions(view))).toBe('{ a }');
  });

  it('leaves an unknown spread for validation', () => {
    expect(withFragments('{ ...Missing }', fragmentDefinitions(view))).toBe('{ ...Missing }');
  });

  it('takes each definition as written and only real spreads, past comments, strings, inline fragments and object values', () => {
    const document = [
      '# a comment with ...NotASpread and { a brace',
      'query Q($input: In = {a: {b: "}"}}, $s: String = """ ...NotASpread } """) @d(x: {y: 1}) {',
      '  a(text: "...NotASpread \\" }") { ... on Card { ...Inner } ... @include(if: true) { b } }',
      '  ... {',
      '    ...Outer # ...NotASpread',
      '  }',
      '}',
      'fragment Inner on Card @d(x: {y: "{"}) { c }',
      '{ anonymous }',
      'fragment Outer on Card { ...Inner }',
    ].join('\n');
    const parsed = parse(document);
    const definitions = documentDefinitions(document);
    expect(definitions.map((d) => d.text)).toEqual(parsed.definitions.map((d) => document.slice(d.loc!.start, d.loc!.end)));
    expect(definitions.map((d) => d.fragment)).toEqual(
      parsed.definitions.map((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? d.name.value : undefined)),
    );
    expect(definitions.map((d) => d.spreads)).toEqual([['Inner', 'Outer'], [], [], ['Inner']]);
    // What is appended parses, and is the fragments' definitions.
    const completed = parse(withFragments('{ ...Outer }', fragmentDefinitions(document)));
    expect(completed.definitions.map((d) => print(d))).toEqual([
      '{\n  ...Outer\n}',
      'fragment Outer on Card {\n  ...Inner\n}',
      'fragment Inner on Card @d(x: {y: "{"}) {\n  c\n}',
    ]);
  });
});
