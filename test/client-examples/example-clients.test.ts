/**
 * The example clients (client/examples) run as a client developer runs them, each in its own
 * process against the running system: sign in a demo customer, read the card view, pay 10 CNY
 * and see the available credit fall by it, then pay more than the card can and read the decline
 * by its canonical code.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestSystem, type TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '../..');
let system: TestSystem;
const customers: string[] = [];

beforeAll(async () => {
  system = await startTestSystem({ demoData: true });
  // Demo customers in good standing whose card can pay through an active binding, one for each example.
  const { data } = await system.query<{ customers: { edges: Array<{ node: any }> } }>(
    `{ customers(first: 40) { edges { node { id status cards { status overdue { isOverdue } payableNow { amountFen } } } } } }`,
  );
  customers.push(
    ...data!.customers.edges
      .map((e) => e.node)
      .filter(
        (c) =>
          c.status === 'ACTIVE' &&
          c.cards[0]?.status === 'ACTIVE' &&
          !c.cards[0].overdue.isOverdue &&
          c.cards[0].payableNow.some((p: any) => p.amountFen >= 50_000),
      )
      .map((c) => c.id as string),
  );
});

afterAll(async () => {
  await system?.stop();
});

async function runExample(file: string, customerId: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=cardweave-source',
      path.join(ROOT, 'client/examples', file),
      new URL(system.gateway.url).origin,
      customerId,
    ],
    { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 },
  );
  return stdout.trim().split('\n');
}

const yuan = (line: string, label: string) => {
  const match = new RegExp(`${label} (\\d+)\\.(\\d{2}) CNY`).exec(line);
  expect(match).not.toBeNull();
  return Number(match![1]) * 100 + Number(match![2]);
};

it.each([
  ['apollo-client.ts', 0],
  ['urql-client.ts', 1],
])('%s signs in, reads the card view, pays, and handles a decline by its code', async (file, which) => {
  const customerId = customers[which];
  const lines = await runExample(file, customerId);
  expect(lines).toHaveLength(5);
  const [card, payable, paid, after, declined] = lines;
  expect(card).toMatch(/^card \d{4} \d{2}•• •••• \d{4}: available credit \d+\.\d{2} CNY$/);
  expect(payable).toMatch(/^payable now through [a-z-]+: \d+\.\d{2} CNY \(bound by [a-z-]+\.[a-z-]+\)$/);
  expect(paid).toMatch(/^pay 10\.00 CNY: approved: payment [0-9a-f-]{36}, APPROVED$/);
  expect(yuan(after, 'available credit now')).toBe(yuan(card, 'available credit') - 1_000);
  expect(declined).toMatch(/: declined [A-Z_]+ \([A-Z_]+\): .+ → .+$/);
  expect(declined).toMatch(/declined (LIMIT_EXCEEDED|INSUFFICIENT_CREDIT) \(LOWER_AMOUNT\).* → offer a smaller amount/);
  // The card view the gateway answers now agrees with what the example printed.
  const { data } = await system.queryAs<{ customer: { creditLine: { availableFen: number } } }>(
    system.token(customerId),
    `query($id: ID!) { customer(id: $id) { creditLine { availableFen } } }`,
    { id: customerId },
  );
  expect(data!.customer.creditLine.availableFen).toBe(yuan(after, 'available credit now'));
});
