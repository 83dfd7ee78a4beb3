/**
 * The keys that encrypt webhook signing secrets at rest (AES-256-GCM). Each key has an id,
 * stored beside every sealed secret, so keys rotate: WEBHOOK_SECRET_KEYS lists
 * `<id>=<base64 32 bytes>` entries, the first seals new secrets and every one still opens the
 * rows sealed under it; at start the wallet re-seals the rows of older keys under the first,
 * after which an old key can be dropped from the list.
 *
 * The endpoint's id is the additional authenticated data: a sealed secret copied onto another
 * endpoint's row does not open there.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configValue, type Environment } from '@cardweave/service-kit';

const VERSION = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,40}$/;
const KEYS_FILE = 'webhook-secret-keys';

/** A signing secret as a row keeps it: under a key id, or in clear (null) before it was sealed. */
export interface StoredSecret {
  keyId: string | null;
  value: string;
}

/** A stored secret that cannot be opened: its key is not configured, or another key holds its id. */
export class WebhookSecretUnreadable extends Error {
  override name = 'WebhookSecretUnreadable';
}

export class WebhookSecretKeys {
  private constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    /** The key that seals new secrets. */
    readonly currentKeyId: string,
  ) {}

  /** `<id>=<base64 32 bytes>,…`: the first seals, all open. */
  static parse(text: string): WebhookSecretKeys {
    const keys = new Map<string, Buffer>();
    for (const entry of text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const at = entry.indexOf('=');
      const id = entry.slice(0, at);
      if (at < 1 || !KEY_ID.test(id))
        throw new Error('WEBHOOK_SECRET_KEYS: expected <id>=<base64 32 bytes>, … (ids of letters, digits, - and _)');
      const key = Buffer.from(entry.slice(at + 1), 'base64');
      if (key.length !== 32) throw new Error(`WEBHOOK_SECRET_KEYS: key ${id} is not 32 bytes of base64`);
      if (keys.has(id)) throw new Error(`WEBHOOK_SECRET_KEYS: key id ${id} is listed twice`);
      keys.set(id, key);
    }
    const [current] = keys.keys();
    if (!current) throw new Error('WEBHOOK_SECRET_KEYS: no key');
    return new WebhookSecretKeys(keys, current);
  }

  /**
   * A fresh `<id>=<base64 key>` entry, its id the day it was made and a few random letters
   * (`wh20261129-qxkzmw`): no long run of digits, which the logs would mask as a card number.
   */
  static newEntry(at: Date = new Date()): string {
    const letters = [...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
    const id = `wh${at.toISOString().slice(0, 10).replace(/-/g, '')}-${letters}`;
    return `${id}=${randomBytes(32).toString('base64')}`;
  }

  /**
   * WEBHOOK_SECRET_KEYS, required in production. Elsewhere without it: keys kept in the data
   * folder (made on first use), or a throwaway key for a run that keeps nothing.
   */
  static fromEnv(env: Environment, dataDir?: string): WebhookSecretKeys {
    const configured = configValue('WEBHOOK_SECRET_KEYS', env);
    if (configured) return WebhookSecretKeys.parse(configured);
    if (configValue('NODE_ENV', env) === 'production') throw new Error('WEBHOOK_SECRET_KEYS is required in production');
    if (!dataDir) return WebhookSecretKeys.parse(WebhookSecretKeys.newEntry());
    const file = path.join(dataDir, KEYS_FILE);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, WebhookSecretKeys.newEntry(), { mode: 0o600, flag: 'wx' });
    }
    return WebhookSecretKeys.parse(fs.readFileSync(file, 'utf8'));
  }

  /** These keys with `entry` (`<id>=<base64>`) sealing from now on; the others still open. */
  rotatedTo(entry: string): WebhookSecretKeys {
    const added = WebhookSecretKeys.parse(entry);
    const keys = new Map([[added.currentKeyId, added.keys.get(added.currentKeyId)!]]);
    for (const [id, key] of this.keys) if (!keys.has(id)) keys.set(id, key);
    return new WebhookSecretKeys(keys, added.currentKeyId);
  }

  has(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  seal(secret: string, endpointId: string): { keyId: string; value: string } {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(aad(endpointId));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return {
      keyId: this.currentKeyId,
      value: [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.'),
    };
  }

  /** The secret in clear; WebhookSecretUnreadable (never the value) when it cannot be opened. */
  open(stored: StoredSecret, endpointId: string): string {
    if (stored.keyId === null) return stored.value;
    const key = this.keys.get(stored.keyId);
    if (!key) {
      throw new WebhookSecretUnreadable(
        `the signing secret of endpoint ${endpointId} is sealed under key ${stored.keyId}, which WEBHOOK_SECRET_KEYS does not list`,
      );
    }
    const [version, iv, tag, body] = stored.value.split('.');
    try {
      if (version !== VERSION) throw new Error(`unknown version ${version}`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAAD(aad(endpointId));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new WebhookSecretUnreadable(
        `the signing secret of endpoint ${endpointId} does not open with key ${stored.keyId} of WEBHOOK_SECRET_KEYS (another key under the same id?)`,
      );
    }
  }
}

const aad = (endpointId: string) => Buffer.from(`cardweave-webhook-endpoint:${endpointId}`, 'utf8');
