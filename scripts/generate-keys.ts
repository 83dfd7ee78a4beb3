/**
 * Prints a fresh set of production keys as environment lines (for docker compose's .env):
 * each service's Ed25519 signing key, everyone's public keys, and a token key pair for a
 * demo identity provider. `npm run keys > .env`. Keep each private key with its service only;
 * the token private key belongs to the identity provider, never to the gateway.
 */
import { generateLocalKeySet } from '@cardweave/service-kit';

const set = generateLocalKeySet();
const lines = [
  `SERVICE_PUBLIC_KEYS=${Object.entries(set.services)
    .map(([name, k]) => `${name}=${k.publicKey}`)
    .join(',')}`,
  ...Object.entries(set.services).map(([name, k]) => `${name.toUpperCase()}_SERVICE_PRIVATE_KEY=${k.privateKey}`),
  `JWT_PUBLIC_KEY=${set.jwt.publicKey}`,
  `# The identity provider's signing key (ES256, PKCS8 DER, base64): not for the gateway.`,
  `JWT_PRIVATE_KEY=${set.jwt.privateKey}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
