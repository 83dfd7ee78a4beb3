import { randomUUID } from 'node:crypto';
import { ageAt, evaluateEligibility, loadAdapterRegistry, windowOf } from '@cardweave/adapter-sdk';
import { DEMO_NOW } from './demo-now';
import { DEMO_APPLICANTS, demoApplicantId, demoMobile, generateDemoData } from './generate-demo-data';
import { demoCustomerId } from './random';

const registry = loadAdapterRegistry();
const now = new Date('2026-11-26T06:00:00Z');
const data = generateDemoData({ registry, now, encrypt: () => `sealed-${randomUUID()}` });

describe('the demo data', () => {
  it('has a few dozen customers from the three user groups, and is the same on every run', () => {
    // 36 generated, and the applicants with no credit line yet.
    expect(data.issuer.customers).toHaveLength(36 + DEMO_APPLICANTS.length);
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

  it('gives every credit line one card at most, as issuance allows', () => {
    const cardsPerLine = new Map<string, number>();
    for (const card of data.issuer.cards) cardsPerLine.set(card.creditLineId, (cardsPerLine.get(card.creditLineId) ?? 0) + 1);
    expect(cardsPerLine.size).toBe(data.issuer.creditLines.length);
    expect([...cardsPerLine.values()].every((n) => n === 1)).toBe(true);
    // Every card's line belongs to the card's customer.
    const lines = new Map(data.issuer.creditLines.map((l) => [l.id, l.customerId]));
    expect(data.issuer.cards.every((c) => lines.get(c.creditLineId) === c.customerId)).toBe(true);
  });

  it('has applicants with no credit line: three the issuer rules admit, one it turns down', () => {
    const issuer = registry.single('issuer');
    const verdicts = DEMO_APPLICANTS.map((_, i) => {
      const id = demoApplicantId(i + 1);
      const customer = data.issuer.customers.find((c) => c.id === id)!;
      expect(data.issuer.creditLines.some((l) => l.customerId === id)).toBe(false);
      expect(data.issuer.cards.some((c) => c.customerId === id)).toBe(false);
      const birth = customer.birthDate.split('-').map(Number);
      const birthDate = { year: birth[0]!, month: birth[1]!, day: birth[2]! };
      expect(ageAt(birthDate, now)).toBe(DEMO_APPLICANTS[i]!.age);
      return evaluateEligibility(
        issuer.eligibility!,
        { realNameLevel: customer.realNameLevel as 1 | 2 | 3, birthDate, hasOverdueDebt: false, accountFrozen: false, walletActive: true },
        now,
      );
    });
    expect(verdicts.map((v) => v.eligible)).toEqual([true, true, true, false]);
    expect(verdicts[3]!.failures.map((f) => f.rule)).toEqual(['REAL_NAME_LEVEL', 'MAX_AGE']);
  });

  it('gives every customer a mobile number the bank holds, sealed like the ID number', () => {
    const sealed = generateDemoData({ registry, now, encrypt: (plain) => `sealed:${plain}` });
    const mobiles = sealed.issuer.customers.map((c) => c.mobileEncrypted);
    expect(mobiles.every((m) => typeof m === 'string' && /^sealed:1[3-9]\d{9}$/.test(m))).toBe(true);
    expect(new Set(mobiles).size).toBe(mobiles.length);
    expect(sealed.issuer.customers.find((c) => c.id === demoApplicantId(2))!.mobileEncrypted).toBe(`sealed:${demoMobile('applicant', 2)}`);
  });
});

describe('the demo data for one pinned instant', () => {
  /** Everything generated, as text: bigints as digits, instants in ISO, sealed fields as their plain text. */
  const generatedAt = (systemDate: string, zone = process.env.TZ) => {
    const machineZone = process.env.TZ;
    process.env.TZ = zone;
    jest.useFakeTimers({ now: new Date(systemDate), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval'] });
    try {
      expect(new Date().toISOString()).toBe(new Date(systemDate).toISOString());
      const generated = generateDemoData({ registry, now: new Date(DEMO_NOW), encrypt: (plain) => `sealed:${plain}` });
      return JSON.stringify(generated, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    } finally {
      jest.useRealTimers();
      if (machineZone === undefined) delete process.env.TZ;
      else process.env.TZ = machineZone;
    }
  };

  it('is byte-for-byte the same, whatever the real date and time zone it is generated in', () => {
    const onOneDay = generatedAt('2026-12-31T23:59:59Z');
    expect(generatedAt('2026-12-31T23:59:59Z')).toBe(onOneDay);
    expect(generatedAt('2031-02-03T04:05:06Z')).toBe(onOneDay);
    // Nor on the machine's time zone.
    expect(generatedAt('2031-02-03T04:05:06Z', 'America/Los_Angeles')).toBe(onOneDay);
    // Names, masked numbers, ids, amounts and overdue days are all in it.
    const data = JSON.parse(onOneDay) as { issuer: { customers: Array<{ id: string; name: string }>; cards: Array<{ last4: string }> } };
    expect(data.issuer.customers[1]).toMatchObject({ id: demoCustomerId(2), name: expect.any(String) });
    expect(data.issuer.cards[0].last4).toMatch(/^\d{4}$/);
  });

  it('is another for another instant', () => {
    const other = generateDemoData({ registry, now: new Date('2027-03-01T06:00:00Z'), encrypt: (plain) => `sealed:${plain}` });
    const pinned = generateDemoData({ registry, now: new Date(DEMO_NOW), encrypt: (plain) => `sealed:${plain}` });
    expect(other.issuer.bills.map((b) => b.dueDate)).not.toEqual(pinned.issuer.bills.map((b) => b.dueDate));
  });
});
