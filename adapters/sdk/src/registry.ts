/**
 * Which adapters run is configuration, not code: a list of module paths or package
 * names. An adapter living outside this repository plugs in by being named here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AdapterRole, PlatformAdapter } from './contract';
import { validateAdapter } from './validate-adapter';

export class AdapterLoadError extends Error {
  constructor(
    readonly spec: string,
    message: string,
  ) {
    super(`adapter "${spec}": ${message}`);
    this.name = 'AdapterLoadError';
  }
}

export class AdapterRegistry {
  private readonly byId = new Map<string, PlatformAdapter>();

  constructor(adapters: PlatformAdapter[]) {
    for (const adapter of adapters) {
      const id = adapter.manifest.id;
      if (this.byId.has(id)) throw new AdapterLoadError(id, 'loaded twice');
      this.byId.set(id, adapter);
    }
  }

  all(): PlatformAdapter[] {
    return [...this.byId.values()];
  }

  byRole(role: AdapterRole): PlatformAdapter[] {
    return this.all().filter((a) => a.manifest.role === role);
  }

  /** The one adapter of a role a subgraph serves when it serves exactly one (issuer, clearing). */
  single(role: AdapterRole): PlatformAdapter {
    const found = this.byRole(role);
    if (found.length !== 1) {
      throw new Error(`expected exactly one ${role} adapter, configuration loads ${found.length}`);
    }
    return found[0];
  }

  get(id: string): PlatformAdapter {
    const adapter = this.byId.get(id);
    if (!adapter) throw new Error(`no adapter "${id}" is loaded (loaded: ${[...this.byId.keys()].join(', ')})`);
    return adapter;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }
}

/**
 * Where the adapter list is read from when CARDWEAVE_ADAPTERS_CONFIG names no file. Inside the
 * Cardweave repository (this package is not under a node_modules folder): the checked-in
 * adapters/adapters.config.json, next to the SDK's folder. Installed from npm: the running
 * system's own `adapters.config.json` in its working directory, never a file inside
 * node_modules.
 */
export function defaultAdapterConfigPath(cwd: string = process.cwd(), sdkDir: string = __dirname): string {
  const installed = sdkDir.split(/[\\/]/).includes('node_modules');
  return installed ? path.resolve(cwd, 'adapters.config.json') : path.resolve(sdkDir, '../../adapters.config.json');
}

/** The default list; `CARDWEAVE_ADAPTERS` (comma-separated) replaces it, `CARDWEAVE_ADAPTERS_ADD` adds to it. */
export const DEFAULT_ADAPTER_CONFIG = defaultAdapterConfigPath();

/** One configured adapter: a module path (relative to the config file) or package name, and its options. */
export interface AdapterConfigEntry {
  module: string;
  options?: Record<string, unknown>;
}

const commaList = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const isRelativePath = (spec: string) => spec.startsWith('.');

/**
 * The adapters to load:
 * - `CARDWEAVE_ADAPTERS` (module paths or package names, comma-separated) replaces the list;
 * - otherwise the `adapters` list of `CARDWEAVE_ADAPTERS_CONFIG`, or of the default file;
 * - `CARDWEAVE_ADAPTERS_ADD` (same form) is appended to whichever of the two applies, so an
 *   adapter written elsewhere runs beside the configured ones without repeating them.
 * Relative paths in the variables are taken from the working directory; in a file, from the file's folder.
 */
export function adapterSpecsFromConfig(env: NodeJS.ProcessEnv = process.env): {
  specs: string[];
  entries: AdapterConfigEntry[];
  baseDir: string;
} {
  const base = baseAdapterEntries(env);
  const added = commaList(env.CARDWEAVE_ADAPTERS_ADD ?? '');
  if (added.length === 0) return { ...base, specs: base.entries.map((e) => e.module) };
  // Added paths are taken from the working directory whatever the base list's folder is.
  const entries = [
    ...base.entries,
    ...added.map((module) => ({ module: isRelativePath(module) ? path.resolve(process.cwd(), module) : module })),
  ];
  return { specs: entries.map((e) => e.module), entries, baseDir: base.baseDir };
}

