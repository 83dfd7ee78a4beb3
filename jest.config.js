/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Type checking is `npm run typecheck` (tsc); tests only transpile, which keeps them fast.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.data/'],
  testTimeout: 60_000,
  // Every suite stops what it starts; this only guards CI against a handle a library keeps
  // open after its close() (pg pools and HTTP agents have done so), which would hang the run.
  forceExit: true,
};
