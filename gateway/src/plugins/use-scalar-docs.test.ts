/** Each custom scalar names its specification with @specifiedBy, and the gateway serves it there. */
import { generateLocalKeySet, keyringFromLocalKeySet, mintToken } from '@cardweave/service-kit';
import { startGateway, type RunningGateway } from '../gateway';

let gateway: RunningGateway;
let token: string;
const NOWHERE = 'http://127.0.0.1:9/graphql';

beforeAll(async () => {
  const keyring = keyringFromLocalKeySet(generateLocalKeySet());
  gateway = await startGateway({ logging: false, keyring, subgraphUrls: { issuer: NOWHERE, wallet: NOWHERE, clearing: NOWHERE } });
  token = mintToken({ privateKey: keyring.jwtPrivateKey!, roles: ['OPERATOR'] });
});

afterAll(async () => {
  await gateway?.stop();
});

it.each([
  ['Fen', '## Fen', /whole number of fen from -9007199254740991 to 9007199254740991/],
  ['Date', '## Date', /YYYY-MM-DD/],
  ['DateTime', '## DateTime', /RFC 3339/],
])('%s has a @specifiedBy URL that answers with its specification', async (name, heading, says) => {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `{ __type(name: "${name}") { specifiedByURL } }` }),
  });
  const url = ((await response.json()) as { data: { __type: { specifiedByURL: string } } }).data.__type.specifiedByURL;
  expect(url).toBe(`/docs/scalars.md#${name.toLowerCase()}`);
  const doc = await fetch(new URL(url, gateway.url));
  expect(doc.status).toBe(200);
  expect(doc.headers.get('content-type')).toMatch(/^text\/markdown/);
  const text = await doc.text();
  expect(text).toContain(`${heading}\n`);
  expect(text).toMatch(says);
});
