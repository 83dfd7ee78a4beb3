/**
 * There is no container engine here, so docker-compose.yml and the Dockerfile are checked
 * against the code and the build: the services, their ports and every variable name must be
 * what the services read, and every command must run a file `npm run build` writes into a
 * package's dist/ (or the root package's dist/scripts) that the image holds.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { parse } from 'yaml';
import { GATEWAY_DEFAULT_PORT, SUBGRAPHS } from '@cardweave/gateway';
import { CONFIG_VARIABLES, readConfig } from '@cardweave/service-kit';

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const root = path.resolve(__dirname, '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const known = new Set(Object.keys(CONFIG_VARIABLES));

/**
 * What `npm run build` compiles, and where: each workspace package's tsconfig.build.json (its
 * src/ into its own dist/) and the root one (the root package's scripts into dist/scripts), as
 * [rootDir, outDir, the compiled sources], all relative to the root.
 */
const parseConfig = (file: string) =>
  ts.getParsedCommandLineOfConfigFile(
    file,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  workspaces: string[];
  dependencies: Record<string, string>;
};
const workspaceDirs = fs
  .readdirSync(path.join(root, 'adapters'))
  .map((d) => `adapters/${d}`)
  .concat(
    fs.readdirSync(path.join(root, 'subgraphs')).map((d) => `subgraphs/${d}`),
    ['service-kit', 'gateway'],
  )
  .filter((dir) => rootPackage.workspaces.some((w) => w === dir || (w.endsWith('/*') && dir.startsWith(w.slice(0, -1)))))
  .filter((dir) => fs.existsSync(path.join(root, dir, 'package.json')));
const builds = ['tsconfig.build.json', ...workspaceDirs.map((dir) => `${dir}/tsconfig.build.json`)].map((config) => {
  const parsed = parseConfig(path.join(root, config));
  return { rootDir: rel(parsed.options.rootDir!), outDir: rel(parsed.options.outDir!), sources: new Set(parsed.fileNames.map(rel)) };
});
/** What the image holds besides node_modules: the root package's list (scripts/build/runtime-files.mjs) and each package's "files". */
const rootFiles = [
  ...fs
    .readFileSync(path.join(root, 'scripts/build/runtime-files.mjs'), 'utf8')
    .match(/export const ROOT_FILES = \[([\s\S]*?)\];/)![1]
    .matchAll(/^\s*'([^']+)',/gm),
].map((m) => m[1]);
const packageFiles = workspaceDirs.flatMap((dir) =>
  ((JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as { files?: string[] }).files ?? [])
    // as runtime-files.mjs reads them: no exclusions, documents or sources (a published package's src/)
    .filter((f) => !f.startsWith('!') && !f.endsWith('.md') && !isSource(f))
    .map((f) => `${dir}/${f}`),
);
/** A package's TypeScript sources (src/, a root index.ts): published for the cardweave-source condition, never in the image. */
function isSource(file: string): boolean {
  return file === 'src' || file.startsWith('src/') || (file.endsWith('.ts') && !file.endsWith('.d.ts'));
}
const inImage = (relative: string) =>
  [...rootFiles, ...packageFiles].some((entry) => relative === entry || relative.startsWith(`${entry}/`));

