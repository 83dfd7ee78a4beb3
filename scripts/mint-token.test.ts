/** `npm run token` as a newcomer runs it: a customer id alone, with --ttl, or --operator. */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { generateLocalKeySet } from '../subgraphs/shared/src/auth/keys';

const root = path.resolve(__dirname, '..');
const env = { ...process.env, NODE_OPTIONS: '', CARDWEAVE_KEYS: JSON.stringify(generateLocalKeySet()) };
const mint = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/mint-token.ts'), ...args], { env, encoding: 'utf8' });
const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

it('mints a customer token from the id alone, with --ttl, and an operator token', () => {
  const id = '00000000-0000-4000-8000-000000000002';
  expect(JSON.stringify(claims(mint(id)))).toContain(id);
  const short = claims(mint(id, '--ttl', '600'));
  expect(Number(short.exp) - Number(short.iat)).toBe(600);
  expect(JSON.stringify(claims(mint('--operator')))).toContain('OPERATOR');
});
