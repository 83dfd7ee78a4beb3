/**
 * Encrypts full card numbers (and resident ID numbers) at rest with AES-256-GCM.
 * Only ciphertext reaches the database; only BIN and last four ever leave this subgraph.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configValue, type Environment } from '@cardweave/service-kit';

const VERSION = 'v1';

export class PanVault {
  private constructor(private readonly key: Buffer) {}

  static fromKey(key: Buffer): PanVault {
    if (key.length !== 32) throw new Error('the card-data key must be 32 bytes (base64 in CARD_DATA_KEY)');
    return new PanVault(key);
  }

  /**
   * The key comes from CARD_DATA_KEY (base64). Without it, the embedded default keeps a
   * generated key in its data folder, or a throwaway one for an in-memory run.
   */
  static fromEnv(env: Environment, dataDir?: string): PanVault {
    const key = configValue('CARD_DATA_KEY', env);
    if (key) return PanVault.fromKey(Buffer.from(key, 'base64'));
    if (configValue('NODE_ENV', env) === 'production') throw new Error('CARD_DATA_KEY is required in production');
    if (!dataDir) return PanVault.fromKey(randomBytes(32));
    const file = path.join(dataDir, 'card-data.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    }
    return PanVault.fromKey(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  /**
   * The card's CVV2, derived from its number and expiry with a key only the issuer holds (as an
   * issuer's card verification key does), so it is checked without ever being stored.
   */
  cardVerificationValue(cardNumber: string, expiresOn: string): string {
    const cvk = createHmac('sha256', this.key).update('cardweave-cvk-v1').digest();
    const mac = createHmac('sha256', cvk).update(`${cardNumber}|${expiresOn}`).digest();
    return String(mac.readUInt32BE(0) % 1000).padStart(3, '0');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION) throw new Error('unknown ciphertext version');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}

/** BIN and last four, the rest masked: what PCI DSS allows to be shown. */
export function maskCardNumber(bin: string, last4: string, length = 16): string {
  const hidden = '•'.repeat(Math.max(0, length - bin.length - last4.length));
  return `${bin}${hidden}${last4}`.replace(/(.{4})(?=.)/g, '$1 ');
}
