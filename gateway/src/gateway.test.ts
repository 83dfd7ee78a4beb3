import { EXAMPLE_VARIABLES, startGateway, type RunningGateway } from './gateway';

let gateway: RunningGateway;

beforeAll(async () => {
  gateway = await startGateway({ logging: false });
});

afterAll(async () => {
  await gateway?.stop();
});

describe('the gateway', () => {
  it('serves an IDE that loads nothing from the network', async () => {
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('YogaGraphiQL');
    expect(html).toContain('query CardView');
    // Its one variable filled (demo customer 1), so the first run answers instead of failing on an empty variable.
    expect(JSON.parse(EXAMPLE_VARIABLES)).toEqual({ customerId: '00000000-0000-4000-8000-000000000001' });
    expect(html).toContain(JSON.stringify(EXAMPLE_VARIABLES));
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/i);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/i);
  });

  it('answers health checks on /healthz', async () => {
    const response = await fetch(gateway.url.replace('/graphql', '/healthz'));
    expect(response.status).toBe(200);
  });

  it('hides the IDE in production mode', async () => {
    const production = await startGateway({ logging: false, production: true });
    try {
      const response = await fetch(production.url, { headers: { accept: 'text/html' } });
      expect(await response.text()).not.toContain('YogaGraphiQL');
    } finally {
      await production.stop();
    }
  });
});

describe('the liveness probe', () => {
  it('answers a bare { __typename } without a token, and nothing more', async () => {
    const probe = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(probe.status).toBe(200);
    expect(await probe.json()).toEqual({ data: { __typename: 'Query' } });
    for (const query of [
      '{ __typename customers { edges { node { id } } } }',
      '{ __schema { types { name } } }',
      'query A { __typename } mutation B { recoverPayments { examined } }',
    ]) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, operationName: query.includes('mutation') ? 'B' : undefined }),
      });
      expect(response.status).toBe(401);
    }
  });
});
