/**
 * Every environment variable Cardweave reads, in one table: its parser, its default, what it
 * means and who reads it. Services and scripts read their settings through read.ts, which
 * parses by this table; the README's configuration table is written from it
 * (`npm run config:docs`) and the docker-compose check refuses any name not in it.
 *
 * A new variable is one more row. `default` is the value when the variable is unset or
 * empty; a row without one reads as undefined then, and `whenUnset` says in the README what
 * happens instead. `defaultFor` gives a default per reading service. `secret` keeps the
 * value out of error messages.
 */
import type { ServiceName } from '../auth/keys';
import type { LogLevel } from '../logging/json-log';
import { durationMs, flag, instant, integer, oneOf, origins, port, text, url, type Parser } from './parsers';

export interface ConfigVariable<T> {
  parser: Parser<T>;
  // NoInfer: the value type comes from the parser alone (a default of 'info' is a LogLevel, not any string).
  default?: NoInfer<T>;
  /** A default that depends on which service reads the variable. */
  defaultFor?: Partial<Record<ServiceName, NoInfer<T>>>;
  /** What happens when it is unset, for the README, when that is more than the default value. */
  whenUnset?: string;
  description: string;
  readBy: string;
  /** A key or a URL with a password: never echoed in an error. */
  secret?: boolean;
}

/** One row, typed by its parser (and, with a default, never undefined when read). */
export function configVariable<T>(spec: ConfigVariable<T> & { default: NoInfer<T> }): ConfigVariable<T> & { default: T };
export function configVariable<T>(spec: ConfigVariable<T>): ConfigVariable<T>;
export function configVariable<T>(spec: ConfigVariable<T>): ConfigVariable<T> {
  return spec;
}
const variable = configVariable;

const POSTGRES = url(['postgres:', 'postgresql:']);
const HTTP = url(['http:', 'https:']);
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const satisfies readonly LogLevel[];
/** A request limit of the gateway: at least 1, at most a billion (a typo, not a limit, above that). */
const LIMIT = integer({ min: 1, max: 1_000_000_000 });

