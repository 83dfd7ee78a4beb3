/**
 * The mock server answers from the real services, so its answers keep every invariant the real
 * API keeps: ok ⇔ no error, a declined payment is not ok, what a card can pay now fits within its
 * credit and every rule, a connection's totalCount is what paging to its end finds, a limit rule
 * belongs to its own platform, the customer asked for is the one answered, and amounts are whole fen.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLE_QUERY, EXAMPLE_VARIABLES } from '@cardweave/gateway';
import { demoCustomerId } from '../../scripts/demo-data/random';
import { DEMO_NOW } from '../../scripts/demo-data/demo-now';
import { setLogSink } from '@cardweave/service-kit';
import { usesRealPostgres } from '../../test/support/test-database';
import { startMockServer, type RunningMockServer } from './mock-server';

// The services' request logs would only bury Jest's report.
if (!process.env.CARDWEAVE_TEST_LOGS) setLogSink(() => undefined);

interface Answer {
  status: number;
  data?: any;
  errors?: Array<{ message: string }>;
}

let mock: RunningMockServer;

beforeAll(async () => {
  if (!usesRealPostgres()) mock = await startMockServer();
});

afterAll(async () => {
  await mock?.stop();
});

async function run(token: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(mock.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

/** Every value under a key ending in Fen, anywhere in an answer. */
function amounts(value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => amounts(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key.endsWith('Fen') && v !== null) found.push(v);
      else amounts(v, found);
    }
  }
  return found;
}

const expectWholeFen = (answer: unknown) => {
  for (const f of amounts(answer))
    expect({ fen: f, whole: Number.isSafeInteger(f) && (f as number) >= 0 }).toEqual({ fen: f, whole: true });
};

const RULE = `ruleId platform { id role } window limitFen usedFen remainingFen blockedCode`;
const CUSTOMER = `
  query Customer($id: ID!) {
    customer(id: $id) {
      id name
      creditLine { limitFen usedFen availableFen }
      cards {
        id maskedNumber
        overdue { isOverdue overdueDays overdueAmountFen penaltyAccruedFen }
        walletBindings { id status walletPlatform { id } walletLimits { ${RULE} } }
        payableNow { walletPlatform { id } amountFen binding { id } bindingRule { ${RULE} } rules { ${RULE} } }
        networkLimits { ${RULE} }
        currentBill { id items(first: 100) { totalCount edges { node { id } } pageInfo { hasNextPage } } }
      }
    }
  }`;
const PAY = `
  mutation Pay($input: PayInput!) {
    pay(input: $input) {
      ok
      error { code decision message { en } }
      payment { id status amountFen transaction { status declineCode } binding { id card { id } } }
    }
  }`;

async function customer(id: string) {
  const answer = await run(mock.token(id), CUSTOMER, { id });
  expect(answer.errors).toBeUndefined();
  return answer.data.customer;
}

/** The invariants of one customer's answer, as the real API keeps them. */
function expectCustomerInvariants(requested: string, c: any): void {
  expect(c.id).toBe(requested);
  expectWholeFen(c);
  if (c.creditLine) expect(c.creditLine.availableFen).toBeLessThanOrEqual(c.creditLine.limitFen);
  for (const card of c.cards) {
    expect(card.maskedNumber).toMatch(/^\d{4} \d{2}•• •••• \d{4}$/);
    const boundPlatforms = new Set(card.walletBindings.filter((b: any) => b.status === 'ACTIVE').map((b: any) => b.walletPlatform.id));
    for (const binding of card.walletBindings) {
      for (const rule of binding.walletLimits ?? []) {
        // A wallet's limit is its own platform's rule, never another wallet's.
        expect({ binding: binding.walletPlatform.id, rule: rule.ruleId, platform: rule.platform.id }).toEqual({
          binding: binding.walletPlatform.id,
          rule: rule.ruleId,
          platform: binding.walletPlatform.id,
        });
        expect(rule.ruleId.startsWith(`${rule.platform.id}.`)).toBe(true);
      }
    }
    for (const payable of card.payableNow) {
      expect(boundPlatforms.has(payable.walletPlatform.id)).toBe(true);
      if (c.creditLine) expect(payable.amountFen).toBeLessThanOrEqual(c.creditLine.availableFen);
      for (const rule of [payable.bindingRule, ...payable.rules]) {
        expect(rule.ruleId.startsWith(`${rule.platform.id}.`)).toBe(true);
        if (rule.platform.role === 'WALLET') expect(rule.platform.id).toBe(payable.walletPlatform.id);
        expect(payable.amountFen).toBeLessThanOrEqual(rule.remainingFen);
      }
      // A blocked rule (overdue, frozen) leaves nothing to pay.
      if (payable.bindingRule.blockedCode) expect(payable.amountFen).toBe(0);
    }
    for (const rule of card.networkLimits) expect(rule.platform.role).toBe('CLEARING');
    if (card.overdue.isOverdue) {
      expect(card.overdue.overdueDays).toBeGreaterThan(0);
      expect(card.payableNow.every((p: any) => p.amountFen === 0)).toBe(true);
    } else expect(card.overdue.overdueDays).toBe(0);
    const items = card.currentBill?.items;
    if (items && !items.pageInfo.hasNextPage) expect(items.edges).toHaveLength(items.totalCount);
  }
}

