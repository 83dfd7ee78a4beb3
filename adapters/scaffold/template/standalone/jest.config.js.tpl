/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Tests only transpile; `npm run typecheck` checks the types.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
};
