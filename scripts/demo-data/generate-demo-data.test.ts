import { randomUUID } from 'node:crypto';
import { loadAdapterRegistry, windowOf } from '@cardweave/adapter-sdk';
import { generateDemoData } from './generate-demo-data';

const registry = loadAdapterRegistry();
const now = new Date('2026-11-26T06:00:00Z');
const data = generateDemoData({ registry, now, encrypt: () => `sealed-${randomUUID()}` });

describe('the demo data', () => {
  it('has a few dozen customers from the three user groups, and is the same on every run', () => {
    expect(data.issuer.customers).toHaveLength(36);
    expect(new Set(data.issuer.customers.map((c) => c.userGroup))).toEqual(
      new Set(['YOUNG_PROFESSIONAL', 'SMALL_BUSINESS_OWNER', 'STUDENT']),
    );
    const again = generateDemoData({ registry, now, encrypt: () => 'x' });
    expect(again.clearing.transactions.map((t) => [t.id, t.amountFen])).toEqual(data.clearing.transactions.map((t) => [t.id, t.amountFen]));
  });

  it('never approves a payment over a network limit', () => {
    const network = registry.single('clearing');
    const perPayment = network.limits.find((l) => l.window === 'PER_PAYMENT')!;
    const daily = network.limits.find((l) => l.window === 'DAILY')!;
    const approved = data.clearing.transactions.filter((t) => t.status === 'APPROVED');
    expect(approved.length).toBeGreaterThan(200);
    const perCardDay = new Map<string, bigint>();
    for (const t of approved) {
      expect(t.amountFen).toBeLessThanOrEqual(perPayment.amountFen);
      const key = `${t.cardId}|${windowOf('DAILY', t.createdAt, daily.timezone).key}`;
      perCardDay.set(key, (perCardDay.get(key) ?? 0n) + t.amountFen);
    }
    for (const total of perCardDay.values()) expect(total).toBeLessThanOrEqual(daily.amountFen);
    // Small-business amounts of 1,000–5,000 CNY meet UnionPay's per-payment limit, as in the source.
    expect(data.clearing.transactions.some((t) => t.declineCode === 'LIMIT_EXCEEDED')).toBe(true);
  });

  it('bills exactly the approved payments of each cycle and keeps credit used within the line', () => {
    for (const bill of data.issuer.bills) {
      const items = data.issuer.billItems.filter((i) => i.billId === bill.id);
      expect(items.reduce((s, i) => s + i.amountFen, 0n)).toBe(bill.totalDueFen);
    }
    for (const line of data.issuer.creditLines) {
      expect(line.usedFen).toBeGreaterThanOrEqual(0n);
      expect(line.usedFen).toBeLessThanOrEqual(line.limitFen);
    }
  });

  it('includes at least one overdue bill with a penalty', () => {
    const overdue = data.issuer.bills.filter((b) => b.paidFen < b.minimumDueFen && b.dueDate < '2026-11-26');
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((b) => b.penaltyAccruedFen > 0n)).toBe(true);
  });
});
