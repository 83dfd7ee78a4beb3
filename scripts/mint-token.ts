/**
 * Mints a client token with, first match wins: JWT_PRIVATE_KEY (the demo identity provider's
 * key `npm run keys` prints); CARDWEAVE_KEYS; the keys of the local run that is up (`npm start`,
 * `npm start -- --memory`, `npm run mock`, `npm run start:dist`; the one on GATEWAY_PORT when
 * several are); the local key pair in .data/keys.json:
 *   npm run token -- <customer id>            a customer's token
 *   npm run token -- --operator               an operator's token (freezes, statement runs)
 *   npm run token -- <customer id> --ttl 600  valid for 600 seconds (default 12 hours)
 * Built: `node dist/scripts/mint-token.js <customer id>`.
 */
import { createPrivateKey } from 'node:crypto';
import {
  configValue,
  configValueIfSet,
  keyringFromEnv,
  keyringFromLocalKeySet,
  mintToken,
  tokenSettingsFromEnv,
} from '@cardweave/service-kit';
import { findLocalRun } from './system/local-runs';

const args = process.argv.slice(2);
const operator = args.includes('--operator');
const ttlAt = args.indexOf('--ttl');
const ttlSeconds = ttlAt >= 0 ? Number(args[ttlAt + 1]) : 12 * 3600;
// The value after --ttl is not a customer id; without --ttl every other argument may be.
const customerId = args.find((a, i) => !a.startsWith('--') && (ttlAt < 0 || i !== ttlAt + 1));
if ((!operator && !customerId) || !Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
  console.error('usage: npm run token -- <customer id> | --operator [--ttl seconds]');
  process.exit(2);
}
const fromEnv = configValue('JWT_PRIVATE_KEY');
function localPrivateKey() {
  if (configValue('CARDWEAVE_KEYS') || configValue('SERVICE_PUBLIC_KEYS')) return keyringFromEnv(process.env).jwtPrivateKey;
  let run: ReturnType<typeof findLocalRun>;
  try {
    run = findLocalRun(configValueIfSet('GATEWAY_PORT'));
  } catch (error) {
    // Several runs up: the message says which to name; a stack trace would bury it.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  if (!run) return keyringFromEnv(process.env).jwtPrivateKey;
  // stderr, so that `$(npm run token -- …)` captures the token alone
  process.stderr.write(`signed with the keys of the local run at ${run.gatewayUrl}\n`);
  if (run.keys) return keyringFromLocalKeySet(run.keys).jwtPrivateKey;
  return keyringFromEnv({ ...process.env, CARDWEAVE_DATA_DIR: run.dataDir }).jwtPrivateKey;
}

const privateKey = fromEnv
  ? createPrivateKey(fromEnv.includes('-----BEGIN') ? fromEnv : { key: Buffer.from(fromEnv, 'base64'), format: 'der', type: 'pkcs8' })
  : localPrivateKey();
if (!privateKey) {
  console.error('no local token key: tokens for a configured JWT_PUBLIC_KEY come from your identity provider (or set JWT_PRIVATE_KEY)');
  process.exit(1);
}
process.stdout.write(
  `${mintToken({
    ...tokenSettingsFromEnv(),
    privateKey,
    customerId: operator ? null : customerId,
    roles: operator ? ['OPERATOR'] : ['CUSTOMER'],
    ttlSeconds,
  })}\n`,
);
