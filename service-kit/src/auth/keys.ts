/**
 * The keys the services trust each other and their clients with:
 * - one Ed25519 key pair per service (gateway, issuer, wallet, clearing) that signs its
 *   requests to the others; each service holds its own private key and everyone's public key;
 * - the ES256 key pair of the token issuer; the gateway holds only the public key.
 *
 * Where they come from, first match wins:
 * 1. production variables: SERVICE_PUBLIC_KEYS (`gateway=<base64 SPKI DER>,issuer=…`),
 *    SERVICE_PRIVATE_KEY (this service's, base64 PKCS8 DER), JWT_PUBLIC_KEY (PEM);
 * 2. CARDWEAVE_KEYS: a whole local key set as JSON (how tests hand keys to child processes);
 * 3. outside production only: a local key set generated once into `<data dir>/keys.json`
 *    (mode 0600), shared by the processes of one machine and by `npm run token`.
 */
import { generateKeyPairSync, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configValue, type Environment } from '../environment/read';

export const SERVICE_NAMES = ['gateway', 'issuer', 'wallet', 'clearing'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Serializable key set for local runs and tests: base64 DER (PKCS8 private, SPKI public). */
export interface LocalKeySet {
  jwt: { privateKey: string; publicKey: string };
  services: Record<string, { privateKey?: string; publicKey: string }>;
}

export interface Keyring {
  /** Public keys of every service allowed to sign. */
  servicePublicKeys: Map<string, KeyObject>;
  /** Private keys this process may sign with (one in production; all four in a local run). */
  servicePrivateKeys: Map<string, KeyObject>;
  jwtPublicKey?: KeyObject;
  /** Only in local runs: what `npm run token` and the tests mint tokens with. */
  jwtPrivateKey?: KeyObject;
}

const der = (key: KeyObject, kind: 'pkcs8' | 'spki') => key.export({ format: 'der', type: kind } as never).toString('base64');

export function generateLocalKeySet(): LocalKeySet {
  const jwt = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const services: LocalKeySet['services'] = {};
  for (const name of SERVICE_NAMES) {
    const pair = generateKeyPairSync('ed25519');
    services[name] = { privateKey: der(pair.privateKey, 'pkcs8'), publicKey: der(pair.publicKey, 'spki') };
  }
  return { jwt: { privateKey: der(jwt.privateKey, 'pkcs8'), publicKey: der(jwt.publicKey, 'spki') }, services };
}

const privateFromDer = (b64: string) => createPrivateKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'pkcs8' });
const publicFromDer = (b64: string) => createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
const publicFromText = (text: string) => (text.includes('-----BEGIN') ? createPublicKey(text) : publicFromDer(text.trim()));

export function keyringFromLocalKeySet(set: LocalKeySet): Keyring {
  const servicePublicKeys = new Map<string, KeyObject>();
  const servicePrivateKeys = new Map<string, KeyObject>();
  for (const [name, keys] of Object.entries(set.services)) {
    servicePublicKeys.set(name, publicFromDer(keys.publicKey));
    if (keys.privateKey) servicePrivateKeys.set(name, privateFromDer(keys.privateKey));
  }
  return {
    servicePublicKeys,
    servicePrivateKeys,
    jwtPublicKey: publicFromDer(set.jwt.publicKey),
    jwtPrivateKey: set.jwt.privateKey ? privateFromDer(set.jwt.privateKey) : undefined,
  };
}

/** The local key set of a data folder, generated on first use. */
export function localKeySetFile(dataDir: string): LocalKeySet {
  const file = path.join(dataDir, 'keys.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as LocalKeySet;
  fs.mkdirSync(dataDir, { recursive: true });
  const set = generateLocalKeySet();
  fs.writeFileSync(file, JSON.stringify(set, null, 2), { mode: 0o600, flag: 'wx' });
  return set;
}

export function keyringFromEnv(env: Environment = process.env, service?: ServiceName): Keyring {
  const publicKeys = configValue('SERVICE_PUBLIC_KEYS', env);
  const privateKey = configValue('SERVICE_PRIVATE_KEY', env);
  const jwtPublicKey = configValue('JWT_PUBLIC_KEY', env);
  const localKeys = configValue('CARDWEAVE_KEYS', env);
  if (publicKeys) {
    const servicePublicKeys = new Map<string, KeyObject>();
    for (const entry of publicKeys
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const at = entry.indexOf('=');
      if (at < 1) throw new Error('SERVICE_PUBLIC_KEYS: expected name=<base64 SPKI DER>, …');
      servicePublicKeys.set(entry.slice(0, at), publicFromDer(entry.slice(at + 1)));
    }
    const servicePrivateKeys = new Map<string, KeyObject>();
    if (privateKey) {
      if (!service) throw new Error('SERVICE_PRIVATE_KEY needs to know which service this is');
      servicePrivateKeys.set(service, privateFromDer(privateKey));
    }
    return {
      servicePublicKeys,
      servicePrivateKeys,
      jwtPublicKey: jwtPublicKey ? publicFromText(jwtPublicKey) : undefined,
    };
  }
  if (localKeys) return keyringFromLocalKeySet(JSON.parse(localKeys) as LocalKeySet);
  if (configValue('NODE_ENV', env) === 'production') {
    throw new Error('production needs SERVICE_PUBLIC_KEYS, SERVICE_PRIVATE_KEY and (gateway) JWT_PUBLIC_KEY');
  }
  const keyring = keyringFromLocalKeySet(localKeySetFile(path.resolve(configValue('CARDWEAVE_DATA_DIR', env) ?? '.data')));
  if (jwtPublicKey) keyring.jwtPublicKey = publicFromText(jwtPublicKey);
  return keyring;
}

let installed: Keyring | undefined;

/** Sets the keys this process signs and verifies with (startSystem, tests). */
export function installKeyring(keyring: Keyring): void {
  installed = keyring;
}

/** The process's keys: the installed ones, else from the environment (read once). */
export function currentKeyring(): Keyring {
  installed ??= keyringFromEnv(process.env, configValue('CARDWEAVE_SERVICE'));
  return installed;
}
