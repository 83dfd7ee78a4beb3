/**
 * Every environment variable the services read, in one table: the README's configuration
 * section lists them and the docker-compose check refuses any other name.
 */
import { SUBGRAPHS } from '@cardweave/gateway';

export interface EnvironmentVariable {
  name: string;
  readBy: string;
  meaning: string;
  fallback: string;
}

export const ENVIRONMENT_VARIABLES: EnvironmentVariable[] = [
  {
    name: 'DATABASE_URL',
    readBy: 'npm start, demo-data',
    meaning: 'One PostgreSQL URL for all three subgraphs (each in its own schema)',
    fallback: 'embedded PGlite',
  },
  ...SUBGRAPHS.flatMap((s) => [
    {
      name: s.databaseUrlEnv,
      readBy: `${s.name} subgraph`,
      meaning: `PostgreSQL URL of the ${s.name} subgraph's database`,
      fallback: 'DATABASE_URL',
    },
    { name: s.portEnv, readBy: `${s.name} subgraph`, meaning: `Port the ${s.name} subgraph listens on`, fallback: String(s.defaultPort) },
    {
      name: s.urlEnv,
      readBy:
        s.name === 'issuer' ? 'gateway, clearing and wallet subgraphs' : s.name === 'clearing' ? 'gateway, wallet subgraph' : 'gateway',
      meaning: `URL the ${s.name} subgraph is called at (by the gateway, and by the hop before it in the payment chain)`,
      fallback: `http://127.0.0.1:${s.defaultPort}/graphql`,
    },
  ]),
  {
    name: 'HOP_TIMEOUT_MS',
    readBy: 'wallet, clearing subgraphs',
    meaning: 'How long the next hop of a payment may take before the payment is reversed',
    fallback: '8000 (wallet), 5000 (clearing)',
  },
  {
    name: 'PAYMENT_RECOVERY_INTERVAL_MS',
    readBy: 'wallet subgraph',
    meaning: 'How often unfinished payments are looked for (0: only when an operator runs recoverPayments)',
    fallback: '10000',
  },
  {
    name: 'PAYMENT_RECOVERY_AFTER_MS',
    readBy: 'wallet subgraph',
    meaning: 'How long a payment may stay unfinished before recovery reverses it on every platform',
    fallback: '30000',
  },
  { name: 'GATEWAY_PORT', readBy: 'gateway', meaning: 'Port the gateway listens on', fallback: '4000' },
  {
    name: 'SERVICE_PUBLIC_KEYS',
    readBy: 'all services',
    meaning: "Every service's Ed25519 public key, `gateway=<base64 SPKI DER>,issuer=…` (npm run keys)",
    fallback: 'the local key set in .data/keys.json (not in production)',
  },
  {
    name: 'SERVICE_PRIVATE_KEY',
    readBy: 'all services',
    meaning: "This service's own Ed25519 signing key, base64 PKCS8 DER",
    fallback: 'the local key set (not in production)',
  },
  {
    name: 'CARDWEAVE_KEYS',
    readBy: 'all services',
    meaning: 'A whole local key set as JSON (how tests hand keys to child processes)',
    fallback: 'unset',
  },
  {
    name: 'JWT_PUBLIC_KEY',
    readBy: 'gateway',
    meaning: "The token issuer's ES256 public key (PEM, or base64 SPKI DER)",
    fallback: 'the local key set (not in production)',
  },
  {
    name: 'JWT_PRIVATE_KEY',
    readBy: 'npm run token',
    meaning:
      "The token issuer's ES256 private key (base64 PKCS8 DER or PEM) to mint with; `npm run keys` prints a demo one. Never the gateway's",
    fallback: 'the local key set (.data/keys.json or CARDWEAVE_KEYS)',
  },
  {
    name: 'JWT_ISSUER',
    readBy: 'gateway, npm run token',
    meaning: 'The `iss` every client token must carry',
    fallback: 'https://auth.cardweave.local (required in production)',
  },
  {
    name: 'JWT_AUDIENCE',
    readBy: 'gateway, npm run token',
    meaning: 'The `aud` every client token must carry',
    fallback: 'cardweave-gateway (required in production)',
  },
  { name: 'GATEWAY_MAX_DEPTH', readBy: 'gateway', meaning: 'Deepest selection an operation may have', fallback: '12' },
  { name: 'GATEWAY_MAX_ALIASES', readBy: 'gateway', meaning: 'Most aliases in one operation', fallback: '15' },
  { name: 'GATEWAY_MAX_TOKENS', readBy: 'gateway', meaning: 'Most lexical tokens in one document', fallback: '2000' },
  {
    name: 'GATEWAY_MAX_COST',
    readBy: 'gateway',
    meaning: 'Highest cost of an operation (and of each subgraph request)',
    fallback: '20000',
  },
  { name: 'GATEWAY_MAX_BODY_BYTES', readBy: 'gateway', meaning: 'Largest request body', fallback: '65536' },
  {
    name: 'GATEWAY_PERSISTED_ONLY',
    readBy: 'gateway',
    meaning: '`1`: accept only the operations in gateway/persisted-documents.json',
    fallback: 'off',
  },
  { name: 'GATEWAY_SUBGRAPH_TIMEOUT_MS', readBy: 'gateway', meaning: 'How long one subgraph request may take', fallback: '5000' },
  {
    name: 'GATEWAY_READ_RETRIES',
    readBy: 'gateway',
    meaning: 'Retries of a failed subgraph read (mutations are never retried)',
    fallback: '1',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    readBy: 'all services',
    meaning: 'Where OpenTelemetry traces go (OTLP over HTTP)',
    fallback: 'no tracing',
  },
  { name: 'OTEL_SERVICE_NAME', readBy: 'all services', meaning: 'The service name on traces', fallback: 'cardweave-<service>' },
  { name: 'LOG_LEVEL', readBy: 'all services', meaning: 'Lowest level of the JSON log lines written', fallback: 'info' },
  { name: 'HOST', readBy: 'all services', meaning: 'Interface to listen on', fallback: '127.0.0.1' },
  {
    name: 'NODE_ENV',
    readBy: 'all services',
    meaning: '`production` turns off the IDE and introspection and requires CARD_DATA_KEY',
    fallback: 'development',
  },
  {
    name: 'CARD_DATA_KEY',
    readBy: 'issuer subgraph, demo-data',
    meaning: 'AES-256 key (32 bytes, base64) that encrypts card and ID numbers at rest',
    fallback: 'a key generated in the data folder (embedded only)',
  },
  {
    name: 'CARDWEAVE_ADAPTERS',
    readBy: 'subgraphs',
    meaning: 'Comma-separated adapter module paths or package names to load',
    fallback: 'adapters/adapters.config.json',
  },
  {
    name: 'CARDWEAVE_ADAPTERS_CONFIG',
    readBy: 'subgraphs',
    meaning: 'A JSON file whose `adapters` list names the adapters to load',
    fallback: 'adapters/adapters.config.json',
  },
  { name: 'CARDWEAVE_DATA_DIR', readBy: 'npm start', meaning: 'Folder the embedded database keeps its files in', fallback: '.data' },
  {
    name: 'CARDWEAVE_IN_MEMORY',
    readBy: 'npm start',
    meaning: '`1` for a throwaway in-memory embedded database (same as `npm start -- --memory`)',
    fallback: 'off',
  },
  {
    name: 'CARDWEAVE_DEMO_DATA',
    readBy: 'npm start',
    meaning: 'Load the demo customers into an empty database',
    fallback: 'on for embedded, off for a server',
  },
  {
    name: 'CARDWEAVE_NOW',
    readBy: 'all services',
    meaning: 'Pins the clock to an ISO instant (demos, tests of time)',
    fallback: 'the system clock',
  },
  { name: 'DEMO_CUSTOMERS', readBy: 'demo-data', meaning: 'How many demo customers to generate', fallback: '36' },
];
