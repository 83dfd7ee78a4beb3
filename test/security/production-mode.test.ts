/**
 * A gateway in production mode: no IDE, no introspection, no field suggestions, internal
 * errors masked; in persisted-documents mode only the operations of the checked-in manifest
 * (gateway/persisted-documents.json) run.
 */
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import { loadPersistedDocuments, PERSISTED_DOCUMENTS_FILE, startGateway, type RunningGateway } from '@cardweave/gateway';
import { normalizeError } from '@cardweave/gateway';
import { persistedDocumentsManifest } from '../../scripts/write-persisted-documents';
import { demoCustomerId } from '../../scripts/demo-data/random';
import { startTestSystem, type TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

let system: TestSystem;
let production: RunningGateway;
let token = '';

beforeAll(async () => {
  system = await startTestSystem();
  production = await startGateway({
    keyring: system.keyring,
    production: true,
    persistedOnly: true,
    logging: false,
    subgraphUrls: { issuer: system.issuer.url, wallet: system.wallet.url, clearing: system.clearing.url },
  });
  token = system.token(demoCustomerId(1));
});
afterAll(async () => {
  await production?.stop();
  await system?.stop();
});

const send = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(production.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });

describe('production mode', () => {
  it('serves no IDE', async () => {
    const response = await fetch(production.url, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/graphiql/i);
  });

  it('refuses an operation that is not in the manifest, introspection included', async () => {
    for (const query of ['{ __schema { types { name } } }', `{ customer(id: "${demoCustomerId(1)}") { name } }`]) {
      const response = await send({ query });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(['PERSISTED_QUERY_ONLY', 'GRAPHQL_VALIDATION_FAILED']).toContain(body.errors[0].extensions.code);
    }
  });

  it('runs a persisted operation by its hash', async () => {
    const [hash, text] = [...loadPersistedDocuments().entries()].find(([, t]) => /query CardView\b/.test(t))!;
    expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
    const response = await send({
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
      variables: { customerId: demoCustomerId(1) },
    });
    const body = (await response.json()) as { data?: { customer?: { cards?: unknown[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.customer?.cards?.length).toBeGreaterThan(0);
  });

  it('refuses an unknown hash with a canonical code', async () => {
    const response = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(response.status).toBeLessThan(500);
    expect(body.errors[0].extensions.code).toMatch(/^PERSISTED_QUERY_(NOT_FOUND|ONLY)$/);
  });

  it('masks internal errors and keeps only public extensions', () => {
    const masked = normalizeError(
      {
        message: 'relation "issuer.cards" does not exist at /app/x.ts:12',
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'], exception: { sql: 'SELECT' } },
      },
      true,
    );
    expect(masked).toEqual({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const decline = normalizeError(
      {
        message: 'limit',
        extensions: {
          code: 'LIMIT_EXCEEDED',
          platform: 'unionpay',
          platformCode: '61',
          remedy: 'WAIT_FOR_NEXT_WINDOW',
          limitRuleId: 'unionpay.daily',
          limitWindow: 'DAILY',
        },
      },
      true,
    );
    expect(decline.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      platform: 'unionpay',
      platformCode: '61',
      remedy: 'WAIT_FOR_NEXT_WINDOW',
      limitRuleId: 'unionpay.daily',
      limitWindow: 'DAILY',
    });
  });

  it('has a manifest that matches the checked-in operations (npm run persisted-documents)', () => {
    expect(fs.readFileSync(PERSISTED_DOCUMENTS_FILE, 'utf8')).toBe(persistedDocumentsManifest());
  });
});

describe('a development gateway', () => {
  it('suggests no field names in production but does in development', async () => {
    const dev = await system.queryAs(token, '{ custome { id } }');
    expect(JSON.stringify(dev.errors)).toMatch(/Did you mean/);
  });
});
