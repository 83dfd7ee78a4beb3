/**
 * There is no container engine here, so docker-compose.yml and the Dockerfile are checked
 * against the code and the build: the services, their ports and every variable name must be
 * what the services read, and every command must run a file `npm run build` writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { parse } from 'yaml';
import { GATEWAY_DEFAULT_PORT, SUBGRAPHS } from '@cardweave/gateway';
import { ENVIRONMENT_VARIABLES } from '../scripts/system/environment-variables';

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
const known = new Set(ENVIRONMENT_VARIABLES.map((v) => v.name));

/** The sources `npm run build` compiles (tsconfig.build.json's include minus its exclude), relative to the root. */
const buildConfig = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.build.json'), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  },
})!;
const compiledSources = new Set(buildConfig.fileNames.map((f) => path.relative(root, f).split(path.sep).join('/')));
/** The files copied into dist/ beside the compiled code (scripts/build/copy-assets.mjs's list). */
const assetList = fs.readFileSync(path.join(root, 'scripts/build/copy-assets.mjs'), 'utf8').match(/export const ASSETS = \[([\s\S]*?)\];/)![1];
const assets = [...assetList.matchAll(/^\s*'([^']+)',/gm)].map((m) => m[1]);

/** The source file a `dist/...js` path in the image (/app) is compiled from, if the build compiles it. */
function sourceOfBuilt(file: string): string | undefined {
  const relative = file.replace(/^\/app\//, '');
  if (!relative.startsWith('dist/') || !relative.endsWith('.js')) return undefined;
  const source = relative.slice('dist/'.length).replace(/\.js$/, '.ts');
  return compiledSources.has(source) && fs.existsSync(path.join(root, source)) ? source : undefined;
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
    expect(service.command).toEqual(['node', `dist/subgraphs/${entry.name}/src/main.js`]);
    expect(service.environment?.[entry.portEnv]).toBe(String(entry.defaultPort));
    expect(service.environment?.[entry.databaseUrlEnv]).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    expect(service.ports).toContain(`${entry.defaultPort}:${entry.defaultPort}`);
    expect(service.depends_on?.postgres.condition).toBe('service_healthy');
    expect(service.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${entry.defaultPort}/readyz`);
  });

  it('points the gateway at every subgraph by service name and waits for them to be healthy', () => {
    const gateway = compose.services.gateway;
    expect(gateway.command).toEqual(['node', 'dist/gateway/src/main.js']);
    expect(gateway.environment?.GATEWAY_PORT).toBe(String(GATEWAY_DEFAULT_PORT));
    for (const entry of SUBGRAPHS) {
      expect(gateway.environment?.[entry.urlEnv]).toBe(`http://${entry.name}:${entry.defaultPort}/graphql`);
      expect(gateway.depends_on?.[entry.name].condition).toBe('service_healthy');
    }
    expect(gateway.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${GATEWAY_DEFAULT_PORT}/readyz`);
  });

  it('runs every service as compiled JavaScript that npm run build writes', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'postgres') continue;
      const [program, file, ...rest] = service.command ?? [];
      expect({ name, program, rest }).toEqual({ name, program: 'node', rest: [] });
      expect({ name, source: sourceOfBuilt(file) }).toEqual({ name, source: file.replace(/^dist\//, '').replace(/\.js$/, '.ts') });
    }
  });

  it('names files of the build where it names files', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        if (!String(value).startsWith('/app/')) continue;
        // A path in the image is under /app/dist/, and dist/ holds it: compiled, or a listed asset.
        const relative = String(value).replace(/^\/app\/dist\//, '');
        expect({ name, variable, inBuild: relative !== value && (assets.includes(relative) || !!sourceOfBuilt(String(value))) }).toEqual({ name, variable, inBuild: true });
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

  it('documents every variable in the README', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const variable of known) expect(readme).toContain(`\`${variable}\``);
  });
});

describe('Dockerfile', () => {
  const build = stages.find((s) => s.name === 'build');
  const runtime = stages.at(-1)!;

  it('builds in a stage of its own with every dependency: npm ci, then npm run build', () => {
    expect(build).toBeDefined();
    const runs = build!.lines.filter((l) => l.startsWith('RUN ')).join('\n');
    expect(runs).toMatch(/npm ci(?![^\n]*--omit)/);
    expect(runs).toContain('npm run build');
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('npm run build'));
  });

  it('runs from a final stage with production dependencies and dist/ only, under tini', () => {
    expect(runtime).not.toBe(build);
    const text = runtime.lines.join('\n');
    expect(text).toMatch(/RUN .*npm ci --omit=dev/);
    expect(text).toMatch(/^WORKDIR \/app$/m);
    expect(text).toMatch(/^ENV NODE_ENV=production$/m);
    // Only package.json, the lock file and the build come in; no source, no tsx.
    const copies = runtime.lines.filter((l) => /^COPY /.test(l));
    expect(copies).toEqual(['COPY package.json package-lock.json ./', 'COPY --from=build /app/dist ./dist']);
    expect(text).not.toMatch(/tsx/);
    expect(text).toMatch(/apt-get install [^\n]*\btini\b/);
    expect(runtime.lines).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    const cmd = JSON.parse(runtime.lines.find((l) => l.startsWith('CMD '))!.slice(4)) as string[];
    expect(cmd[0]).toBe('node');
    expect(sourceOfBuilt(cmd[1])).toBeDefined();
  });

  it('keeps the packages that only build or test out of the runtime dependencies', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const dev of ['tsx', 'typescript', 'vite', 'jest', 'ts-jest']) expect(Object.keys(pkg.dependencies)).not.toContain(dev);
  });
});
