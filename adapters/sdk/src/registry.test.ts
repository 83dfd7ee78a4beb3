import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  AdapterLoadError,
  adapterSpecsFromConfig,
  compiledTwin,
  defaultAdapterConfigPath,
  loadAdapterModule,
  loadAdapterRegistry,
} from './registry';

const ADAPTERS = path.resolve(__dirname, '../..');
let scratch: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-registry-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function writeConfig(adapters: unknown[]): string {
  const file = path.join(scratch, `config-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify({ adapters }));
  return file;
}

function writeModule(name: string, source: string): string {
  const file = path.join(scratch, `${name}.js`);
  fs.writeFileSync(file, source);
  return file;
}

describe('adapter registry', () => {
  it('loads the checked-in configuration, one adapter per role where a subgraph needs exactly one', () => {
    const registry = loadAdapterRegistry({});
    expect(registry.single('issuer').manifest.id).toBe('jd-finance');
    expect(registry.single('clearing').manifest.id).toBe('unionpay');
    expect(registry.byRole('wallet').map((a) => a.manifest.id)).toContain('wechat-pay');
    expect(registry.has('wechat-pay')).toBe(true);
    expect(registry.get('unionpay').operations?.authorize).toBeInstanceOf(Function);
    expect(() => registry.get('nope')).toThrow(/no adapter "nope"/);
  });

  it('takes CARDWEAVE_ADAPTERS over the config file', () => {
    const registry = loadAdapterRegistry({ CARDWEAVE_ADAPTERS: `${path.join(ADAPTERS, 'unionpay')}` });
    expect(registry.all().map((a) => a.manifest.id)).toEqual(['unionpay']);
    expect(() => registry.single('issuer')).toThrow(/exactly one issuer adapter, configuration loads 0/);
  });

  it('passes configured options to an adapter factory', () => {
    const config = writeConfig([{ module: path.join(ADAPTERS, 'jd-finance'), options: { statementDay: 15, minimumDue: '5/100' } }]);
    const issuer = loadAdapterRegistry({ CARDWEAVE_ADAPTERS_CONFIG: config }).single('issuer');
    expect(issuer.issuerTerms).toMatchObject({ statementDay: 15, minimumDue: { numerator: 5n, denominator: 100n } });
  });

  it('names a bad option', () => {
    const config = writeConfig([{ module: path.join(ADAPTERS, 'jd-finance'), options: { statementDay: 31 } }]);
    expect(() => loadAdapterRegistry({ CARDWEAVE_ADAPTERS_CONFIG: config })).toThrow(
      /rejected its options: jd-finance: option "statementDay" is 31/,
    );
  });

  it('names the bad field of an invalid adapter', () => {
    const broken = writeModule(
      'broken-limits',
      `const real = require(${JSON.stringify(path.join(ADAPTERS, 'wechat-pay'))}).default;
       module.exports = { ...real, limits: [{ ...real.limits[0], amountFen: 5000000 }], errors: [{ ...real.errors[0], code: 'OOPS' }] };`,
    );
    expect(() => loadAdapterModule(broken, scratch)).toThrow(AdapterLoadError);
    expect(() => loadAdapterModule(broken, scratch)).toThrow(
      /limits\[0\]\.amountFen must be a bigint fen amount > 0; errors\[0\]\.code "OOPS" is not a canonical code/,
    );
  });

  it('refuses a module that exports no adapter, one that cannot load, and a duplicate id', () => {
    const empty = writeModule('empty', 'module.exports = { something: 1 };');
    expect(() => loadAdapterModule(empty, scratch)).toThrow(/exports no adapter/);
    expect(() => loadAdapterModule('./missing-adapter', scratch)).toThrow(/cannot be loaded/);
    const twice = path.join(ADAPTERS, 'unionpay');
    expect(() => loadAdapterRegistry({ CARDWEAVE_ADAPTERS: `${twice},${twice}` })).toThrow(/loaded twice/);
  });

  it('adds CARDWEAVE_ADAPTERS_ADD to the configured list, relative paths taken from the working directory', () => {
    const extra = writeModule(
      'extra-wallet',
      `const real = require(${JSON.stringify(path.join(ADAPTERS, 'wechat-pay'))}).default;
       module.exports = { ...real, manifest: { ...real.manifest, id: 'extra-wallet' } };`,
    );
    const cwd = process.cwd();
    process.chdir(scratch);
    try {
      const added = loadAdapterRegistry({ CARDWEAVE_ADAPTERS_ADD: ` ./${path.basename(extra)} , ` });
      // the checked-in four, then the added one
      expect(added.all().map((a) => a.manifest.id)).toEqual(['jd-finance', 'wechat-pay', 'unionpay', 'unionpay-quickpass', 'extra-wallet']);
      expect(adapterSpecsFromConfig({ CARDWEAVE_ADAPTERS_ADD: './extra-wallet.js' }).specs.at(-1)).toBe(extra);
      // to a file's list, whose own relative paths stay relative to the file
      const config = writeConfig([path.join(ADAPTERS, 'unionpay')]);
      const onFile = loadAdapterRegistry({ CARDWEAVE_ADAPTERS_CONFIG: config, CARDWEAVE_ADAPTERS_ADD: extra });
      expect(onFile.all().map((a) => a.manifest.id)).toEqual(['unionpay', 'extra-wallet']);
      // and to CARDWEAVE_ADAPTERS' list
      const onEnv = loadAdapterRegistry({ CARDWEAVE_ADAPTERS: path.join(ADAPTERS, 'jd-finance'), CARDWEAVE_ADAPTERS_ADD: extra });
      expect(onEnv.all().map((a) => a.manifest.id)).toEqual(['jd-finance', 'extra-wallet']);
    } finally {
      process.chdir(cwd);
    }
    // adding one the list already holds is refused, not loaded twice
    expect(() => loadAdapterRegistry({ CARDWEAVE_ADAPTERS_ADD: path.join(ADAPTERS, 'unionpay') })).toThrow(/"unionpay": loaded twice/);
  });

  it("reads the checked-in list inside the repository, and the working directory's file when installed from npm", () => {
    expect(defaultAdapterConfigPath('/srv/system', path.join(ADAPTERS, 'sdk', 'src'))).toBe(path.join(ADAPTERS, 'adapters.config.json'));
    expect(defaultAdapterConfigPath('/srv/system', '/srv/system/node_modules/@cardweave/adapter-sdk/dist')).toBe(
      '/srv/system/adapters.config.json',
    );
    const missing = path.join(scratch, 'no-such-config.json');
    expect(() => loadAdapterRegistry({ CARDWEAVE_ADAPTERS_CONFIG: missing })).toThrow(
      `no adapter configuration at ${missing}: write one ({"adapters": [<module path or package name>, …]}), name it in CARDWEAVE_ADAPTERS_CONFIG, or list the adapters in CARDWEAVE_ADAPTERS`,
    );
  });

  it("keeps each seed adapter's simulator, and refuses a simulator that is not a factory", async () => {
    const registry = loadAdapterRegistry({});
    for (const adapter of registry.all()) expect(adapter.simulator).toBeInstanceOf(Function);
    const sim = registry.get('wechat-pay').simulator!({ now: () => new Date('2026-03-14T00:00:00Z') });
    // an HttpClient answering in the platform's own shape
    const answer = await sim.send({ method: 'POST', url: 'https://api.mch.weixin.qq.com/nowhere', headers: {}, body: '{}' });
    expect(answer.status).toBeGreaterThanOrEqual(200);
    const notAFactory = writeModule(
      'bad-simulator',
      `const real = require(${JSON.stringify(path.join(ADAPTERS, 'wechat-pay'))}).default;
       module.exports = { ...real, simulator: { send() {} } };`,
    );
    expect(() => loadAdapterModule(notAFactory, scratch)).toThrow(/simulator must be a function \(clock\) => HttpClient/);
  });

  it('refuses a malformed config file', () => {
    const config = writeConfig([42]);
    expect(() => loadAdapterRegistry({ CARDWEAVE_ADAPTERS_CONFIG: config })).toThrow(/"adapters" must be a list/);
  });

  it('running compiled, finds an adapter named by its source path in the build under dist/', () => {
    const repo = path.join(scratch, 'repo');
    const dist = path.join(repo, 'dist');
    fs.mkdirSync(path.join(dist, 'adapters', 'acme'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'adapters', 'acme', 'index.js'), '');
    fs.writeFileSync(path.join(dist, 'adapters', 'acme', 'extra.js'), '');
    expect(compiledTwin(path.join(repo, 'adapters', 'acme'), dist)).toBe(path.join(dist, 'adapters', 'acme'));
    expect(compiledTwin(path.join(repo, 'adapters', 'acme', 'extra.ts'), dist)).toBe(path.join(dist, 'adapters', 'acme', 'extra.js'));
    expect(compiledTwin(path.join(repo, 'adapters', 'acme', 'extra'), dist)).toBe(path.join(dist, 'adapters', 'acme', 'extra'));
    // Already compiled, outside the repository, or not built: loaded as named.
    expect(compiledTwin(path.join(dist, 'adapters', 'acme'), dist)).toBeUndefined();
    expect(compiledTwin(path.join(scratch, 'elsewhere', 'acme'), dist)).toBeUndefined();
    expect(compiledTwin(path.join(repo, 'adapters', 'unbuilt'), dist)).toBeUndefined();
    // Under tsx and Jest there is no build root: the TypeScript is loaded itself.
    expect(compiledTwin(path.join(repo, 'adapters', 'acme'))).toBeUndefined();
  });
});
