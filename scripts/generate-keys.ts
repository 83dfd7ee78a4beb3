/**
 * Prints a fresh set of production keys as environment lines (for docker compose's .env):
 * each service's Ed25519 signing key, everyone's public keys, a token key pair for a
 * demo identity provider, and the wallet's key for webhook signing secrets at rest. `npm run keys > .env`. Keep each private key with its service only;
 * the token private key belongs to the identity provider, never to the gateway.
 */
import { generateLocalKeySet } from '@cardweave/service-kit';
import { WebhookSecretKeys } from '@cardweave/wallet-subgraph';

const set = generateLocalKeySet();
const lines = [
  `SERVICE_PUBLIC_KEYS=${Object.entries(set.services)
    .map(([name, k]) => `${name}=${k.publicKey}`)
    .join(',')}`,
  ...Object.entries(set.services).map(([name, k]) => `${name.toUpperCase()}_SERVICE_PRIVATE_KEY=${k.privateKey}`),
  `JWT_PUBLIC_KEY=${set.jwt.publicKey}`,
  `# The identity provider's signing key (ES256, PKCS8 DER, base64): not for the gateway.`,
  `JWT_PRIVATE_KEY=${set.jwt.privateKey}`,
  `# The wallet's key for webhook signing secrets at rest; to rotate, put a new entry first and keep this one after it.`,
  `WEBHOOK_SECRET_KEYS=${WebhookSecretKeys.newEntry()}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
