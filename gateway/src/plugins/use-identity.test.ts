/**
 * Tokens whose header asks for extensions the gateway does not understand (`crit`, RFC 7515
 * §4.1.11) are refused like any other bad token, however well they are signed.
 */
import { sign } from 'node:crypto';
import { generateLocalKeySet, keyringFromLocalKeySet, type Keyring } from '@cardweave/service-kit';
import { startGateway, type RunningGateway } from '../gateway';

let gateway: RunningGateway;
let keyring: Keyring;
const NOWHERE = 'http://127.0.0.1:9/graphql';

beforeAll(async () => {
  keyring = keyringFromLocalKeySet(generateLocalKeySet());
  gateway = await startGateway({
    logging: false,
    keyring,
    readRetries: 0,
    subgraphUrls: { issuer: NOWHERE, wallet: NOWHERE, clearing: NOWHERE },
  });
});

afterAll(async () => {
  await gateway?.stop();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An ES256 token with this header, signed by `key` (the issuer's unless given). */
function token(header: Record<string, unknown>, key = keyring.jwtPrivateKey!): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: 'https://auth.cardweave.local',
    aud: 'cardweave-gateway',
    sub: 'operator',
    roles: ['OPERATOR'],
    iat: now,
    exp: now + 600,
  };
  const data = `${b64(header)}.${b64(claims)}`;
  return `${data}.${sign('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

async function ask(bearer: string) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query: '{ customers { edges { node { id } } } }' }),
  });
  const body = (await response.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
  return { status: response.status, body };
}

describe('the crit header parameter', () => {
  it('is refused with the answer of a badly signed token', async () => {
    const otherKey = keyringFromLocalKeySet(generateLocalKeySet()).jwtPrivateKey!;
    const forged = await ask(token({ alg: 'ES256', typ: 'JWT' }, otherKey));
    expect(forged.status).toBe(401);
    expect(forged.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const header of [
      { alg: 'ES256', typ: 'JWT', crit: ['exp'] },
      { alg: 'ES256', typ: 'JWT', crit: ['http://example.com/unknown'], 'http://example.com/unknown': true },
      { alg: 'ES256', typ: 'JWT', crit: [] },
      { alg: 'ES256', typ: 'JWT', crit: 'b64' },
    ]) {
      expect(await ask(token(header))).toEqual(forged);
    }
  });

  it('is all that stands between such a token and access: without it, the same token goes through', async () => {
    const accepted = await ask(token({ alg: 'ES256', typ: 'JWT' }));
    expect(accepted.status).toBe(200);
    expect(accepted.body.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
  });
});
