/**
 * Mints a client token with the local key pair (.data/keys.json, or CARDWEAVE_KEYS):
 *   npm run token -- <customer id>            a customer's token
 *   npm run token -- --operator               an operator's token (freezes, statement runs)
 *   npm run token -- <customer id> --ttl 600  valid for 600 seconds (default 12 hours)
 */
import { keyringFromEnv } from '../subgraphs/shared/src/auth/keys';
import { mintToken, tokenSettingsFromEnv } from '../subgraphs/shared/src/auth/tokens';

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
const keyring = keyringFromEnv(process.env);
if (!keyring.jwtPrivateKey) {
  console.error('no local token key: tokens for a configured JWT_PUBLIC_KEY come from your identity provider');
  process.exit(1);
}
process.stdout.write(
  `${mintToken({
    ...tokenSettingsFromEnv(),
    privateKey: keyring.jwtPrivateKey,
    customerId: operator ? null : customerId,
    roles: operator ? ['OPERATOR'] : ['CUSTOMER'],
    ttlSeconds,
  })}\n`,
);
