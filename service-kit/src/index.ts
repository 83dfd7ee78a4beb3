/**
 * @cardweave/service-kit: what the gateway and the subgraphs share. Who the caller is
 * (identity, tokens), how services trust each other (keys, signed requests, nonces), how
 * they log and trace, how they read their settings and the time, and how one runs as its
 * own process.
 */
export { assertCanActForCustomer, assertOperator, canActForCustomer, type HasIdentity, type Identity, type Role } from './auth/identity';
export {
  currentKeyring,
  generateLocalKeySet,
  installKeyring,
  keyringFromEnv,
  keyringFromLocalKeySet,
  localKeySetFile,
  SERVICE_NAMES,
  type Keyring,
  type LocalKeySet,
  type ServiceName,
} from './auth/keys';
export {
  createServiceNoncesTableSql,
  DatabaseNonceStore,
  decodeIdentity,
  encodeIdentity,
  HEADER,
  MemoryNonceStore,
  ServiceAuthError,
  SIGNATURE_WINDOW_MS,
  signServiceRequest,
  verifyServiceRequest,
  verifyServiceSignature,
  type NonceStore,
  type SignedRequest,
  type SignRequest,
  type VerifiedCaller,
  type VerifyRequest,
} from './auth/service-auth';
export { serviceNoncesMigration } from './auth/service-nonces.migration';
export {
  DEFAULT_JWT_AUDIENCE,
  DEFAULT_JWT_ISSUER,
  identityFromClaims,
  mintToken,
  tokenSettingsFromEnv,
  type MintOptions,
  type TokenSettings,
} from './auth/tokens';
export { clockFromEnv, fixedClock, type Clock } from './clock';
export {
  ALL_ERROR_CODES,
  EDGE_ERROR_CODES,
  errorEntry,
  graphqlError,
  isClientErrorCode,
  type ClientErrorCode,
  type EdgeErrorCode,
  type ErrorCode,
  type ErrorDetails,
} from './errors/graphql-errors';
export { notFound } from './errors/not-found';
export { preferredLanguage, type Language } from './language/preferred-language';
export { PROGRAM_TIMEZONE, requireId } from './config';
export { CONFIG_DOCS_END, CONFIG_DOCS_START, configTableMarkdown, whenUnset, withConfigTable } from './environment/docs';
export * as parsers from './environment/parsers';
export type { Parser } from './environment/parsers';
export {
  ConfigError,
  configValue,
  configValueFor,
  configValueIfSet,
  readConfig,
  readVariable,
  requiredConfigValue,
  type ConfigValue,
  type Environment,
  type VariableValue,
} from './environment/read';
export { CONFIG_VARIABLES, configVariable, type ConfigName, type ConfigVariable } from './environment/variables';
export {
  jsonLogger,
  logLevelEnabled,
  setLogLevel,
  setLogSink,
  writeLog,
  type JsonLogger,
  type LogLevel,
  type LogSink,
} from './logging/json-log';
export { setupTracing, tracingEnabled, withServerSpan } from './observability/tracing';
export { runStandalone } from './server/run-standalone';