function baseAdapterEntries(env: NodeJS.ProcessEnv): { entries: AdapterConfigEntry[]; baseDir: string } {
  const fromEnv = env.CARDWEAVE_ADAPTERS?.trim();
  if (fromEnv) return { entries: commaList(fromEnv).map((module) => ({ module })), baseDir: process.cwd() };
  const file = env.CARDWEAVE_ADAPTERS_CONFIG ?? DEFAULT_ADAPTER_CONFIG;
  if (!fs.existsSync(file)) {
    throw new Error(
      `no adapter configuration at ${file}: write one ({"adapters": [<module path or package name>, …]}), name it in CARDWEAVE_ADAPTERS_CONFIG, or list the adapters in CARDWEAVE_ADAPTERS`,
    );
  }
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { adapters?: unknown };
  const list = parsed.adapters;
  const isEntry = (e: unknown): e is AdapterConfigEntry =>
    typeof e === 'string' ||
    (!!e &&
      typeof e === 'object' &&
      typeof (e as AdapterConfigEntry).module === 'string' &&
      ((e as AdapterConfigEntry).options === undefined || typeof (e as AdapterConfigEntry).options === 'object'));
  if (!Array.isArray(list) || !list.every(isEntry)) {
    throw new Error(`${file}: "adapters" must be a list of module paths or package names (or {"module", "options"} objects)`);
  }
  const entries = list.map((e) => (typeof e === 'string' ? { module: e } : (e as AdapterConfigEntry)));
  return { entries, baseDir: path.dirname(file) };
}

/**
 * The build's root when this file runs compiled: `npm run build` writes dist/, mirroring the
 * source tree (adapters/sdk/src/registry.ts becomes dist/adapters/sdk/src/registry.js).
 * Undefined under tsx and Jest, which run the TypeScript itself.
 */
const ROOT_OF_THIS_TREE = path.resolve(__dirname, '../../..');
const BUILD_ROOT = path.extname(__filename) === '.js' && path.basename(ROOT_OF_THIS_TREE) === 'dist' ? ROOT_OF_THIS_TREE : undefined;

/**
 * Where compiled code finds an adapter named by a path into the source tree: its compiled
 * twin under dist/ (`adapters/jd-finance` -> `dist/adapters/jd-finance`, `x.ts` -> `x.js`),
 * if the build holds it. Plain node cannot load the TypeScript a source path names, and the
 * same configuration should work from source under tsx and from dist/; the checked-in
 * configuration is copied into dist/ and names its compiled neighbours directly. Anything
 * else (already in dist/, outside the repository, not built) is loaded as named.
 */
export function compiledTwin(target: string, buildRoot: string | undefined = BUILD_ROOT): string | undefined {
  if (!buildRoot) return undefined;
  const relative = path.relative(path.dirname(buildRoot), target);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  if (relative.split(path.sep)[0] === path.basename(buildRoot)) return undefined;
  const twin = path.join(buildRoot, relative.replace(/\.ts$/, '.js'));
  return fs.existsSync(twin) || fs.existsSync(`${twin}.js`) ? twin : undefined;
}

type AdapterFactory = (options?: Record<string, unknown>) => PlatformAdapter;

/**
 * Loads one adapter module. It exports the adapter as `default` or `adapter`, or a
 * factory (`default` as a function, or `createAdapter`) that takes the configured
 * options and throws on a bad one. The result is validated; a bad field is named.
 */
export function loadAdapterModule(spec: string, baseDir: string, options?: Record<string, unknown>): PlatformAdapter {
  const file = spec.startsWith('.') || path.isAbsolute(spec) ? path.resolve(baseDir, spec) : undefined;
  const target = file ? (compiledTwin(file) ?? file) : spec;
  let mod: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(target) as Record<string, unknown>;
  } catch (error) {
    throw new AdapterLoadError(spec, `cannot be loaded: ${(error as Error).message}`);
  }
  // A CommonJS module may also be the adapter (or the factory) itself.
  const factory = [mod.default, mod.createAdapter, mod].find((x): x is AdapterFactory => typeof x === 'function');
  const instance = mod.default && typeof mod.default === 'object' ? mod.default : (mod.adapter ?? (mod.manifest ? mod : undefined));
  let candidate: unknown;
  if (factory && (options !== undefined || !instance)) {
    try {
      candidate = factory(options ?? {});
    } catch (error) {
      throw new AdapterLoadError(spec, `rejected its options: ${(error as Error).message}`);
    }
  } else {
    if (options !== undefined) throw new AdapterLoadError(spec, 'takes no options (it exports no factory)');
    candidate = instance;
  }
  if (!candidate || typeof candidate !== 'object' || !(candidate as PlatformAdapter).manifest) {
    throw new AdapterLoadError(spec, 'exports no adapter (expected a default export, an `adapter` export or a factory)');
  }
  const problems = validateAdapter(candidate);
  if (problems.length > 0) {
    throw new AdapterLoadError(spec, `is invalid: ${problems.map((p) => `${p.path} ${p.problem}`).join('; ')}`);
  }
  return candidate as PlatformAdapter;
}

export function loadAdapterRegistry(env: NodeJS.ProcessEnv = process.env): AdapterRegistry {
  const { entries, baseDir } = adapterSpecsFromConfig(env);
  return new AdapterRegistry(entries.map((e) => loadAdapterModule(e.module, baseDir, e.options)));
}
