/**
 * The first promise: one query through the gateway returns one card as all three
 * platforms see it. Runs on the embedded PGlite server, and on the real PostgreSQL
 * server with CARDWEAVE_TEST_DATABASE=postgres.
 */
import * as fs from 'node:fs';
import { CardEntity } from '@cardweave/issuer-subgraph';
import { demoCustomerId } from '../scripts/demo-data/random';
import { startTestSystem, type TestSystem } from './support/test-system';

const CARD_VIEW = fs.readFileSync(require.resolve('../client/operations/card-view.graphql'), 'utf8');

interface Rule {
  ruleId: string;
  remainingFen: number;
  window: string;
  limitFen: number;
  usedFen: number;
  platform?: { id: string };
  blockedCode?: string | null;
}
interface CardView {
  customer: {
    name: string;
    creditLine: { limitFen: number; usedFen: number; availableFen: number };
    cards: Array<{
      id: string;
      maskedNumber: string;
      overdue: { isOverdue: boolean; overdueDays: number; overdueAmountFen: number; penaltyAccruedFen: number };
      walletBindings: Array<{ walletPlatform: { id: string }; verificationMethod: string }>;
      payableNow: Array<{ walletPlatform: { id: string }; amountFen: number; bindingRule: Rule; rules: Rule[] }>;
      networkLimits: Rule[];
      currentBill: {
        totalDueFen: number;
        status: string;
        items: {
          totalCount: number;
          edges: Array<{ node: { amountFen: number; transaction: { amountFen: number; merchant: { name: string } } } }>;
        };
      } | null;
      repayAt: { platform: { id: string } };
    }>;
  } | null;
}

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
});

afterAll(async () => {
  await system?.stop();
});

describe('the unified card view', () => {
  it('returns fields from the issuer, the wallet and the clearing subgraphs in one query', async () => {
    const { data, errors } = await system.query<CardView>(CARD_VIEW, { customerId: demoCustomerId(1) });
    expect(errors).toBeUndefined();
    const customer = data!.customer!;
    const card = customer.cards[0];
    expect(card.maskedNumber).toMatch(/^\d{4} \d{2}•• •••• \d{4}$/);
    expect(card.walletBindings.map((b) => b.walletPlatform.id)).toContain('wechat-pay');
    expect(card.walletBindings.find((b) => b.walletPlatform.id === 'wechat-pay')!.verificationMethod).toBe('FOUR_ELEMENTS');
    expect(card.networkLimits.map((l) => l.ruleId)).toEqual(['unionpay.per-payment', 'unionpay.daily', 'unionpay.yearly']);
    expect(card.repayAt.platform.id).toBe('jd-finance');
    expect(customer.creditLine.availableFen).toBe(customer.creditLine.limitFen - customer.creditLine.usedFen);
  });

  it('gives per wallet the smallest remaining amount over every platform and the rule that binds it', async () => {
    const { data } = await system.query<CardView>(CARD_VIEW, { customerId: demoCustomerId(1) });
    const card = data!.customer!.cards[0];
    expect(card.payableNow.length).toBe(card.walletBindings.length);
    for (const payable of card.payableNow) {
      const platforms = new Set(payable.rules.map((r) => r.platform?.id ?? r.ruleId.split('.')[0]));
      expect(payable.rules.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['jd-finance.credit-available', 'unionpay.daily']));
      expect(payable.rules.some((r) => r.ruleId.startsWith(`${payable.walletPlatform.id}.`))).toBe(true);
      expect(platforms.size).toBeGreaterThanOrEqual(3);
      const smallest = Math.min(...payable.rules.map((r) => r.remainingFen));
      expect(payable.amountFen).toBe(smallest);
      expect(payable.bindingRule.remainingFen).toBe(smallest);
    }
    // With ample credit, UnionPay's 1,000 CNY per payment is what binds.
    expect(card.payableNow[0].bindingRule.ruleId).toBe('unionpay.per-payment');
    expect(card.payableNow[0].amountFen).toBe(100_000);
  });

  it('shows the overdue state beside the bindings, and an overdue card can pay nothing', async () => {
    const { data } = await system.query<CardView>(CARD_VIEW, { customerId: demoCustomerId(2) });
    const card = data!.customer!.cards[0];
    expect(card.overdue.isOverdue).toBe(true);
    expect(card.overdue.overdueDays).toBeGreaterThan(0);
    expect(card.overdue.overdueAmountFen).toBeGreaterThan(0);
    expect(card.overdue.penaltyAccruedFen).toBeGreaterThan(0);
    expect(card.payableNow[0].amountFen).toBe(0);
    expect(card.payableNow[0].bindingRule).toMatchObject({ ruleId: 'jd-finance.credit-available', blockedCode: 'OVERDUE_DEBT' });
  });

  it('shows each bill item with the transaction the clearing network recorded', async () => {
    const { data } = await system.query<CardView>(CARD_VIEW, { customerId: demoCustomerId(1) });
    const bill = data!.customer!.cards[0].currentBill!;
    expect(bill.items.totalCount).toBeGreaterThan(0);
    for (const { node } of bill.items.edges) {
      expect(node.transaction.amountFen).toBe(node.amountFen);
      expect(node.transaction.merchant.name.length).toBeGreaterThan(0);
    }
  });

  it('never returns the full card number, which is stored only encrypted', async () => {
    const stored = await system.issuer.database.dataSource.getRepository(CardEntity).find();
    expect(stored.length).toBeGreaterThan(10);
    const pans = stored.map((c) => system.vault.decrypt(c.panEncrypted));
    for (const c of stored) expect(c.panEncrypted).not.toMatch(/\d{16}/);
    const responses = await Promise.all(
      [1, 2, 3, 4].map((n) => system.query(CARD_VIEW, { customerId: demoCustomerId(n) }).then((r) => JSON.stringify(r))),
    );
    for (const pan of pans) for (const body of responses) expect(body).not.toContain(pan);
  });

  it('answers a malformed id with a field-level input error, not a database error', async () => {
    const { errors } = await system.query(`{ customer(id: "1; DROP TABLE issuer.customers") { id } }`);
    expect(errors?.[0].message).toContain('id: not a valid id');
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const again = await system.query<{ customers: { edges: unknown[] } }>(`{ customers(first: 5) { edges { node { id } } } }`);
    expect(again.data!.customers.edges).toHaveLength(5);
  });
});
