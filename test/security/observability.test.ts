/**
 * What operators see: a decline keeps its canonical fields and speaks the request's language;
 * Prometheus metrics count errors by canonical code and platform and time each subgraph; one
 * trace spans the gateway and the subgraphs; logs are JSON lines carrying one request id from
 * the gateway to every subgraph, with no card, ID or mobile number, CVV2 or SMS code in them.
 */
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { setLogSink, setupTracing } from '@cardweave/service-kit';
import { demoCustomerId } from '../../scripts/demo-data/random';
import { startTestSystem, type TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

const exporter = new InMemorySpanExporter();
const lines: string[] = [];
let system: TestSystem;
let overdue = { customer: demoCustomerId(2), binding: '' };

/** A card number that passes the Luhn check. */
function luhnValid(prefix: string, length: number): string {
  let digits = prefix;
  while (digits.length < length - 1) digits += String(digits.length % 10);
  for (let check = 0; check < 10; check++) {
    const candidate = digits + check;
    const sum = [...candidate].reverse().reduce((s, d, i) => {
      const n = Number(d) * (i % 2 ? 2 : 1);
      return s + (n > 9 ? n - 9 : n);
    }, 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

beforeAll(async () => {
  await setupTracing({ serviceName: 'cardweave-test', exporter });
  system = await startTestSystem();
  setLogSink((line) => lines.push(line));
  const { data } = await system.query<{ customer: { cards: Array<{ walletBindings: Array<{ id: string }> }> } }>(
    `query($id: ID!) { customer(id: $id) { cards { walletBindings { id } } } }`,
    { id: overdue.customer },
  );
  overdue = { ...overdue, binding: data!.customer.cards[0].walletBindings[0].id };
});
afterAll(async () => {
  await system?.stop();
  const { disable } = await import('@graphql-hive/plugin-opentelemetry/setup');
  disable();
});

const PAY = `mutation($input: PayInput!) { pay(input: $input) { ok error { code platform platformCode platformMessage decision remedy message { zhCN en } localizedMessage } } }`;
const payInput = (key: string) => ({
  idempotencyKey: key,
  bindingId: overdue.binding,
  amountFen: 100,
  merchantName: 'Cafe',
  merchantCategoryCode: '5814',
});

describe('a platform decline at the edge', () => {
  it.each([
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.5', 'zhCN'],
    ['fr-FR', 'zhCN'],
  ] as const)('keeps its canonical fields and speaks %s', async (language, expected) => {
    const token = system.token(overdue.customer);
    const { data } = await system.queryAs<{
      pay: { ok: boolean; error: Record<string, unknown> & { message: { zhCN: string; en: string }; localizedMessage: string } };
    }>(token, PAY, { input: payInput(`lang-${expected}-${language.length}`) }, { 'accept-language': language });
    const error = data!.pay.error;
    expect(data!.pay.ok).toBe(false);
    expect(error).toMatchObject({ code: 'OVERDUE_DEBT', decision: expect.any(String), remedy: expect.any(String) });
    expect(error.platform).toEqual(expect.any(String));
    expect(error.platformCode).toEqual(expect.any(String));
    expect(error.platformMessage).toEqual(expect.any(String));
    expect(error.localizedMessage).toBe(error.message[expected]);
  });
});

describe('metrics', () => {
  it('count errors by canonical code and platform, and time every subgraph', async () => {
    await system.queryAs(null, '{ customers { edges { node { id } } } }');
    await system.query(`query($id: ID!) { customer(id: $id) { cards { walletBindings { id } transactions { edges { node { id } } } } } }`, {
      id: overdue.customer,
    });
    const text = await (await fetch(new URL('/metrics', system.gateway.url))).text();
    expect(text).toMatch(/cardweave_errors_total\{code="OVERDUE_DEBT",platform="[a-z-]+"\} [1-9]/);
    expect(text).toMatch(/cardweave_errors_total\{code="UNAUTHENTICATED",platform="gateway"\} [1-9]/);
    for (const subgraph of ['issuer', 'wallet', 'clearing']) {
      expect(text).toMatch(new RegExp(`graphql_gateway_subgraph_execute_duration_bucket\\{[^}]*subgraphName="${subgraph}"`));
    }
    expect(text).toMatch(/graphql_envelop_request_duration/);
  });
});

describe('traces', () => {
  it('follow one request from the gateway into every subgraph', async () => {
    exporter.reset();
    const { data } = await system.query(
      `query($id: ID!) { customer(id: $id) { cards { walletBindings { id } transactions { edges { node { id } } } } } }`,
      { id: overdue.customer },
    );
    expect(data).toBeDefined();
    await new Promise((r) => setTimeout(r, 200));
    const spans = exporter.getFinishedSpans();
    const root = spans.find((s) => !s.parentSpanContext?.spanId && s.name.toLowerCase().includes('post'));
    expect(root).toBeDefined();
    const traceId = root!.spanContext().traceId;
    const subgraphSpans = spans.filter((s) => s.spanContext().traceId === traceId && s.attributes['cardweave.subgraph']);
    expect(new Set(subgraphSpans.map((s) => s.attributes['cardweave.subgraph']))).toEqual(new Set(['issuer', 'wallet', 'clearing']));
  });
});

describe('logs', () => {
  it('are JSON lines with one request id from the gateway to each subgraph, and no secrets', async () => {
    lines.length = 0;
    const pan = luhnValid('622202', 16);
    const residentId = '11010519491231002X';
    const mobile = '13812345678';
    const cvv2 = '987';
    const sms = '246810';
    const token = system.token(overdue.customer);
    const requestId = 'trace-me-0001';
    // A failed request: its variables are logged, so they must come out scrubbed.
    await system.queryAs(
      token,
      `mutation($input: VerifyCardIssuanceStepInput!) { verifyCardIssuanceStep(input: $input) { ok } }`,
      {
        input: {
          issuanceId: '00000000-0000-4000-8000-00000000ffff',
          stepId: 'sms',
          idempotencyKey: 'scrub-test-1',
          fields: [
            { name: 'smsCode', value: sms },
            { name: 'cardNumber', value: pan },
            { name: 'idNumber', value: residentId },
            { name: 'mobile', value: mobile },
            { name: 'cvv2', value: cvv2 },
          ],
        },
        note: `card ${pan} id ${residentId} phone +86 ${mobile} cvv2=${cvv2} smsCode: ${sms}`,
      },
      { 'x-request-id': requestId },
    );
    await system.queryAs(
      token,
      `query($id: ID!) { customer(id: $id) { cards { walletBindings { id } transactions { edges { node { id } } } } } }`,
      { id: overdue.customer },
      { 'x-request-id': requestId },
    );
    await new Promise((r) => setTimeout(r, 100));
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const services = new Set(records.filter((r) => r.requestId === requestId).map((r) => r.service));
    expect(services).toEqual(new Set(['gateway', 'issuer', 'wallet', 'clearing']));
    const all = lines.join('\n');
    expect(all).toContain('"variables"'); // the failed request's variables were logged, scrubbed
    for (const secret of [pan, residentId, mobile, `cvv2=${cvv2}`, `"${cvv2}"`, sms]) expect(all).not.toContain(secret);
  });

  it("mask a cardholder's name given to bindCard", async () => {
    lines.length = 0;
    for (const name of ['张三丰', 'John Smith']) {
      // Refused (the idempotency key is too short), so the gateway logs its variables.
      const result = await system.queryAs(
        system.token(overdue.customer),
        `mutation($input: BindCardInput!) { bindCard(input: $input) { ok } }`,
        {
          input: {
            cardId: '00000000-0000-4000-8000-00000000ffff',
            walletPlatform: 'wechat-pay',
            idempotencyKey: 'x',
            fields: [
              { name: 'name', value: name },
              { name: 'mobile', value: '13812345678' },
            ],
          },
        },
      );
      expect(result.errors?.length).toBeGreaterThan(0);
    }
    await new Promise((r) => setTimeout(r, 100));
    const all = lines.join('\n');
    expect(all).toContain('"variables"');
    expect(all).not.toMatch(/张三丰|John|Smith/);
    expect(all).toContain('"name":"张**"');
    expect(all).toContain('"name":"J*** S****"');
  });
});
