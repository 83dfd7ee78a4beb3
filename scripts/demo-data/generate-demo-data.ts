/**
 * Generates the demo data: a few dozen customers from the three user groups, with credit
 * lines, cards, wallet bindings, transactions, bills and usage counters. Payments are
 * decided by the adapters' own limits, in time order, so approved amounts never exceed
 * any rule and declined ones carry the canonical reason. Pure: nothing is written here.
 */
import { createHash } from 'node:crypto';
import {
  applyFraction,
  evaluateLimits,
  luhnValid,
  residentIdCheckCharacter,
  windowOf,
  type AdapterRegistry,
  type LimitRule,
  type LimitUsage,
  type PlatformAdapter,
} from '@cardweave/adapter-sdk';
import { addDays, isoDateOf } from '@cardweave/issuer-subgraph';
import type { BillItemEntity, BillEntity, CardEntity, CreditLineEntity, CustomerEntity } from '@cardweave/issuer-subgraph';
import type { TransactionEntity } from '@cardweave/clearing-subgraph';
import type { CardBindingEntity, WalletAccountEntity } from '@cardweave/wallet-subgraph';
import { demoCustomerId, SeededRandom } from './random';
import { GIVEN_NAMES, SURNAMES, USER_GROUPS, type UserGroup } from './user-groups';

export interface UsageRow {
  scopeKey: string;
  window: LimitRule['window'];
  windowKey: string;
  amountFen: bigint;
  count: number;
}

