/**
 * Mints a client token with the local key pair (.data/keys.json, or CARDWEAVE_KEYS), or with
 * JWT_PRIVATE_KEY when it is set (the demo identity provider's key `npm run keys` prints):
 *   npm run token -- <customer id>            a customer's token
 *   npm run token -- --operator               an operator's token (freezes, statement runs)
 *   npm run token -- <customer id> --ttl 600  valid for 600 seconds (default 12 hours)
 * Built: `node dist/scripts/mint-token.js <customer id>`.
 */
import { createPrivateKey } from 'node:crypto';
import { keyringFromEnv, mintToken, tokenSettingsFromEnv } from '@cardweave/service-kit';

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
const fromEnv = process.env.JWT_PRIVATE_KEY?.trim();
const privateKey = fromEnv
  ? createPrivateKey(fromEnv.includes('-----BEGIN') ? fromEnv : { key: Buffer.from(fromEnv, 'base64'), format: 'der', type: 'pkcs8' })
  : keyringFromEnv(process.env).jwtPrivateKey;
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
