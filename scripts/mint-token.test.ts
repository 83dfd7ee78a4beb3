/** `npm run token` as a newcomer runs it: a customer id alone, with --ttl, or --operator. */
import { execFileSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import * as path from 'node:path';
import { generateLocalKeySet } from '@cardweave/service-kit';

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
