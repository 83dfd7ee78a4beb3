/** The card-owner directory asks the issuer once per card, however many requests ask at once. */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CardOwnerDirectory } from './card-owners';
import { generateLocalKeySet, installKeyring, keyringFromLocalKeySet } from '@cardweave/service-kit';

const CARD = '11111111-1111-4111-8111-111111111111';
const CUSTOMER = '22222222-2222-4222-8222-222222222222';

let server: http.Server;
let url: string;
let lookups = 0;
/** How the fake issuer answers. */
let answer: 'owners' | 'error' | 'hang' = 'owners';

beforeAll(async () => {
  installKeyring(keyringFromLocalKeySet(generateLocalKeySet()));
  server = http.createServer((request, response) => {
    lookups += 1;
    request.resume();
    request.on('end', () => {
      if (answer === 'hang') return;
      // Answers a moment later, so that other requests ask while this lookup is under way.
      setTimeout(() => {
        if (answer === 'error') response.writeHead(500).end();
        else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ owners: { [CARD]: CUSTOMER } }));
      }, 50);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  lookups = 0;
  answer = 'owners';
});

describe('CardOwnerDirectory', () => {
  it('sends one lookup for a card many requests ask about at once, and none once it knows', async () => {
    const directory = new CardOwnerDirectory(url, 'clearing');
    const owners = await Promise.all(Array.from({ length: 50 }, () => directory.loader().load(CARD)));
    expect(owners).toEqual(Array(50).fill(CUSTOMER));
    expect(lookups).toBe(1);
    expect(await directory.loader().load(CARD)).toBe(CUSTOMER);
    expect(lookups).toBe(1);
  });

  it('reports an issuer that fails or does not answer as SUBGRAPH_UNAVAILABLE, to every request waiting, and asks again later', async () => {
    answer = 'error';
    const directory = new CardOwnerDirectory(url, 'clearing', 500);
    const failed = await Promise.all(
      Array.from({ length: 5 }, () =>
        directory
          .loader()
          .load(CARD)
          .catch((e: { extensions?: { code?: string } }) => e.extensions?.code),
      ),
    );
    expect(failed).toEqual(Array(5).fill('SUBGRAPH_UNAVAILABLE'));
    expect(lookups).toBe(1);

    answer = 'hang';
    await expect(directory.loader().load(CARD)).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });

    answer = 'owners';
    expect(await directory.loader().load(CARD)).toBe(CUSTOMER);
    expect(lookups).toBe(3);
  });
});
