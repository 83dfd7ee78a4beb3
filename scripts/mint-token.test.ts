/** `npm run token` as a newcomer runs it: a customer id alone, with --ttl, or --operator. */
import { execFileSync, spawnSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateLocalKeySet } from '@cardweave/service-kit';
import { localRunDir, writeLocalRun } from './system/local-runs';

const root = path.resolve(__dirname, '..');
const env = { ...process.env, NODE_OPTIONS: '', CARDWEAVE_KEYS: JSON.stringify(generateLocalKeySet()) };
const mint = (...args: string[]) =>
  execFileSync(process.execPath, ['--conditions=cardweave-source', '--import', 'tsx', path.join(root, 'scripts/mint-token.ts'), ...args], {
    env,
    encoding: 'utf8',
  });
const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

it('mints a customer token from the id alone, with --ttl, and an operator token', () => {
  const id = '00000000-0000-4000-8000-000000000002';
  expect(JSON.stringify(claims(mint(id)))).toContain(id);
  const short = claims(mint(id, '--ttl', '600'));
  expect(Number(short.exp) - Number(short.iat)).toBe(600);
  expect(JSON.stringify(claims(mint('--operator')))).toContain('OPERATOR');
});

it('mints with JWT_PRIVATE_KEY, the identity provider key npm run keys prints, when it is set', () => {
  const keys = generateLocalKeySet();
  const token = execFileSync(
    process.execPath,
    ['--conditions=cardweave-source', '--import', 'tsx', path.join(root, 'scripts/mint-token.ts'), '--operator'],
    {
      env: { ...process.env, NODE_OPTIONS: '', CARDWEAVE_KEYS: '', JWT_PRIVATE_KEY: keys.jwt.privateKey },
      encoding: 'utf8',
    },
  ).trim();
  const [header, payload, signature] = token.split('.');
  const publicKey = createPublicKey({ key: Buffer.from(keys.jwt.publicKey, 'base64'), format: 'der', type: 'spki' });
  expect(
    verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    ),
  ).toBe(true);
  expect(JSON.stringify(claims(token))).toContain('OPERATOR');
});

it('mints with the keys of a running npm start -- --memory, found by its gateway port, and ignores a run that has stopped', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-mint-'));
  const dataDir = path.join(tmp, 'data');
  try {
    const runKeys = generateLocalKeySet();
    const childEnv = {
      ...process.env,
      NODE_OPTIONS: '',
      CARDWEAVE_KEYS: '',
      JWT_PRIVATE_KEY: '',
      TMPDIR: tmp,
      CARDWEAVE_DATA_DIR: dataDir,
    };
    const mintFor = (extra: Record<string, string>) =>
      execFileSync(
        process.execPath,
        [
          '--conditions=cardweave-source',
          '--import',
          'tsx',
          path.join(root, 'scripts/mint-token.ts'),
          '00000000-0000-4000-8000-000000000001',
        ],
        { env: { ...childEnv, ...extra }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      ).trim();
    // This test process stands in for the running system.
    const { file, remove } = writeLocalRun(
      { pid: process.pid, gatewayUrl: 'http://127.0.0.1:4123/graphql', keys: runKeys },
      localRunDir(tmp),
    );
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(signedBy(mintFor({}), runKeys)).toBe(true);
    expect(signedBy(mintFor({ GATEWAY_PORT: '4123' }), runKeys)).toBe(true);
    // Another port: not that run's keys, but the data folder's.
    expect(signedBy(mintFor({ GATEWAY_PORT: '4999' }), runKeys)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'keys.json'))).toBe(true);
    remove();
    expect(signedBy(mintFor({}), runKeys)).toBe(false);
    // A run whose process is gone is not minted for, and its file is cleared away.
    const stale = writeLocalRun({ pid: 2 ** 22 + 1, gatewayUrl: 'http://127.0.0.1:4124/graphql', keys: runKeys }, localRunDir(tmp));
    expect(signedBy(mintFor({}), runKeys)).toBe(false);
    expect(fs.existsSync(stale.file)).toBe(false);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

it('mints with the data folder of a running npm start, and asks which run when several are up', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-mint-'));
  try {
    const runDataDir = path.join(tmp, 'run-data');
    const childEnv = {
      ...process.env,
      NODE_OPTIONS: '',
      CARDWEAVE_KEYS: '',
      JWT_PRIVATE_KEY: '',
      TMPDIR: tmp,
      // The shell's own default data folder is not the running one's.
      CARDWEAVE_DATA_DIR: path.join(tmp, 'other-data'),
    };
    const run = (extra: Record<string, string>) =>
      spawnSync(
        process.execPath,
        [
          '--conditions=cardweave-source',
          '--import',
          'tsx',
          path.join(root, 'scripts/mint-token.ts'),
          '00000000-0000-4000-8000-000000000001',
        ],
        { env: { ...childEnv, ...extra }, encoding: 'utf8' },
      );
    // This test process stands in for both running systems.
    const onData = writeLocalRun({ pid: process.pid, gatewayUrl: 'http://127.0.0.1:4125/graphql', dataDir: runDataDir }, localRunDir(tmp));
    const fromData = run({});
    expect(fromData.status).toBe(0);
    const dataKeys = JSON.parse(fs.readFileSync(path.join(runDataDir, 'keys.json'), 'utf8')) as ReturnType<typeof generateLocalKeySet>;
    expect(signedBy(fromData.stdout.trim(), dataKeys)).toBe(true);

    const memoryKeys = generateLocalKeySet();
    writeLocalRun({ pid: process.pid, gatewayUrl: 'http://127.0.0.1:4126/graphql', keys: memoryKeys }, localRunDir(tmp));
    const ambiguous = run({});
    expect(ambiguous.status).not.toBe(0);
    expect(ambiguous.stderr).toContain('GATEWAY_PORT=');
    expect(signedBy(run({ GATEWAY_PORT: '4126' }).stdout.trim(), memoryKeys)).toBe(true);
    expect(signedBy(run({ GATEWAY_PORT: '4125' }).stdout.trim(), dataKeys)).toBe(true);
    onData.remove();
    expect(signedBy(run({}).stdout.trim(), memoryKeys)).toBe(true);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

function signedBy(token: string, keys: ReturnType<typeof generateLocalKeySet>): boolean {
  const [header, payload, signature] = token.split('.');
  const publicKey = createPublicKey({ key: Buffer.from(keys.jwt.publicKey, 'base64'), format: 'der', type: 'spki' });
  return verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
}