/** The source file a `<package>/dist/...js` or `dist/scripts/...js` path in the image (/app) is compiled from, if the build compiles it. */
function sourceOfBuilt(file: string): string | undefined {
  const relative = file.replace(/^\/app\//, '');
  if (!relative.endsWith('.js')) return undefined;
  for (const build of builds) {
    if (!relative.startsWith(`${build.outDir}/`)) continue;
    const source = path.posix.join(build.rootDir, relative.slice(build.outDir.length + 1).replace(/\.js$/, '.ts'));
    if (build.sources.has(source) && fs.existsSync(path.join(root, source)) && inImage(relative)) return source;
  }
  return undefined;
}

/** The Dockerfile's stages: name and instructions (continuation lines joined, comments dropped). */
const stages: { name: string; lines: string[] }[] = [];
for (const line of fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ').split('\n')) {
  const text = line.trim();
  if (!text || text.startsWith('#')) continue;
  const from = text.match(/^FROM\s+\S+(?:\s+AS\s+(\S+))?/i);
  if (from) stages.push({ name: from[1] ?? '', lines: [] });
  stages.at(-1)?.lines.push(text);
}

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, the three subgraphs and the gateway', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'gateway', ...SUBGRAPHS.map((s) => s.name)]));
  });

  it.each(SUBGRAPHS)('starts the $name subgraph on its port with its database URL', (entry) => {
    const service = compose.services[entry.name];
    expect(service.command).toEqual(['node', `subgraphs/${entry.name}/dist/main.js`]);
    expect(service.environment?.[entry.portEnv]).toBe(String(entry.defaultPort));
    expect(service.environment?.[entry.databaseUrlEnv]).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    expect(service.ports).toContain(`${entry.defaultPort}:${entry.defaultPort}`);
    expect(service.depends_on?.postgres.condition).toBe('service_healthy');
    expect(service.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${entry.defaultPort}/readyz`);
  });

  it('points the gateway at every subgraph by service name and waits for them to be healthy', () => {
    const gateway = compose.services.gateway;
    expect(gateway.command).toEqual(['node', 'gateway/dist/main.js']);
    expect(gateway.environment?.GATEWAY_PORT).toBe(String(GATEWAY_DEFAULT_PORT));
    for (const entry of SUBGRAPHS) {
      expect(gateway.environment?.[entry.urlEnv]).toBe(`http://${entry.name}:${entry.defaultPort}/graphql`);
      expect(gateway.depends_on?.[entry.name].condition).toBe('service_healthy');
    }
    expect(gateway.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${GATEWAY_DEFAULT_PORT}/readyz`);
  });

  it('runs every service as compiled JavaScript that npm run build writes', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      // The database and the message server are images of their own, not ours.
      if (name === 'postgres' || name === 'nats') continue;
      const [program, file, ...rest] = service.command ?? [];
      expect({ name, program, rest }).toEqual({ name, program: 'node', rest: [] });
      expect({ name, source: sourceOfBuilt(file) }).toEqual({ name, source: expect.stringMatching(/\.ts$/) });
    }
  });

  it('names files of the image where it names files', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        if (!String(value).startsWith('/app/')) continue;
        // A path in the image is one the image holds: compiled, a package's file or a root run-time file.
        const relative = String(value).replace(/^\/app\//, '');
        expect({ name, variable, inImage: inImage(relative) || !!sourceOfBuilt(String(value)) }).toEqual({ name, variable, inImage: true });
        expect(fs.existsSync(path.join(root, relative))).toBe(true);
      }
    }
  });

  it('uses no variable the services do not read', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'postgres') continue;
      for (const variable of Object.keys(service.environment ?? {})) expect(known).toContain(variable);
    }
  });

  it('gives every variable a value its parser accepts', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'postgres') continue;
      // Values with ${…} are filled in from .env by docker compose; the rest are as the service reads them.
      const literal = Object.fromEntries(Object.entries(service.environment ?? {}).filter(([, value]) => !String(value).includes('${')));
      expect(() => readConfig(Object.fromEntries(Object.entries(literal).map(([k, v]) => [k, String(v)])))).not.toThrow();
    }
  });

  it('documents every variable in the README', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const variable of known) expect(readme).toContain(`\`${variable}\``);
  });
});

describe('Dockerfile', () => {
  const build = stages.find((s) => s.name === 'build');
  const runtime = stages.at(-1)!;

  it('builds in a stage of its own with every dependency: npm ci, npm run build, then the dev dependencies pruned', () => {
    expect(build).toBeDefined();
    const runs = build!.lines.filter((l) => l.startsWith('RUN ')).join('\n');
    expect(runs).toMatch(/npm ci(?![^\n]*--omit)/);
    expect(runs).toContain('npm run build');
    expect(runs).toContain('npm prune --omit=dev');
    expect(runs).toContain('node scripts/build/runtime-files.mjs --copy /runtime');
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('npm run build'));
    expect(runs.indexOf('npm run build')).toBeLessThan(runs.indexOf('npm prune --omit=dev'));
    expect(runs.indexOf('npm prune --omit=dev')).toBeLessThan(runs.indexOf('runtime-files.mjs'));
  });

  it('runs from a final stage with the pruned dependencies and the run-time files only, under tini', () => {
    expect(runtime).not.toBe(build);
    const text = runtime.lines.join('\n');
    expect(text).toMatch(/^WORKDIR \/app$/m);
    expect(text).toMatch(/^ENV NODE_ENV=production$/m);
    // Only the pruned node_modules and the run-time files come in; no source, no tsx.
    const copies = runtime.lines.filter((l) => /^COPY /.test(l));
    expect(copies).toEqual(['COPY --from=build /app/node_modules ./node_modules', 'COPY --from=build /runtime ./']);
    expect(text).not.toMatch(/tsx/);
    expect(text).toMatch(/apt-get install [^\n]*\btini\b/);
    expect(runtime.lines).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    const cmd = JSON.parse(runtime.lines.find((l) => l.startsWith('CMD '))!.slice(4)) as string[];
    expect(cmd[0]).toBe('node');
    expect(sourceOfBuilt(cmd[1])).toBeDefined();
  });

  it('holds no package source: every package lists its dist/ in "files", and no src/ reaches the image', () => {
    for (const dir of workspaceDirs) {
      const files = (JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as { files?: string[] }).files;
      expect({ dir, files }).toEqual({ dir, files: expect.arrayContaining(['dist']) });
    }
    expect([...rootFiles, ...packageFiles].filter((entry) => /(^|\/)src(\/|$)|(?<!\.d)\.ts$/.test(entry))).toEqual([]);
    // the list above mirrors runtime-files.mjs's filter: check that script drops sources the same way
    const script = fs.readFileSync(path.join(root, 'scripts/build/runtime-files.mjs'), 'utf8');
    expect(script).toContain(`export const isSource = (file) => ${isSource.toString().match(/return (.*);/)![1]};`);
  });

  it('keeps the packages that only build or test out of the runtime dependencies', () => {
    for (const dev of ['tsx', 'typescript', 'vite', 'jest', 'ts-jest']) expect(Object.keys(rootPackage.dependencies)).not.toContain(dev);
  });
});
