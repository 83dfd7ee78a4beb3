/**
 * The server's side of SCRAM-SHA-256 (RFC 5802 and 7677), as PostgreSQL does it: the
 * password never crosses the wire, a captured exchange cannot be replayed (each one mixes in
 * a fresh server nonce), and the client learns the server knew the password too. Without
 * channel binding: the embedded server speaks plaintext only (it refuses SSLRequest).
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export const SCRAM_SHA_256 = 'SCRAM-SHA-256';
/** PostgreSQL's default iteration count (scram_iterations). */
const ITERATIONS = 4096;

/** What the server keeps of a password: PostgreSQL's SCRAM verifier, worked out once per server. */
export interface ScramVerifier {
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

export function scramVerifier(password: string): ScramVerifier {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password, salt, ITERATIONS, 32, 'sha256');
  return { salt, iterations: ITERATIONS, storedKey: sha256(hmac(salted, 'Client Key')), serverKey: hmac(salted, 'Server Key') };
}

/** A message that breaks the exchange's grammar: refused as a failed authentication. */
export class ScramRefusal extends Error {}

/** One client's exchange: its first message in, the server's first out; its final message in, the server's final out. */
export class ScramExchange {
  private clientFirstBare = '';
  private serverFirst = '';
  private gs2Header = '';
  private nonce = '';

  constructor(private readonly verifier: ScramVerifier) {}

  /** Takes `n,,n=<user>,r=<client nonce>` and returns `r=<nonce>,s=<salt>,i=<iterations>`. */
  serverFirstMessage(clientFirst: string): string {
    // gs2 header: 'n' (client has no channel binding) or 'y' (it has, and thinks we have none); 'p=' asks for binding we lack.
    const match = /^([ny]),,(.*)$/s.exec(clientFirst);
    if (!match) throw new ScramRefusal('unsupported SCRAM channel binding or malformed client-first-message');
    this.gs2Header = `${match[1]},,`;
    this.clientFirstBare = match[2];
    const clientNonce = /(?:^|,)r=([\x21-\x2b\x2d-\x7e]+)(?:,|$)/.exec(this.clientFirstBare)?.[1];
    if (!clientNonce) throw new ScramRefusal('malformed client-first-message');
    this.nonce = clientNonce + randomBytes(18).toString('base64');
    this.serverFirst = `r=${this.nonce},s=${this.verifier.salt.toString('base64')},i=${this.verifier.iterations}`;
    return this.serverFirst;
  }

  /** Takes `c=<binding>,r=<nonce>,p=<proof>`; returns `v=<server signature>` when the proof holds, null when it does not. */
  serverFinalMessage(clientFinal: string): string | null {
    const match = /^(c=([A-Za-z0-9+/=]*),r=([^,]*)(?:,[^,]*)*),p=([A-Za-z0-9+/=]+)$/.exec(clientFinal);
    if (!match) throw new ScramRefusal('malformed client-final-message');
    const [, withoutProof, binding, nonce, proofText] = match;
    if (Buffer.from(binding, 'base64').toString('latin1') !== this.gs2Header || nonce !== this.nonce) return null;
    const proof = Buffer.from(proofText, 'base64');
    if (proof.length !== 32) return null;
    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const signature = hmac(this.verifier.storedKey, authMessage);
    const clientKey = Buffer.from(proof.map((byte, i) => byte ^ signature[i]));
    if (!timingSafeEqual(sha256(clientKey), this.verifier.storedKey)) return null;
    return `v=${hmac(this.verifier.serverKey, authMessage).toString('base64')}`;
  }
}
