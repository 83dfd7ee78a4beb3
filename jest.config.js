/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Workspace packages resolve to their TypeScript sources through the "cardweave-source"
  // condition of their package.json "exports" (the compiled dist/ is for production).
  testEnvironmentOptions: { customExportConditions: ['cardweave-source', 'node', 'node-addons'] },
  // Type checking is `npm run typecheck` (tsc); tests only transpile, which keeps them fast.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testMatch: ['<rootDir>/**/*.test.ts'],
  // On the real PostgreSQL (npm run test:postgres) the adapters' suites are left out: they
  // touch no database. Here rather than on the command line, where the option's list would
  // swallow the paths given after it (`npm run test:postgres -- test/webhooks`).
  testPathIgnorePatterns: [
    '/node_modules/',
    '/.data/',
    '/dist/',
    ...(process.env.CARDWEAVE_TEST_DATABASE === 'postgres' ? ['/adapters/'] : []),
  ],
  testTimeout: 60_000,
  // Every suite stops what it starts; this only guards CI against a handle a library keeps
  // open after its close() (pg pools and HTTP agents have done so), which would hang the run.
  forceExit: true,
};
