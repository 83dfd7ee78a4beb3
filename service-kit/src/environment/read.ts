/**
 * Reads configuration from the environment by the table in variables.ts. An unset or blank
 * variable takes its default; a value the variable's parser refuses stops the service with an
 * error naming the variable, what it expects and what it got (a secret's length only).
 */
import type { ServiceName } from '../auth/keys';
import type { Parser } from './parsers';
import { CONFIG_VARIABLES, type ConfigName, type ConfigVariable } from './variables';

type Table = typeof CONFIG_VARIABLES;
type ParsedBy<V> = V extends { parser: Parser<infer T> } ? T : never;
type Parsed<N extends ConfigName> = ParsedBy<Table[N]>;

/** What reading a row gives: its parsed value, or its default; undefined when unset and it has none. */
export type VariableValue<V> = V extends { default: infer T } ? T : ParsedBy<V> | undefined;

/** A variable's value: its parsed value, or its default; undefined when unset and it has none. */
export type ConfigValue<N extends ConfigName> = VariableValue<Table[N]>;

/** The environment to read: process.env, or the variables a test or a child process is given. */
export type Environment = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function spec(name: ConfigName): ConfigVariable<unknown> {
  const found = (CONFIG_VARIABLES as Record<string, ConfigVariable<unknown>>)[name];
  if (!found) throw new ConfigError(`${name} is not a configuration variable (see service-kit/src/environment/variables.ts)`);
  return found;
}

/** The parsed value, or undefined when the variable is unset or blank. */
function parsed(name: ConfigName, env: Environment): unknown {
  return parsedBy(name, spec(name), env);
}

function parsedBy(name: string, variable: ConfigVariable<unknown>, env: Environment): unknown {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = variable.parser.parse(raw);
  if (value === undefined) {
    const got = variable.secret ? `a value of ${raw.length} characters (not shown)` : `"${raw}"`;
    throw new ConfigError(`${name} must be ${variable.parser.expected}, got ${got}`);
  }
  return value;
}

/**
 * A row of another table declared the same way (the benchmark harness's own settings): parsed by
 * its parser, or its default, with the same errors.
 */
export function readVariable<V extends ConfigVariable<unknown>>(
  name: string,
  variable: V,
  env: Environment = process.env,
): VariableValue<V> {
  const value = parsedBy(name, variable, env);
  return (value === undefined ? variable.default : value) as VariableValue<V>;
}

/** One variable, parsed by the table, or its default. */
export function configValue<N extends ConfigName>(name: N, env: Environment = process.env): ConfigValue<N> {
  const value = parsed(name, env);
  return (value === undefined ? spec(name).default : value) as ConfigValue<N>;
}

/** The parsed value only when the variable is set: undefined, not the default, when it is unset or blank. */
export function configValueIfSet<N extends ConfigName>(name: N, env: Environment = process.env): Parsed<N> | undefined {
  return parsed(name, env) as Parsed<N> | undefined;
}

/** A variable whose default depends on the service reading it (`defaultFor` in the table). */
export function configValueFor<N extends ConfigName>(name: N, service: ServiceName, env: Environment = process.env): Parsed<N> {
  const value = parsed(name, env);
  if (value !== undefined) return value as Parsed<N>;
  const variable = spec(name);
  const fallback = variable.defaultFor?.[service] ?? variable.default;
  if (fallback === undefined) throw new ConfigError(`${name} has no default for the ${service} service`);
  return fallback as Parsed<N>;
}

/** A variable the service cannot start without. */
export function requiredConfigValue<N extends ConfigName>(name: N, env: Environment = process.env): Parsed<N> {
  const value = configValue(name, env);
  if (value === undefined) throw new ConfigError(`${name} is required`);
  return value as Parsed<N>;
}

/**
 * Every variable at once, so a service refuses to start on any bad value, each one named (not
 * only the first it happens to read).
 */
export function readConfig(env: Environment = process.env): { [N in ConfigName]: ConfigValue<N> } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const name of Object.keys(CONFIG_VARIABLES) as ConfigName[]) {
    try {
      values[name] = configValue(name, env);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length) throw new ConfigError(problems.join('; '));
  return values as { [N in ConfigName]: ConfigValue<N> };
}
