import { completeOperationDocuments } from './operation-documents';

describe('completeOperationDocuments', () => {
  const view =
    'query View {\n  card {\n    ...Payable\n  }\n}\n\nfragment Payable on Card {\n  id\n  ...Rules\n}\n\nfragment Rules on Card {\n  rules\n}\n';

  it('appends to a file the definitions of the fragments it spreads, and of those they spread, as written', () => {
    const done = completeOperationDocuments(
      new Map([
        ['view.graphql', view],
        ['lock.graphql', 'mutation Lock {\n  lock {\n    ...Payable\n  }\n}\n'],
      ]),
    );
    expect(done.get('lock.graphql')).toBe(
      'mutation Lock {\n  lock {\n    ...Payable\n  }\n}\n\nfragment Payable on Card {\n  id\n  ...Rules\n}\n\nfragment Rules on Card {\n  rules\n}\n',
    );
    // A file that defines what it spreads is sent as it is, so its hash is its text's.
    expect(done.get('view.graphql')).toBe(view);
  });

  it('refuses a fragment name defined in two files', () => {
    expect(() =>
      completeOperationDocuments(
        new Map([
          ['a.graphql', view],
          ['b.graphql', view.replace('query View', 'query Other')],
        ]),
      ),
    ).toThrow(/fragment Payable is defined twice/);
  });
});