function expectPayInvariants(result: any): void {
  expect(result.ok).toBe(result.error === null);
  if (result.payment?.status === 'DECLINED') {
    expect(result.ok).toBe(false);
    expect(result.error).not.toBeNull();
  }
  if (result.ok) expect(result.payment.status).toBe('APPROVED');
  if (result.payment) expectWholeFen(result.payment);
}

// The mock runs on its own embedded database whatever the suite's: the PostgreSQL pass would repeat it.
const describeOnce = usesRealPostgres() ? describe.skip : describe;

describeOnce('the mock server: the real services on the demo data, the clock pinned', () => {
  it('stands at the pinned instant of the demo', () => {
    expect(mock.now).toBe(DEMO_NOW);
  });

  it('answers every demo customer about that customer, keeping the invariants of the card view', async () => {
    const list = await run(mock.token('operator'), `{ customers(first: 100) { edges { node { id } } pageInfo { hasNextPage } } }`);
    expect(list.errors).toBeUndefined();
    const ids: string[] = list.data.customers.edges.map((e: any) => e.node.id);
    expect(ids).toEqual(expect.arrayContaining([demoCustomerId(1), demoCustomerId(2)]));
    expect(ids.length).toBeGreaterThan(30);
    const seen = new Set<string>();
    // Amounts to check: the customers with a card have dozens of them.
    expect(amounts(await customer(demoCustomerId(1))).length).toBeGreaterThan(20);
    for (const id of ids) {
      const c = await customer(id);
      expectCustomerInvariants(id, c);
      seen.add(c.name);
    }
    // Different customers, different answers (not one canned customer).
    expect(seen.size).toBeGreaterThan(ids.length / 2);
    // Demo customer 2 is the overdue card holder.
    expect((await customer(demoCustomerId(2))).cards[0].overdue.isOverdue).toBe(true);
  });

  it('answers payments as the real chain decides them: approved and ok, or declined with the reason and not ok', async () => {
    const first = await customer(demoCustomerId(1));
    const payable = first.cards[0].payableNow[0];
    const pay = async (who: string, bindingId: string, amountFen: number, key: string) => {
      const answer = await run(mock.token(who), PAY, {
        input: { bindingId, amountFen, merchantName: '瑞幸咖啡', merchantCategoryCode: '5814', idempotencyKey: key },
      });
      expect(answer.errors).toBeUndefined();
      expectPayInvariants(answer.data.pay);
      return answer.data.pay;
    };
    const approved = await pay(demoCustomerId(1), payable.binding.id, 1_234, 'mock-approved');
    expect(approved).toMatchObject({ ok: true, error: null, payment: { status: 'APPROVED', amountFen: 1_234 } });
    // Over what the card can pay now through that wallet: the binding rule's platform declines it.
    const over = await pay(demoCustomerId(1), payable.binding.id, payable.amountFen + 1, 'mock-over');
    expect(over).toMatchObject({ ok: false, payment: { status: 'DECLINED' } });
    expect(over.error.code).toEqual(expect.any(String));
    // The overdue holder cannot pay at all.
    const overdue = await customer(demoCustomerId(2));
    const late = await pay(demoCustomerId(2), overdue.cards[0].payableNow[0].binding.id, 100, 'mock-overdue');
    expect(late).toMatchObject({ ok: false, error: { code: 'OVERDUE_DEBT' }, payment: { status: 'DECLINED' } });
    // What it can pay now counts the approved payment.
    const after = await customer(demoCustomerId(1));
    expectCustomerInvariants(demoCustomerId(1), after);
    expect(after.creditLine.availableFen).toBe(first.creditLine.availableFen - 1_234);
  });

  it("pages a card's transactions to the end: every page but the last says there is a next one", async () => {
    const c = await customer(demoCustomerId(1));
    const token = mock.token(demoCustomerId(1));
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const answer = await run(
        token,
        `query($id: ID!, $after: String) { card(id: $id) { transactions(first: 7, after: $after) {
          edges { cursor node { id amountFen } } pageInfo { hasNextPage endCursor } } } }`,
        { id: c.cards[0].id, after },
      );
      expect(answer.errors).toBeUndefined();
      const page = answer.data.card.transactions;
      expectWholeFen(page.edges.length ? page : { amountFen: 0 });
      ids.push(...page.edges.map((e: any) => e.node.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(7);
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("pages a bill's items to its totalCount, hasNextPage false only on the last page", async () => {
    const c = await customer(demoCustomerId(1));
    const token = mock.token(demoCustomerId(1));
    const bills = await run(token, `query($id: ID!) { card(id: $id) { bills(first: 12) { edges { node { id } } } } }`, {
      id: c.cards[0].id,
    });
    expect(bills.errors).toBeUndefined();
    const billIds: string[] = bills.data.card.bills.edges.map((e: any) => e.node.id);
    expect(billIds.length).toBeGreaterThan(0);
    for (const billId of billIds) {
      const seen: string[] = [];
      let after: string | null = null;
      let totalCount = -1;
      for (;;) {
        const answer = await run(
          token,
          `query($card: ID!, $after: String) { card(id: $card) { bills(first: 12) { edges { node { id
            items(first: 5, after: $after) { totalCount edges { node { id amountFen } } pageInfo { hasNextPage endCursor } } } } } } }`,
          { card: c.cards[0].id, after },
        );
        expect(answer.errors).toBeUndefined();
        const bill = answer.data.card.bills.edges.find((e: any) => e.node.id === billId).node;
        const page = bill.items;
        totalCount = page.totalCount;
        seen.push(...page.edges.map((e: any) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        expect(page.edges).toHaveLength(5);
        after = page.pageInfo.endCursor;
      }
      expect({ billId, items: seen.length }).toEqual({ billId, items: totalCount });
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it("opens the IDE on the card view with demo customer 1's variables, which answer on the first run", async () => {
    const page = await fetch(mock.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(JSON.stringify(EXAMPLE_VARIABLES));
    expect(JSON.parse(EXAMPLE_VARIABLES)).toEqual({ customerId: demoCustomerId(1) });
    const answer = await run(mock.token(demoCustomerId(1)), EXAMPLE_QUERY, JSON.parse(EXAMPLE_VARIABLES));
    expect(answer.errors).toBeUndefined();
    expect(answer.data.customer.id).toBe(demoCustomerId(1));
    expect(answer.data.customer.cards.length).toBeGreaterThan(0);
    expectWholeFen(answer.data);
  });

  it('answers every example query in client/operations for demo customer 1 and their card, in whole fen', async () => {
    const dir = path.join(__dirname, '../operations');
    const queries = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.graphql') && /^query /m.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(queries.length).toBeGreaterThanOrEqual(5);
    const card = (await customer(demoCustomerId(1))).cards[0];
    for (const file of queries) {
      const answer = await run(mock.token(demoCustomerId(1)), fs.readFileSync(path.join(dir, file), 'utf8'), {
        customerId: demoCustomerId(1),
        cardId: card.id,
      });
      expect({ file, errors: answer.errors }).toEqual({ file, errors: undefined });
      expectWholeFen(answer.data);
    }
  });

  it('serves the card page at / beside the GraphQL endpoint', async () => {
    const response = await fetch(mock.url.replace(/\/graphql$/, '/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
  });
});