export const CONFIG_VARIABLES = {
  DATABASE_URL: variable({
    parser: POSTGRES,
    readBy: 'npm start, demo-data',
    description: 'One PostgreSQL URL for all three subgraphs (each in its own schema)',
    whenUnset: 'embedded PGlite',
    secret: true,
  }),
  ISSUER_DATABASE_URL: variable({
    parser: POSTGRES,
    readBy: 'issuer subgraph',
    description: "PostgreSQL URL of the issuer subgraph's database",
    whenUnset: 'DATABASE_URL',
    secret: true,
  }),
  ISSUER_PORT: variable({ parser: port(), default: 4001, readBy: 'issuer subgraph', description: 'Port the issuer subgraph listens on' }),
  ISSUER_URL: variable({
    parser: HTTP,
    default: 'http://127.0.0.1:4001/graphql',
    readBy: 'gateway, clearing and wallet subgraphs',
    description: 'URL the issuer subgraph is called at (by the gateway, and by the hop before it in the payment chain)',
  }),
  WALLET_DATABASE_URL: variable({
    parser: POSTGRES,
    readBy: 'wallet subgraph',
    description: "PostgreSQL URL of the wallet subgraph's database",
    whenUnset: 'DATABASE_URL',
    secret: true,
  }),
  WALLET_PORT: variable({ parser: port(), default: 4002, readBy: 'wallet subgraph', description: 'Port the wallet subgraph listens on' }),
  WALLET_URL: variable({
    parser: HTTP,
    default: 'http://127.0.0.1:4002/graphql',
    readBy: 'gateway',
    description: 'URL the wallet subgraph is called at (by the gateway, and by the hop before it in the payment chain)',
  }),
  CLEARING_DATABASE_URL: variable({
    parser: POSTGRES,
    readBy: 'clearing subgraph',
    description: "PostgreSQL URL of the clearing subgraph's database",
    whenUnset: 'DATABASE_URL',
    secret: true,
  }),
  CLEARING_PORT: variable({
    parser: port(),
    default: 4003,
    readBy: 'clearing subgraph',
    description: 'Port the clearing subgraph listens on',
  }),
  CLEARING_URL: variable({
    parser: HTTP,
    default: 'http://127.0.0.1:4003/graphql',
    readBy: 'gateway, wallet subgraph',
    description: 'URL the clearing subgraph is called at (by the gateway, and by the hop before it in the payment chain)',
  }),
  HOP_TIMEOUT_MS: variable({
    parser: durationMs({ min: 1 }),
    // Nested: clearing's below the wallet's, the wallet's below GATEWAY_SUBGRAPH_TIMEOUT_MS, each
    // with a second for the hop's own database work, so a caller never times out before its hop answers.
    defaultFor: { wallet: 4_000, clearing: 3_000 },
    readBy: 'wallet, clearing subgraphs',
    description:
      "How long the next hop of a payment may take before the payment is reversed; set per service, clearing's below the wallet's and the wallet's below GATEWAY_SUBGRAPH_TIMEOUT_MS. In one process (npm start) the value is the wallet's and clearing takes three quarters of it",
  }),
  PAYMENT_RECOVERY_INTERVAL_MS: variable({
    parser: durationMs(),
    default: 10_000,
    readBy: 'wallet subgraph',
    description: 'How often unfinished payments are looked for (0: only when an operator runs recoverPayments)',
  }),
  PAYMENT_RECOVERY_AFTER_MS: variable({
    parser: durationMs(),
    default: 30_000,
    readBy: 'wallet subgraph',
    description: 'How long a payment may stay unfinished before recovery reverses it on every platform',
  }),
  NATS_URL: variable({
    parser: url(['nats:', 'tls:']),
    readBy: 'issuer subgraph, wallet subgraph, clearing subgraph, npm start',
    description: "NATS server with JetStream that each subgraph's outbox relay publishes its domain events to (stream CARDWEAVE_EVENTS)",
    whenUnset: 'events delivered in-process only',
    secret: true,
  }),
  EVENT_RETENTION_DAYS: variable({
    parser: integer({ min: 8, max: 36_500 }),
    default: 30,
    readBy: 'issuer, wallet and clearing subgraphs',
    description:
      "Days the wallet's event inbox keeps an event after storing it, and each outbox an event after publishing it; older rows are deleted in small batches. More than the stream's 7 days, so an inbox reading the stream again never finds an event it let go. A subscription resuming after an event no longer kept is refused (BAD_USER_INPUT, field after). The webhook delivery log is kept as long: a delivered, failed or cancelled delivery goes (with its attempts) that many days after its 24-hour retry window ended, one still retrying never; an event a kept delivery refers to is kept",
  }),
  GATEWAY_PORT: variable({
    parser: port(),
    default: 4000,
    readBy: 'gateway, npm run token',
    description: 'Port the gateway listens on; for npm run token, which local run to mint for when several are up',
  }),
  SERVICE_PUBLIC_KEYS: variable({
    parser: text(),
    readBy: 'all services',
    description: "Every service's Ed25519 public key, `gateway=<base64 SPKI DER>,issuer=…` (npm run keys)",
    whenUnset: 'the local key set in .data/keys.json (not in production)',
  }),
  SERVICE_PRIVATE_KEY: variable({
    parser: text(),
    readBy: 'all services',
    description: "This service's own Ed25519 signing key, base64 PKCS8 DER",
    whenUnset: 'the local key set (not in production)',
    secret: true,
  }),
  CARDWEAVE_KEYS: variable({
    parser: text(),
    readBy: 'all services',
    description: 'A whole local key set as JSON (how tests hand keys to child processes)',
    secret: true,
  }),
  CARDWEAVE_SERVICE: variable({
    parser: oneOf(['gateway', 'issuer', 'wallet', 'clearing'] as const satisfies readonly ServiceName[]),
    readBy: 'all services',
    description: 'Which service this process is, for the signing key of a process that did not install its keys itself',
    whenUnset: 'the service that starts the process says',
  }),
  JWT_PUBLIC_KEY: variable({
    parser: text(),
    readBy: 'gateway',
    description: "The token issuer's ES256 public key (PEM, or base64 SPKI DER)",
    whenUnset: 'the local key set (not in production)',
  }),
  JWT_PRIVATE_KEY: variable({
    parser: text(),
    readBy: 'npm run token',
    description:
      "The token issuer's ES256 private key (base64 PKCS8 DER or PEM) to mint with; `npm run keys` prints a demo one. Never the gateway's",
    whenUnset: 'the local key set (.data/keys.json or CARDWEAVE_KEYS)',
    secret: true,
  }),
  JWT_ISSUER: variable({
    parser: text(),
    readBy: 'gateway, npm run token',
    description: 'The `iss` every client token must carry',
    whenUnset: 'https://auth.cardweave.local (required in production)',
  }),
  JWT_AUDIENCE: variable({
    parser: text(),
    readBy: 'gateway, npm run token',
    description: 'The `aud` every client token must carry',
    whenUnset: 'cardweave-gateway (required in production)',
  }),
  GATEWAY_MAX_DEPTH: variable({ parser: LIMIT, default: 12, readBy: 'gateway', description: 'Deepest selection an operation may have' }),
  GATEWAY_MAX_ALIASES: variable({ parser: LIMIT, default: 15, readBy: 'gateway', description: 'Most aliases in one operation' }),
  GATEWAY_MAX_TOKENS: variable({ parser: LIMIT, default: 2_000, readBy: 'gateway', description: 'Most lexical tokens in one document' }),
  GATEWAY_MAX_COST: variable({
    parser: LIMIT,
    default: 20_000,
    readBy: 'gateway',
    description: 'Highest cost of an operation (and of each subgraph request)',
  }),
  GATEWAY_MAX_BODY_BYTES: variable({ parser: LIMIT, default: 64 * 1024, readBy: 'gateway', description: 'Largest request body, in bytes' }),
  GATEWAY_PERSISTED_ONLY: variable({
    parser: flag(),
    default: false,
    readBy: 'gateway',
    description: '`1`: accept only the operations in gateway/persisted-documents.json',
  }),
  GATEWAY_SUBGRAPH_TIMEOUT_MS: variable({
    parser: durationMs({ min: 1 }),
    default: 5_000,
    readBy: 'gateway',
    description: 'How long one subgraph request may take',
  }),
  GATEWAY_READ_RETRIES: variable({
    parser: integer({ min: 0, max: 10 }),
    default: 1,
    readBy: 'gateway',
    description: 'Retries of a failed subgraph read (mutations are never retried)',
  }),
  GATEWAY_CORS_ORIGINS: variable({
    parser: origins(),
    readBy: 'gateway',
    description:
      'Comma-separated origins (`https://cards.example.com`) whose pages may call the gateway from a browser, besides its own; no other origin gets CORS headers',
    whenUnset: "the gateway's own origin only",
  }),
  GATEWAY_METRICS_TOKEN: variable({
    parser: text(),
    readBy: 'gateway',
    description: 'Bearer token GET /metrics requires (`Authorization: Bearer <token>`, as Prometheus sends it)',
    whenUnset: '/metrics answers 404 in production; in development only loopback clients may read it',
    secret: true,
  }),
  OTEL_EXPORTER_OTLP_ENDPOINT: variable({
    parser: HTTP,
    readBy: 'all services',
    description: 'Where OpenTelemetry traces go (OTLP over HTTP)',
    whenUnset: 'no tracing',
  }),
  OTEL_SERVICE_NAME: variable({
    parser: text(),
    readBy: 'all services',
    description: 'The service name on traces',
    whenUnset: 'cardweave-<service>',
  }),
  LOG_LEVEL: variable({
    parser: oneOf(LOG_LEVELS),
    default: 'info',
    readBy: 'all services',
    description: 'Lowest level of the JSON log lines written',
  }),
  HOST: variable({ parser: text(), default: '127.0.0.1', readBy: 'all services', description: 'Interface to listen on' }),
  NODE_ENV: variable({
    parser: oneOf(['development', 'test', 'production']),
    default: 'development',
    readBy: 'all services',
    description: '`production` turns off the IDE and introspection and requires CARD_DATA_KEY and WEBHOOK_SECRET_KEYS',
  }),
  CARD_DATA_KEY: variable({
    parser: text(),
    readBy: 'issuer subgraph, demo-data',
    description: 'AES-256 key (32 bytes, base64) that encrypts card and ID numbers at rest',
    whenUnset: 'a key generated in the data folder (embedded only)',
    secret: true,
  }),
  WEBHOOK_SECRET_KEYS: variable({
    parser: text(),
    readBy: 'wallet subgraph',
    description:
      'AES-256 keys that encrypt webhook signing secrets at rest, `<id>=<32 bytes base64>,…` (npm run keys): the first seals, every one listed opens the secrets sealed under it (rotate by putting a new key first; the wallet re-seals older rows at start)',
    whenUnset: 'keys generated in the data folder (embedded only; required in production)',
    secret: true,
  }),
  CARDWEAVE_ADAPTERS: variable({
    parser: text(),
    readBy: 'subgraphs',
    description: 'Comma-separated adapter module paths or package names to load',
    whenUnset: 'adapters/adapters.config.json',
  }),
  CARDWEAVE_ADAPTERS_CONFIG: variable({
    parser: text(),
    readBy: 'subgraphs',
    description: 'A JSON file whose `adapters` list names the adapters to load',
    whenUnset: 'adapters/adapters.config.json',
  }),
  CARDWEAVE_ADAPTERS_ADD: variable({
    parser: text(),
    readBy: 'subgraphs',
    description: 'Comma-separated adapter module paths or package names loaded beside the configured ones',
    whenUnset: 'none added',
  }),
  CARDWEAVE_DATA_DIR: variable({
    parser: text(),
    readBy: 'npm start',
    description: 'Folder the embedded database keeps its files in',
    whenUnset: '.data',
  }),
  CARDWEAVE_IN_MEMORY: variable({
    parser: flag(),
    default: false,
    readBy: 'npm start',
    description: '`1` for a throwaway in-memory embedded database (same as `npm start -- --memory`)',
  }),
  CARDWEAVE_DEMO_DATA: variable({
    parser: flag(),
    readBy: 'npm start',
    description: 'Load the demo customers into an empty database',
    whenUnset: 'on for embedded, off for a server',
  }),
  CARDWEAVE_NOW: variable({
    parser: instant(),
    readBy: 'all services',
    description: 'Pins the clock to an ISO instant (demos, tests of time)',
    whenUnset: 'the system clock',
  }),
  DEMO_CUSTOMERS: variable({
    parser: integer({ min: 1, max: 100_000 }),
    default: 36,
    readBy: 'demo-data',
    description: 'How many demo customers to generate',
  }),
  MOCK_PORT: variable({ parser: port(), default: 4010, readBy: 'npm run mock', description: 'Port the mock server listens on' }),
};

export type ConfigName = keyof typeof CONFIG_VARIABLES;
