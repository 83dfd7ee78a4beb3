/**
 * Every piece of a benchmark run is its own process: each subgraph, each gateway, and the
 * load generator. A child is started by Node itself (so its pid is the Node process and
 * /proc/<pid>/stat and /proc/<pid>/status are its CPU time and memory), either from the build
 * (`node dist/<entry>.js`, as production runs, see `buildForBench`) or from the TypeScript
 * entry with tsx's loader. It talks to the runner over Node's IPC channel: it sends
 * { type: 'ready', ... } once it listens.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository, whether this file runs from bench/lib or compiled from dist/bench/lib. */
export const ROOT = ((here) => (path.basename(here) === 'dist' ? path.dirname(here) : here))(path.resolve(__dirname, '../..'));

/** Workspace packages whose src/ builds into their own dist/ (gateway/src/main.ts -> gateway/dist/main.js). */
const PACKAGE_SRC = /^((?:gateway|service-kit|subgraphs\/[^/]+))\/src\/(.+)\.ts$/;

/**
 * Where the build puts the compiled form of a source file: a workspace package's src/ into its
 * own dist/, anything of the root package (its scripts, the bench's entries) into the root
 * dist/, mirroring the source tree (bench/servers/x.ts -> dist/bench/servers/x.js).
 */
export function compiledPath(entry: string): string {
  const relative = path.relative(ROOT, path.resolve(ROOT, entry)).split(path.sep).join('/');
  const inPackage = relative.match(PACKAGE_SRC);
  if (inPackage) return path.join(ROOT, inPackage[1], 'dist', `${inPackage[2]}.js`);
  return path.join(ROOT, 'dist', relative.replace(/\.ts$/, '.js'));
}

export interface Child<TReady = Record<string, unknown>> {
  name: string;
  pid: number;
  ready: TReady;
  /** Sends a message and waits for the reply with the same `type`. */
  ask<T = unknown>(message: { type: string } & Record<string, unknown>): Promise<T>;
  /** The resident set's high-water mark (VmHWM) in bytes: the peak memory so far. */
  peakRss(): number;
  stop(): Promise<void>;
}

export function readPeakRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : NaN;
}

