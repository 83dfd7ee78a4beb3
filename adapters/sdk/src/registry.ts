/**
 * Which adapters run is configuration, not code: a list of module paths or package
 * names. An adapter living outside this repository plugs in by being named here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AdapterRole, PlatformAdapter } from './contract';

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

/** The checked-in list; `CARDWEAVE_ADAPTERS` (comma-separated) replaces it. */
export const DEFAULT_ADAPTER_CONFIG = path.resolve(__dirname, '../../adapters.config.json');

export function adapterSpecsFromConfig(env: NodeJS.ProcessEnv = process.env): { specs: string[]; baseDir: string } {
  const fromEnv = env.CARDWEAVE_ADAPTERS?.trim();
  if (fromEnv) {
    return { specs: fromEnv.split(',').map((s) => s.trim()).filter(Boolean), baseDir: process.cwd() };
  }
  const file = env.CARDWEAVE_ADAPTERS_CONFIG ?? DEFAULT_ADAPTER_CONFIG;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { adapters?: unknown };
  if (!Array.isArray(parsed.adapters) || !parsed.adapters.every((s) => typeof s === 'string')) {
    throw new Error(`${file}: "adapters" must be a list of module paths or package names`);
  }
  return { specs: parsed.adapters as string[], baseDir: path.dirname(file) };
}

/** Loads one adapter module: its default export, or its `adapter` export, is the adapter. */
export function loadAdapterModule(spec: string, baseDir: string): PlatformAdapter {
  const target = spec.startsWith('.') || path.isAbsolute(spec) ? path.resolve(baseDir, spec) : spec;
  let mod: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(target) as Record<string, unknown>;
  } catch (error) {
    throw new AdapterLoadError(spec, `cannot be loaded: ${(error as Error).message}`);
  }
  const candidate = (mod.default ?? mod.adapter) as PlatformAdapter | undefined;
  if (!candidate || typeof candidate !== 'object' || !candidate.manifest) {
    throw new AdapterLoadError(spec, 'exports no adapter (expected a default export or an `adapter` export)');
  }
  return candidate;
}

export function loadAdapterRegistry(env: NodeJS.ProcessEnv = process.env): AdapterRegistry {
  const { specs, baseDir } = adapterSpecsFromConfig(env);
  return new AdapterRegistry(specs.map((spec) => loadAdapterModule(spec, baseDir)));
}
