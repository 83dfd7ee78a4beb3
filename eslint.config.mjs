// @ts-check
// ESLint 9 flat config: typescript-eslint's recommended rules for the TypeScript, and the
// package boundaries: an import either stays inside its own package (a relative path) or
// names another package by its name and one of its "exports" entries, never its files.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'web/dist/**',
      '.data/**',
      '.scratch/**',
      'coverage/**',
      'test-results/**',
      'adapters/.scaffold-test-tmp/**',
      '**/generated/**',
      'client/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      // A relative import that reaches into another workspace package (found by the nearest
      // package.json of the file it resolves to): import that package by its name instead.
      'import-x/no-relative-packages': 'error',
      // One import statement per module: the package layout once left several from the same package.
      'import-x/no-duplicates': 'error',
      // A package's files are its own: others use its entry points ("exports").
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@cardweave/[^/]+/(src|dist)(/|$)',
              message: 'Import the package by its name (its package.json "exports"), not its files.',
            },
          ],
        },
      ],
      // A variable a closure reads before its one assignment (the gateway's runtime) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Unused names prefixed with _ are deliberate (a callback's unused parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // A GraphQL error's code is checked against the declared codes: graphqlError/errorEntry of
    // @cardweave/service-kit take it as a typed argument, a hand-written extensions.code is not.
    files: ['gateway/**/*.ts', 'service-kit/**/*.ts', 'subgraphs/**/*.ts'],
    ignores: ['**/*.test.ts', 'service-kit/src/errors/graphql-errors.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='extensions'] > ObjectExpression > Property[key.name='code']",
          message: 'Give the error its code with graphqlError() or errorEntry() from @cardweave/service-kit (a typed ErrorCode).',
        },
      ],
    },
  },
  {
    // Tests read GraphQL answers as untyped JSON.
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/src/**/*.tsx', 'web/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    // The two rules of hooks (the React Compiler's newer checks are not adopted).
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
);