export async function startChild<TReady = Record<string, unknown>>(
  name: string,
  entry: string,
  env: Record<string, string | undefined> = {},
  options: {
    timeoutMs?: number;
    nodeArgs?: string[];
    /** Run the compiled entry (dist/…/<entry>.js) with plain Node; it must exist (see `buildForBench`). Default: tsx. */
    compiled?: boolean;
  } = {},
): Promise<Child<TReady>> {
  let args: string[];
  if (options.compiled) {
    const file = compiledPath(entry);
    if (!fs.existsSync(file)) throw new Error(`${name}: ${path.relative(ROOT, file)} is not built`);
    args = [...(options.nodeArgs ?? []), file];
  } else {
    args = [...(options.nodeArgs ?? []), '--conditions=cardweave-source', '--import', 'tsx', path.resolve(ROOT, entry)];
  }
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<TReady>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within ${options.timeoutMs ?? 60_000} ms`)),
      options.timeoutMs ?? 60_000,
    );
    const onMessage = (message: { type?: string; error?: string }) => {
      if (message?.type === 'ready') {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message as TReady);
      } else if (message?.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`${name} failed to start: ${message.error}`));
      }
    };
    child.on('message', onMessage);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready`));
    });
  });
  let sequence = 0;
  return {
    name,
    pid: child.pid!,
    ready,
    ask<T>(message: { type: string } & Record<string, unknown>) {
      const id = ++sequence;
      return new Promise<T>((resolve, reject) => {
        const onMessage = (reply: { type?: string; id?: number; error?: string }) => {
          if (reply?.id !== id) return;
          child.off('message', onMessage);
          if (reply.error) reject(new Error(`${name}: ${reply.error}`));
          else resolve(reply as T);
        };
        child.on('message', onMessage);
        child.send({ ...message, id });
      });
    },
    peakRss: () => readPeakRss(child.pid!),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Inside a child: answers the runner's questions with `handlers[type]`. */
export function answerParent(handlers: Record<string, (message: Record<string, unknown>) => unknown>): void {
  process.on('message', async (message: { type: string; id: number } & Record<string, unknown>) => {
    const handler = handlers[message.type];
    try {
      if (!handler) throw new Error(`no handler for ${message.type}`);
      const result = await handler(message);
      process.send!({ ...(result as object), type: message.type, id: message.id });
    } catch (error) {
      process.send!({ type: message.type, id: message.id, error: (error as Error).message });
    }
  });
  process.once('disconnect', () => process.exit(0));
}

export function tellParentReady(details: Record<string, unknown>): void {
  process.send!({ type: 'ready', ...details });
}

export function tellParentFailed(error: unknown): never {
  process.send?.({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}

export interface BenchBuild {
  /** Whether the children run from dist/ with plain Node. */
  compiled: boolean;
  /** How they run, for the report: the build command, or why tsx. */
  runtime: string;
}

const run = (command: string, args: string[]) =>
  execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });

/**
 * Builds what the bench's children run, as production does (`npm run build`: every workspace
 * package into its own dist/, the root package's scripts into dist/scripts), then compiles
 * those of the bench's own `entries` that the build leaves out with the root
 * tsconfig.build.json's options into the root dist/ (dist/bench/...; `npm run build` leaves
 * them there, and a rebuild here writes them again). Their imports of the services' code name
 * the packages, which resolve to the dist/ the build has just written. Without tsconfig.build.json there is no build
 * to run from, and the children run with tsx. `skipBuild` takes dist/ as the last build left it.
 */
export function buildForBench(entries: string[], log: (message: string) => void, { skipBuild = false } = {}): BenchBuild {
  const buildConfig = path.join(ROOT, 'tsconfig.build.json');
  if (!fs.existsSync(buildConfig)) return { compiled: false, runtime: 'tsx (no tsconfig.build.json to build from)' };
  const scripts =
    (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const command = scripts.build ? 'npm run build' : 'tsc -p tsconfig.build.json';
  const tsc = require.resolve('typescript/bin/tsc');
  const fail = (step: string, error: unknown): never => {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${step} failed:\n${`${e.stdout ?? ''}${e.stderr ?? ''}`.trim().slice(-3000) || e.message}`);
  };
  if (skipBuild) {
    log('building: skipped (BENCH_BUILD=0), dist/ as it is');
  } else {
    log(`building: ${command}`);
    try {
      if (scripts.build) run('npm', ['run', 'build']);
      else run(process.execPath, [tsc, '-p', buildConfig]);
    } catch (error) {
      fail(command, error);
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a bench builds, not by the children that import this file
  const ts: typeof import('typescript') = require('typescript');
  const inBuild = new Set(
    ts
      .getParsedCommandLineOfConfigFile(buildConfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })
      ?.fileNames.map((f) => path.resolve(f)) ?? [],
  );
  const outside = entries.filter((entry) => !inBuild.has(path.resolve(ROOT, entry)));
  if (outside.length) {
    // The build leaves these out: the same options, these files (and what they import) only, into the same dist/.
    log(`building: ${outside.join(', ')} (not in the build) with tsconfig.build.json's options`);
    // Inside the repository, so that the type packages resolve as for tsconfig.build.json.
    const config = path.join(ROOT, 'dist', `.bench-tsconfig-${process.pid}.json`);
    fs.mkdirSync(path.dirname(config), { recursive: true });
    // No type check (noCheck; isolatedModules makes each file's output independent of types): `npm run typecheck` is where
    // type errors are reported, and the build has just checked the services' code.
    fs.writeFileSync(
      config,
      JSON.stringify({
        extends: buildConfig,
        compilerOptions: { noCheck: true },
        files: outside.map((e) => path.resolve(ROOT, e)),
        include: [],
      }),
    );
    try {
      run(process.execPath, [tsc, '-p', config]);
    } catch (error) {
      // tsc emits in spite of type errors; `npm run typecheck` is where they are reported.
      if (outside.some((entry) => !fs.existsSync(compiledPath(entry)))) fail('tsc (bench entries)', error);
      log(
        `building: the bench entries compiled with type errors (see npm run typecheck): ${((error as { stdout?: string }).stdout ?? '').split('\n')[0]}`,
      );
    } finally {
      fs.rmSync(config, { force: true });
    }
  }
  const absent = entries.filter((entry) => !fs.existsSync(compiledPath(entry)));
  if (absent.length) throw new Error(`not built: ${absent.map((e) => path.relative(ROOT, compiledPath(e))).join(', ')}`);
  return { compiled: true, runtime: `node dist/ (${skipBuild ? 'as the last build left it' : command})` };
}
