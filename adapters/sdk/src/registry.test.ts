import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AdapterLoadError, compiledTwin, loadAdapterModule, loadAdapterRegistry } from './registry';

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
