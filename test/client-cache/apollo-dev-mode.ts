/**
 * Apollo Client prints its cache warnings (data lost on a merge, a field missing from a result)
 * only in development mode, which Node selects through globalThis.__DEV__ rather than an export
 * condition. Imported before @apollo/client so that its modules see it.
 */
(globalThis as { __DEV__?: boolean }).__DEV__ = true;
export {};
