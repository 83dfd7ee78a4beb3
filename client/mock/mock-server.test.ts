/** The mock server answers the example operations with realistic data and serves the card page. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startMockServer, type RunningMockServer } from './mock-server';

const operation = (name: string) => fs.readFileSync(path.join(__dirname, '../operations', name), 'utf8');
const SEED_PLATFORMS = ['jd-finance', 'wechat-pay', 'unionpay', 'unionpay-quickpass'];

let server: RunningMockServer;

beforeAll(async () => {
  server = await startMockServer();
});

afterAll(async () => {
  await server?.stop();
});

async function run(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json() as Promise<{ data?: any; errors?: unknown[] }>;
}

/** Every number under a key ending in Fen, anywhere in a response. */
function amounts(value: unknown, found: number[] = []): number[] {
  if (Array.isArray(value)) value.forEach((v) => amounts(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key.endsWith('Fen') && typeof v === 'number') found.push(v);
      else amounts(v, found);
    }
  }
  return found;
}

describe('the mock server', () => {
  it('answers a payment with the canonical result shape', async () => {
    const { data, errors } = await run(operation('pay.graphql'), {
      input: { bindingId: 'b-1', amountFen: 12_345, merchantName: '瑞幸咖啡', merchantCategoryCode: '5814', idempotencyKey: 'k-1' },
    });
    expect(errors).toBeUndefined();
    expect(typeof data.pay.ok).toBe('boolean');
  });

  it('answers the card view with whole fen, masked numbers and the seed platforms', async () => {
    const { data, errors } = await run(operation('card-view.graphql'), { customerId: '00000000-0000-4000-8000-000000000001' });
    expect(errors).toBeUndefined();
    const card = data.customer.cards[0];
    expect(card.maskedNumber).toMatch(/^6253 50•• •••• \d{4}$/);
    expect(card.network).toBe('UNIONPAY');
    expect(card.issuer.id).toBe('jd-finance');
    const fen = amounts(data);
    expect(fen.length).toBeGreaterThan(10);
    for (const f of fen) expect(Number.isSafeInteger(f) && f >= 0).toBe(true);
    const line = data.customer.creditLine;
    expect(line.availableFen).toBe(line.limitFen - line.usedFen);
    for (const p of card.payableNow) {
      expect(SEED_PLATFORMS).toContain(p.walletPlatform.id);
      expect(p.amountFen).toBe(p.bindingRule.remainingFen);
    }
    for (const b of card.walletBindings) expect(SEED_PLATFORMS).toContain(b.walletPlatform.id);
  });

  it('answers the same on every run (seeded)', async () => {
    const vars = { customerId: '00000000-0000-4000-8000-000000000001' };
    const answers: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      const fresh = await startMockServer();
      try {
        const response = await fetch(fresh.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: operation('card-view.graphql'), variables: vars }),
        });
        answers.push(await response.json());
      } finally {
        await fresh.stop();
      }
    }
    expect(answers[1]).toEqual(answers[0]);
  });

  it('answers every example query without errors', async () => {
    const dir = path.join(__dirname, '../operations');
    const queries = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.graphql') && /^query /m.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(queries.length).toBeGreaterThanOrEqual(4);
    for (const file of queries) {
      const { errors } = await run(fs.readFileSync(path.join(dir, file), 'utf8'), {
        customerId: '00000000-0000-4000-8000-000000000001',
        cardId: '00000000-0000-4000-8000-000000000101',
      });
      expect({ file, errors }).toEqual({ file, errors: undefined });
    }
  });

  it('serves the card page at / beside the GraphQL endpoint', async () => {
    const response = await fetch(server.url.replace(/\/graphql$/, '/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
  });
});
