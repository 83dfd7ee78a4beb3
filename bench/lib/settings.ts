/**
 * The benchmark harness's own settings (BENCH_*), declared as the services' are (the service
 * kit's table of variables) and read by the same parsers, so a mistyped number stops the run
 * naming the variable instead of measuring with NaN. BENCHMARKS.md says how each is used.
 * Those the harness sets for its child processes are here too.
 */
import { configVariable, parsers, readVariable, type Environment } from '@cardweave/service-kit';

const { integer, list, oneOf, text, url } = parsers;
const POSTGRES = url(['postgres:', 'postgresql:']);
const COUNT = integer({ min: 1, max: 1_000_000 });

export const BENCH_VARIABLES = {
  BENCH_POSTGRES_URL: configVariable({
    parser: POSTGRES,
    default: 'postgres://postgres@127.0.0.1:5432/postgres',
    readBy: 'npm run bench, npm run bench:latency',
    description: 'PostgreSQL server the benchmarks make their databases on',
    secret: true,
  }),
  BENCH_DATABASE: configVariable({
    parser: text(),
    default: 'cardweave_bench',
    readBy: 'npm run bench',
    description: 'Database of the run',
  }),
  BENCH_LATENCY_DATABASE: configVariable({
    parser: text(),
    readBy: 'npm run bench:latency',
    description: 'Database of the run, kept afterwards',
    whenUnset: 'cardweave_latency_<pid>, dropped afterwards',
  }),
  BENCH_CONNECTIONS: configVariable({
    parser: COUNT,
    default: 50,
    readBy: 'npm run bench',
    description: 'Concurrent connections of the load',
  }),
  BENCH_DURATION: configVariable({
    parser: integer({ min: 1, max: 3_600 }),
    default: 10,
    readBy: 'npm run bench',
    description: 'Seconds each measurement runs',
  }),
  BENCH_WARMUP: configVariable({
    parser: integer({ min: 0, max: 3_600 }),
    default: 3,
    readBy: 'npm run bench',
    description: 'Seconds of load before each measurement',
  }),
  BENCH_CUSTOMERS: configVariable({ parser: COUNT, default: 200, readBy: 'npm run bench', description: 'Customers in the database' }),
  BENCH_PAYMENT_CUSTOMERS: configVariable({ parser: COUNT, default: 20, readBy: 'npm run bench', description: 'Customers who pay' }),
  BENCH_RATE: configVariable({
    parser: COUNT,
    default: 20,
    readBy: 'npm run bench',
    description: 'Fixed offered rate, card views per second',
  }),
  BENCH_SEQUENTIAL: configVariable({ parser: COUNT, default: 200, readBy: 'npm run bench', description: 'Card views sent one at a time' }),
  BENCH_ONLY: configVariable({ parser: list(), readBy: 'npm run bench', description: 'Setups and sections to run', whenUnset: 'all' }),
  BENCH_BUILD: configVariable({
    parser: oneOf(['tsx', '0']),
    readBy: 'npm run bench, npm run bench:latency',
    description: '`tsx`: run the TypeScript through tsx; `0`: run dist/ as it is',
    whenUnset: 'build, then run the compiled services',
  }),
  BENCH_NODE_ENV: configVariable({
    parser: oneOf(['development', 'production']),
    default: 'production',
    readBy: 'npm run bench:latency',
    description: 'NODE_ENV of the measured services',
  }),
  BENCH_SUBGRAPH: configVariable({
    parser: oneOf(['issuer', 'wallet', 'clearing']),
    readBy: 'bench subgraph processes (set by the harness)',
    description: 'Which subgraph the process runs',
  }),
  BENCH_DATABASE_URL: configVariable({
    parser: POSTGRES,
    readBy: 'bench subgraph processes (set by the harness)',
    description: "The subgraph's database",
    secret: true,
  }),
  BENCH_SUPERGRAPH: configVariable({
    parser: text(),
    readBy: 'bench gateway processes (set by the harness)',
    description: 'Supergraph file a peer gateway serves',
  }),
  BENCH_CHOICES: configVariable({
    parser: text(),
    readBy: 'bench gateway processes (set by the harness)',
    description: "JSON of the gateway's performance choices flipped for a rejected alternative",
  }),
  BENCH_GATEWAY: configVariable({
    parser: text(),
    readBy: 'bench gateway processes (set by the harness)',
    description: 'Which gateway to run',
  }),
  BENCH_LATENCY_GATEWAY: configVariable({
    parser: text(),
    readBy: 'bench latency gateway process (set by the harness)',
    description: '`hive-router`: stock Hive Gateway with its Rust planner instead of Cardweave',
  }),
};

export type BenchVariable = keyof typeof BENCH_VARIABLES;

/** One setting, parsed, or its default. */
export function benchSetting<N extends BenchVariable>(name: N, env: Environment = process.env) {
  return readVariable(name, BENCH_VARIABLES[name], env);
}

/** A setting the harness always gives its child processes. */
export function requiredBenchSetting<N extends BenchVariable>(name: N, env: Environment = process.env) {
  const value = benchSetting(name, env);
  if (value === undefined) throw new Error(`${name} is required`);
  return value as NonNullable<typeof value>;
}
