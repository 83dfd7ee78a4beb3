/**
 * `@cardweave/service-kit/permissions`: what each role may do, as one table (the subgraph
 * server enforces it, the README shows it), and the checks built on it.
 */
export {
  ACTORS,
  actorsOf,
  assertActsAsCustomer,
  assertPermitted,
  canChangeForCustomer,
  FIELD_PERMISSIONS,
  MUTATION_PERMISSIONS,
  type Actor,
  type MutationName,
  type Permission,
} from './auth/permissions';
export { PERMISSIONS_DOCS_END, PERMISSIONS_DOCS_START, permissionsTableMarkdown, withPermissionsTable } from './auth/permissions-docs';