/** A stable id derived from another (a name-based UUID), so adding rows draws nothing from the random stream. */
function derivedId(from: string, purpose: string): string {
  const h = createHash('sha1').update(`${purpose}:${from}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface PenaltyPostingRow {
  billId: string;
  accrualDate: string;
  principalFen: bigint;
  amountFen: bigint;
  postedAt: Date;
}

export interface DemoData {
  issuer: {
    customers: CustomerEntity[];
    creditLines: CreditLineEntity[];
    cards: CardEntity[];
    bills: BillEntity[];
    billItems: BillItemEntity[];
    /** One per overdue bill and day, as the statement job posts them (so it posts none twice). */
    penaltyPostings: PenaltyPostingRow[];
  };
  wallet: { accounts: WalletAccountEntity[]; bindings: CardBindingEntity[]; usage: UsageRow[] };
  clearing: { transactions: TransactionEntity[]; usage: UsageRow[] };
}

export interface DemoDataOptions {
  registry: AdapterRegistry;
  now: Date;
  /** Encrypts card, ID and mobile numbers before they are stored. */
  encrypt: (plain: string) => string;
  customers?: number;
  seed?: number;
}

const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;
const GROUP_ORDER: UserGroup[] = ['YOUNG_PROFESSIONAL', 'SMALL_BUSINESS_OWNER', 'STUDENT'];

const localDay = (instant: Date) => windowOf('DAILY', instant, ZONE).key;

function cardNumber(rng: SeededRandom, bin: string, length: number): string {
  const body = bin + rng.digits(length - bin.length - 1);
  for (let check = 0; check <= 9; check += 1) if (luhnValid(body + check)) return body + check;
  throw new Error('unreachable: one check digit always satisfies Luhn');
}

function residentId(rng: SeededRandom, birthDate: string): string {
  const first17 = `110105${birthDate.replace(/-/g, '')}${rng.digits(3)}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** Counts usage per (scope, window key) as approved payments are decided. */
class UsageBook {
  private readonly rows = new Map<string, UsageRow>();

  usageFor(rules: LimitRule[], scopeKey: string, at: Date): Record<string, LimitUsage> {
    const out: Record<string, LimitUsage> = {};
    for (const rule of rules) {
      const row = this.rows.get(`${scopeKey}|${rule.window}|${windowOf(rule.window, at, rule.timezone).key}`);
      if (row) out[rule.id] = { amountFen: row.amountFen, count: row.count };
    }
    return out;
  }

  add(rules: LimitRule[], scopeKey: string, at: Date, amountFen: bigint): void {
    const windows = new Map(rules.filter((r) => r.window !== 'PER_PAYMENT').map((r) => [r.window, r.timezone]));
    for (const [window, zone] of windows) {
      const windowKey = windowOf(window, at, zone).key;
      const key = `${scopeKey}|${window}|${windowKey}`;
      const row = this.rows.get(key) ?? { scopeKey, window, windowKey, amountFen: 0n, count: 0 };
      row.amountFen += amountFen;
      row.count += 1;
      this.rows.set(key, row);
    }
  }

  all(): UsageRow[] {
    return [...this.rows.values()];
  }
}

export function generateDemoData(options: DemoDataOptions): DemoData {
  const rng = new SeededRandom(options.seed ?? 20261126);
  const { registry, now } = options;
  const issuer = registry.single('issuer');
  const network = registry.single('clearing');
  const wallets = registry.byRole('wallet');
  const terms = issuer.issuerTerms!;
  const eligibility = issuer.eligibility!;
  const data: DemoData = {
    issuer: { customers: [], creditLines: [], cards: [], bills: [], billItems: [], penaltyPostings: [] },
    wallet: { accounts: [], bindings: [], usage: [] },
    clearing: { transactions: [], usage: [] },
  };
  const walletBook = new UsageBook();
  const networkBook = new UsageBook();

  // Billing cycles: the two latest statement dates on or before today, and the one before.
  const today = windowOf('DAILY', now, ZONE).key;
  const [ty, tm, td] = today.split('-').map(Number);
  const monthsBack = td >= terms.statementDay ? 0 : 1;
  const statements = [2, 1, 0].map((k) => isoDateOf(ty, tm - monthsBack - k, terms.statementDay));
  const cycles = [0, 1].map((i) => ({
    start: statements[i],
    end: addDays(statements[i + 1], -1),
    statement: statements[i + 1],
    due: addDays(statements[i + 1], terms.gracePeriodDays),
  }));
  const historyStart = new Date(Date.parse(`${statements[0]}T00:00:00+08:00`));

  const count = options.customers ?? 36;
  for (let n = 1; n <= count; n += 1) {
    // Customer 2, the demo's overdue card holder, spends like customer 1 so it has bills to be late on.
    const group = n === 2 ? 'YOUNG_PROFESSIONAL' : GROUP_ORDER[(n - 1) % 3];
    const profile = USER_GROUPS[group];
    const customerId = demoCustomerId(n);
    const age = rng.int(profile.ages[0], profile.ages[1]);
    const birthDate = isoDateOf(ty - age, rng.int(1, 12), rng.int(1, 28));
    // Customer 5 is frozen by the issuer's risk controls.
    const overdueHolder = n === 2 || !rng.chance(profile.onTimeShare);
    const realNameLevel = n <= 3 || rng.chance(0.85) ? 3 : 2;
    data.issuer.customers.push({
      id: customerId,
      name: rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES),
      birthDate,
      realNameLevel,
      status: n === 5 ? 'FROZEN' : 'ACTIVE',
      userGroup: group,
      residentIdEncrypted: options.encrypt(residentId(rng, birthDate)),
      mobileEncrypted: options.encrypt(demoMobile('customer', n)),
      createdAt: new Date(historyStart.getTime() - rng.int(30, 400) * DAY),
    });

    const accounts = wallets
      .filter((w, i) => i === 0 || n === 1 || rng.chance(0.35))
      .map((w) => ({
        id: rng.uuid(),
        customerId,
        platform: w.manifest.id,
        status: 'ACTIVE' as const,
        createdAt: new Date(historyStart.getTime() - rng.int(30, 300) * DAY),
      }));
    data.wallet.accounts.push(...accounts);

    const eligible = realNameLevel >= eligibility.minRealNameLevel && age >= eligibility.minAge && age <= (eligibility.maxAge ?? 200);
    if (!eligible) continue;

    const line: CreditLineEntity = {
      id: rng.uuid(),
      customerId,
      issuerPlatform: issuer.manifest.id,
      limitFen: BigInt(rng.int(profile.creditLineYuan[0] / 100, profile.creditLineYuan[1] / 100)) * 10_000n,
      usedFen: 0n,
      createdAt: historyStart,
    };
    data.issuer.creditLines.push(line);
    const range = issuer.manifest.binRanges[0];
    // One card per credit line, as issuance itself allows (CARD_ALREADY_ISSUED).
    const cards: CardEntity[] = Array.from({ length: 1 }, (_, i) => {
      const pan = cardNumber(rng, range.from.padEnd(6, '0').slice(0, 6), range.length);
      return {
        id: rng.uuid(),
        customerId,
        creditLineId: line.id,
        issuerPlatform: issuer.manifest.id,
        network: network.manifest.cardNetworks[0] ?? 'UNIONPAY',
        bin: pan.slice(0, 6),
        last4: pan.slice(-4),
        panEncrypted: options.encrypt(pan),
        status: n === 11 && i === 0 ? 'LOCKED' : 'ACTIVE',
        expiresOn: isoDateOf(ty + 5, tm + 1, 0),
        createdAt: new Date(historyStart.getTime() - (10 - i) * DAY),
      };
    });
    data.issuer.cards.push(...cards);

    const bindings = cards.flatMap((card) =>
      accounts.map((account) => {
        const adapter = registry.get(account.platform);
        return {
          id: rng.uuid(),
          cardId: card.id,
          walletAccountId: account.id,
          platform: account.platform,
          status: 'ACTIVE' as const,
          verificationMethod: adapter.verification.steps.map((s) => s.kind).join('+'),
          boundAt: new Date(card.createdAt.getTime() + rng.int(1, 5) * DAY),
        };
      }),
    );
    data.wallet.bindings.push(...bindings);
    if (bindings.length === 0) continue;

    // Payments over the last two cycles and this one, decided in time order.
    const spanDays = Math.max(1, Math.floor((now.getTime() - historyStart.getTime()) / DAY));
    const payments = Math.round((rng.int(profile.paymentsPerMonth[0], profile.paymentsPerMonth[1]) * spanDays) / 30);
    const times = Array.from({ length: payments }, () => new Date(historyStart.getTime() + rng.next() * spanDays * DAY))
      .filter((t) => t < now)
      .sort((a, b) => a.getTime() - b.getTime());
    // Credit is checked against everything approved so far, ignoring repayments: stricter
    // than the issuer, so no approved payment could have been refused for credit.
    let used = 0n;
    const approvedByCycle: TransactionEntity[][] = [[], []];
    for (const at of times) {
      const binding = rng.pick(bindings);
      const account = accounts.find((a) => a.id === binding.walletAccountId)!;
      const wallet = registry.get(binding.platform);
      const scene = rng.pick(profile.scenes);
      const yuan = rng.chance(profile.typicalShare) ? rng.int(profile.typicalYuan[0], profile.typicalYuan[1]) : rng.int(1, profile.maxYuan);
      const amountFen = BigInt(yuan) * 100n + BigInt(rng.int(0, 99));
      const declineCode = decide(amountFen, at, binding.cardId, account.id, wallet, network, networkBook, walletBook, line.limitFen - used);
      const tx: TransactionEntity = {
        id: rng.uuid(),
        cardId: binding.cardId,
        walletPlatform: binding.platform,
        networkPlatform: network.manifest.id,
        merchantName: scene.merchant,
        merchantCategory: scene.mcc,
        amountFen,
        status: declineCode ? 'DECLINED' : 'APPROVED',
        declineCode,
        createdAt: at,
      };
      data.clearing.transactions.push(tx);
      if (declineCode) continue;
      used += amountFen;
      networkBook.add(network.limits, binding.cardId, at, amountFen);
      walletBook.add(wallet.limits, account.id, at, amountFen);
      const day = localDay(at);
      const cycle = cycles.findIndex((c) => day >= c.start && day <= c.end);
      if (cycle >= 0) approvedByCycle[cycle].push(tx);
      // The open cycle: postings awaiting the next statement (no bill yet).
      else if (day > cycles[1].end) {
        data.issuer.billItems.push({
          id: derivedId(tx.id, 'posting'),
          billId: null,
          cardId: tx.cardId,
          kind: 'PURCHASE',
          amountFen,
          postedAt: at,
          transactionId: tx.id,
        });
      }
    }

    cycles.forEach((cycle, i) => {
      const items = approvedByCycle[i];
      const total = items.reduce((s, t) => s + t.amountFen, 0n);
      if (total === 0n) return;
      const dueDatePassed = today > cycle.due;
      const unpaid = overdueHolder && i === 0;
      const paid = unpaid || !dueDatePassed ? 0n : total;
      const overdueDays = unpaid && dueDatePassed ? Math.round((Date.parse(today) - Date.parse(cycle.due)) / DAY) : 0;
      // One posting per overdue day that has ended (not today's), each rounded as the issuer configures.
      const chargedDays = Math.max(overdueDays - 1, 0);
      const penalty = applyFraction(total, terms.penaltyPerDay, terms.rounding) * BigInt(chargedDays);
      const bill: BillEntity = {
        id: rng.uuid(),
        creditLineId: line.id,
        cycleStart: cycle.start,
        cycleEnd: cycle.end,
        statementDate: cycle.statement,
        dueDate: cycle.due,
        totalDueFen: total,
        minimumDueFen: applyFraction(total, terms.minimumDue, terms.rounding),
        paidFen: paid,
        // Payers repaid on time; the overdue holder repaid nothing.
        paidByDueFen: paid,
        penaltyAccruedFen: penalty,
      };
      data.issuer.bills.push(bill);
      for (let d = 1; d <= chargedDays; d += 1) {
        data.issuer.penaltyPostings.push({
          billId: bill.id,
          accrualDate: addDays(cycle.due, d),
          principalFen: total,
          amountFen: applyFraction(total, terms.penaltyPerDay, terms.rounding),
          // Posted when the day has ended: 00:00 of the next day.
          postedAt: new Date(Date.parse(`${addDays(cycle.due, d + 1)}T00:00:00+08:00`)),
        });
      }
      for (const tx of items) {
        data.issuer.billItems.push({
          id: rng.uuid(),
          billId: bill.id,
          cardId: tx.cardId,
          kind: 'PURCHASE',
          amountFen: tx.amountFen,
          postedAt: tx.createdAt,
          transactionId: tx.id,
        });
      }
    });
    // Payers repaid each bill whose due date passed; overdue holders left the older one unpaid.
    const repaid = data.issuer.bills.filter((b) => b.creditLineId === line.id).reduce((s, b) => s + b.paidFen, 0n);
    line.usedFen = used - repaid;
  }
  addApplicants(data, options, registry, ty, tm, td, historyStart);
  data.wallet.usage = walletBook.all();
  data.clearing.usage = networkBook.all();
  return data;
}

/**
 * Customers with no credit line yet, to apply for one (applyForCreditLine) and be issued the
 * card: three who qualify, one per user group, and one the issuer turns down (real-name level 2
 * and 57 years old). Their own ids and random stream, so the generated customers stay the same.
 */
export const DEMO_APPLICANTS: ReadonlyArray<{ name: string; group: UserGroup; age: number; realNameLevel: number }> = [
  { name: '李明远', group: 'YOUNG_PROFESSIONAL', age: 28, realNameLevel: 3 },
  { name: '王秀芳', group: 'SMALL_BUSINESS_OWNER', age: 41, realNameLevel: 3 },
  { name: '陈思雨', group: 'STUDENT', age: 20, realNameLevel: 3 },
  { name: '赵国强', group: 'SMALL_BUSINESS_OWNER', age: 57, realNameLevel: 2 },
];

/**
 * The mobile number the bank holds (银行预留手机号) for the nth generated customer or applicant,
 * from 1: 138 0000 nnnn and 139 0000 nnnn. Derived from n, not drawn, so the rest of the demo
 * data stays as it was; WeChat Pay's four-element binding compares it.
 */
export function demoMobile(kind: 'customer' | 'applicant', n: number): string {
  return `${kind === 'customer' ? '138' : '139'}0000${String(n).padStart(4, '0')}`;
}

/** The id of the nth applicant (from 1), beside the generated customers' range. */
export function demoApplicantId(n: number): string {
  return `00000000-0000-4000-8001-${n.toString(16).padStart(12, '0')}`;
}

function addApplicants(
  data: DemoData,
  options: DemoDataOptions,
  registry: AdapterRegistry,
  ty: number,
  tm: number,
  td: number,
  historyStart: Date,
): void {
  const rng = new SeededRandom((options.seed ?? 20261126) + 1);
  const wallet = registry.byRole('wallet')[0];
  DEMO_APPLICANTS.forEach((a, i) => {
    const id = demoApplicantId(i + 1);
    // Born the day after today, age + 1 years ago: exactly `age` today.
    const birthDate = isoDateOf(ty - a.age - 1, tm, td + 1);
    data.issuer.customers.push({
      id,
      name: a.name,
      birthDate,
      realNameLevel: a.realNameLevel,
      status: 'ACTIVE',
      userGroup: a.group,
      residentIdEncrypted: options.encrypt(residentId(rng, birthDate)),
      mobileEncrypted: options.encrypt(demoMobile('applicant', i + 1)),
      createdAt: new Date(historyStart.getTime() - 30 * DAY),
    });
    if (wallet) {
      data.wallet.accounts.push({
        id: derivedId(id, 'wallet-account'),
        customerId: id,
        platform: wallet.manifest.id,
        status: 'ACTIVE',
        createdAt: new Date(historyStart.getTime() - 20 * DAY),
      });
    }
  });
}

/** The canonical reason the chain would decline a payment, or null to approve it. */
function decide(
  amountFen: bigint,
  at: Date,
  cardId: string,
  walletAccountId: string,
  wallet: PlatformAdapter,
  network: PlatformAdapter,
  networkBook: UsageBook,
  walletBook: UsageBook,
  creditAvailable: bigint,
): string | null {
  if (!evaluateLimits(wallet.limits, walletBook.usageFor(wallet.limits, walletAccountId, at), amountFen).allowed) {
    return 'LIMIT_EXCEEDED';
  }
  if (!evaluateLimits(network.limits, networkBook.usageFor(network.limits, cardId, at), amountFen).allowed) {
    return 'LIMIT_EXCEEDED';
  }
  return amountFen > creditAvailable ? 'INSUFFICIENT_CREDIT' : null;
}
