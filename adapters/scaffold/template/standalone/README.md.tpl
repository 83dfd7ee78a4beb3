# __ID__: a Cardweave __ROLE__ adapter

Written against `@cardweave/adapter-sdk` and checked by `@cardweave/adapter-testkit`'s
conformance suite. The guide is the SDK's (`adapters/README.md` in the Cardweave repository).

```sh
npm install
npm test             # the conformance suite: green as generated
npm run typecheck
npm run build        # dist/, for a system that runs compiled JavaScript
```

Then, one piece at a time, keeping the suite green:

1. `src/__ID__.expectations.ts`: the platform's documented figures (limits, codes and messages,
   what triggers its errors), each with its source. Never copied from the adapter or the simulator.
2. `src/__ID__.simulator.ts`: the platform as its documentation describes it.
3. `src/__ID__.adapter.ts`, `src/__ID__.errors.ts`, `src/__ID__.transformers.ts`: the
   declaration, the error table and the platform's shapes.

## Running it in Cardweave

The adapter brings its simulator (`simulator` on the adapter), so a development system answers
its requests in process; in production it talks to its platform over HTTP.

From a Cardweave checkout, beside the default adapters:

```sh
CARDWEAVE_ADAPTERS_ADD=/path/to/__ID__ npm start -- --memory
```

A system that runs compiled JavaScript loads `npm run build`'s output: name `/path/to/__ID__/dist`,
or install this package into the system and name it by its package name, in
`CARDWEAVE_ADAPTERS_ADD` or in the system's `adapters.config.json`.
