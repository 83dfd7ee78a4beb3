/**
 * The card holder's page in a real browser (Debian's chromium driven by playwright-core),
 * served by the gateway at / over the embedded demo system: it loads, it shows exactly the
 * figures the GraphQL API returns, it switches language, and it warns about an overdue card.
 * Screenshots go to test-results/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { demoCustomerId } from '../../scripts/demo-data/random';
import { formatFen, type Language } from '../../web/src/money';
import { startTestSystem, type TestSystem } from '../support/test-system';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CARD_VIEW = fs.readFileSync(require.resolve('../../client/operations/card-view.graphql'), 'utf8');
const RESULTS = path.resolve(__dirname, '../../test-results');
const WEB_BUILD = path.resolve(__dirname, '../../web/dist/index.html');

// Browsers cannot be downloaded here: .ci/run installs Debian's chromium. Without it this suite is skipped.
const describeInBrowser = fs.existsSync(CHROMIUM) ? describe : describe.skip;
if (!fs.existsSync(CHROMIUM)) console.warn(`card page browser tests skipped: no browser at ${CHROMIUM} (apt-get install chromium)`);

interface Limit {
  ruleId: string;
  limitFen: number;
  usedFen: number;
  remainingFen: number;
  platform: { id: string };
}
interface ApiCard {
  id: string;
  maskedNumber: string;
  network: string;
  issuer: { id: string };
  overdue: { isOverdue: boolean; overdueDays: number; overdueAmountFen: number; penaltyAccruedFen: number };
  walletBindings: Array<{ walletPlatform: { id: string }; verificationMethod: string }>;
  payableNow: Array<{
    walletPlatform: { id: string };
    amountFen: number;
    bindingRule: Limit & { blockedCode: string | null };
    rules: Limit[];
  }>;
  currentBill: {
    totalDueFen: number;
    minimumDueFen: number;
    paidFen: number;
    outstandingFen: number;
    statementDate: string;
    dueDate: string;
    items: { edges: Array<{ node: { id: string; amountFen: number } }> };
  } | null;
  repayAt: { platform: { id: string } };
}
interface ApiView {
  customer: { name: string; creditLine: { limitFen: number; usedFen: number; availableFen: number }; cards: ApiCard[] };
}

let system: TestSystem;
let browser: Browser;

async function viewOf(customerId: string): Promise<ApiView['customer']> {
  const { data, errors } = await system.query<ApiView>(CARD_VIEW, { customerId });
  expect(errors).toBeUndefined();
  return data!.customer;
}

async function openPage(locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const origin = system.gateway.url.replace(/\/graphql$/, '');
  await page.goto(`${origin}/`);
  return { context, page };
}

async function signInAs(page: Page, customerId: string): Promise<void> {
  await page.locator(`[data-testid=customer][data-customer-id="${customerId}"]`).click();
  await page.locator('[data-testid=card]').first().waitFor();
}

/** The fen value and the text of every element with this test id inside a scope. */
async function figures(scope: ReturnType<Page['locator']>, testId: string): Promise<Array<{ fen: number; text: string }>> {
  return scope
    .locator(`[data-testid=${testId}]`)
    .evaluateAll((els) => els.map((el) => ({ fen: Number(el.getAttribute('data-fen')), text: (el.textContent ?? '').trim() })));
}

const shown = (fen: number, language: Language) => ({ fen, text: formatFen(fen, language) });

describeInBrowser('the card page in a browser', () => {
  beforeAll(async () => {
    expect(fs.existsSync(WEB_BUILD)).toBe(true); // npm test builds it first (pretest)
    fs.mkdirSync(RESULTS, { recursive: true });
    system = await startTestSystem();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      // Playwright gives every launch a fresh --user-data-dir of its own (it refuses one in args).
    });
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('loads at the gateway root and lists the demo customers to sign in as', async () => {
    const { context, page } = await openPage('en-US');
    try {
      await page.locator('[data-testid=customer]').first().waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('h1').textContent()).toBe('My cards');
      const ids = await page.locator('[data-testid=customer]').evaluateAll((els) => els.map((e) => e.getAttribute('data-customer-id')));
      expect(ids).toEqual(expect.arrayContaining([demoCustomerId(1), demoCustomerId(2)]));
    } finally {
      await context.close();
    }
  });

  it('shows exactly the figures the GraphQL API returns', async () => {
    const api = await viewOf(demoCustomerId(1));
    const { context, page } = await openPage('en-US');
    try {
      await signInAs(page, demoCustomerId(1));
      expect(await page.locator('[data-testid=customer-name]').textContent()).toBe(api.name);
      const cards = page.locator('[data-testid=card]');
      expect(await cards.count()).toBe(api.cards.length);

      for (const card of api.cards) {
        const el = page.locator(`[data-testid=card][data-card-id="${card.id}"]`);
        expect(await el.locator('[data-testid=masked-number]').textContent()).toBe(card.maskedNumber);
        expect(card.maskedNumber).toMatch(/^\d{4} \d{2}•• •••• \d{4}$/);
        expect(await el.locator('[data-testid=issuer]').getAttribute('data-platform')).toBe(card.issuer.id);
        expect(await el.locator('[data-testid=network]').textContent()).toBe(card.network);

        const line = api.creditLine;
        expect(await figures(el, 'credit-limit')).toEqual([shown(line.limitFen, 'en')]);
        expect(await figures(el, 'credit-used')).toEqual([shown(line.usedFen, 'en')]);
        expect(await figures(el, 'credit-available')).toEqual([shown(line.availableFen, 'en')]);

        const bindings = await el.locator('[data-testid=binding]').evaluateAll((rows) =>
          rows.map((r) => ({
            wallet: r.getAttribute('data-wallet'),
            method: r.querySelector('[data-testid=verification]')?.textContent,
          })),
        );
        expect(bindings).toEqual(card.walletBindings.map((b) => ({ wallet: b.walletPlatform.id, method: b.verificationMethod })));

        for (const p of card.payableNow) {
          const row = el.locator(`[data-testid=payable][data-wallet="${p.walletPlatform.id}"]`);
          expect(await row.getAttribute('data-rule-id')).toBe(p.bindingRule.ruleId);
          expect(await figures(row, 'payable-amount')).toEqual([shown(p.amountFen, 'en')]);
        }

        const rules = new Map(card.payableNow.flatMap((p) => p.rules).map((r) => [r.ruleId, r]));
        const limitRows = await el.locator('[data-testid=limit]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule-id')));
        expect(limitRows.sort()).toEqual([...rules.keys()].sort());
        for (const rule of rules.values()) {
          const row = el.locator(`[data-testid=limit][data-rule-id="${rule.ruleId}"]`);
          expect(await row.getAttribute('data-platform')).toBe(rule.platform.id);
          expect(await figures(row, 'limit-limit')).toEqual([shown(rule.limitFen, 'en')]);
          expect(await figures(row, 'limit-used')).toEqual([shown(rule.usedFen, 'en')]);
          expect(await figures(row, 'limit-remaining')).toEqual([shown(rule.remainingFen, 'en')]);
        }

        const bill = card.currentBill;
        if (bill) {
          expect(await figures(el, 'bill-total')).toEqual([shown(bill.totalDueFen, 'en')]);
          expect(await figures(el, 'bill-minimum')).toEqual([shown(bill.minimumDueFen, 'en')]);
          expect(await figures(el, 'bill-paid')).toEqual([shown(bill.paidFen, 'en')]);
          expect(await figures(el, 'bill-outstanding')).toEqual([shown(bill.outstandingFen, 'en')]);
          expect(await el.locator('[data-testid=bill-due-date]').textContent()).toBe(bill.dueDate);
          expect(await figures(el, 'bill-item-amount')).toEqual(bill.items.edges.map((e) => shown(e.node.amountFen, 'en')));
        }
        expect(await el.locator('[data-testid=repay-at]').getAttribute('data-platform')).toBe(card.repayAt.platform.id);
        expect(await el.locator('[data-testid=overdue-warning]').count()).toBe(card.overdue.isOverdue ? 1 : 0);
      }
      await page.screenshot({ path: path.join(RESULTS, 'card-page.good-standing.en.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('follows the browser language and switches between zh-CN and en', async () => {
    const api = await viewOf(demoCustomerId(1));
    const available = api.creditLine.availableFen;
    const { context, page } = await openPage('zh-CN');
    try {
      await signInAs(page, demoCustomerId(1));
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await page.locator('h1').textContent()).toBe('我的卡');
      expect((await figures(page.locator('body'), 'credit-available'))[0]).toEqual(shown(available, 'zh-CN'));
      expect(formatFen(available, 'zh-CN')).toMatch(/^¥/);

      await page.locator('[data-testid=switch-language]').click();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('h1').textContent()).toBe('My cards');
      expect((await figures(page.locator('body'), 'credit-available'))[0]).toEqual(shown(available, 'en'));

      // The choice outlives a reload.
      await page.reload();
      await page.locator('[data-testid=card]').first().waitFor();
      expect(await page.locator('h1').textContent()).toBe('My cards');
      await page.locator('[data-testid=switch-language]').click();
      expect(await page.locator('h1').textContent()).toBe('我的卡');
    } finally {
      await context.close();
    }
  });

  it('warns about an overdue card with its penalty, the canonical error and the remedy', async () => {
    const api = await viewOf(demoCustomerId(2));
    const overdueCard = api.cards.find((c) => c.overdue.isOverdue)!;
    expect(overdueCard).toBeDefined();
    for (const language of ['zh-CN', 'en'] as const) {
      const { context, page } = await openPage(language === 'en' ? 'en-GB' : 'zh-CN');
      try {
        await signInAs(page, demoCustomerId(2));
        const el = page.locator(`[data-testid=card][data-card-id="${overdueCard.id}"]`);
        const warning = el.locator('[data-testid=overdue-warning]');
        await warning.waitFor();
        expect(await warning.textContent()).toContain(String(overdueCard.overdue.overdueDays));
        expect(await figures(warning, 'overdue-amount')).toEqual([shown(overdueCard.overdue.overdueAmountFen, language)]);
        expect(await figures(warning, 'overdue-penalty')).toEqual([shown(overdueCard.overdue.penaltyAccruedFen, language)]);
        const error = warning.locator('[data-testid=error]');
        expect(await error.getAttribute('data-code')).toBe('OVERDUE_DEBT');
        expect(await error.getAttribute('data-remedy')).toBe('REPAY_OVERDUE_BILL');
        expect(await error.locator('[data-testid=remedy]').textContent()).toBe(
          language === 'en' ? 'Repay the overdue bill at the issuer first' : '请先在发卡方处还清逾期账单',
        );

        // Every wallet shows 0 payable, blocked by the issuer's rule with the same canonical code.
        for (const p of overdueCard.payableNow) {
          const row = el.locator(`[data-testid=payable][data-wallet="${p.walletPlatform.id}"]`);
          expect(await figures(row, 'payable-amount')).toEqual([shown(p.amountFen, language)]);
          expect(await row.locator('[data-testid=error]').getAttribute('data-code')).toBe(p.bindingRule.blockedCode);
        }
        await page.screenshot({ path: path.join(RESULTS, `card-page.overdue.${language}.png`), fullPage: true });
      } finally {
        await context.close();
      }
    }
  });

  it('shows a failed request in the canonical form with its remedy', async () => {
    const { context, page } = await openPage('en-US');
    try {
      await signInAs(page, demoCustomerId(1));
      await page.route('**/graphql', (route) => route.abort('connectionrefused'));
      await page.reload();
      const error = page.locator('[data-testid=error]').first();
      await error.waitFor();
      expect(await error.getAttribute('data-code')).toBe('PLATFORM_UNAVAILABLE');
      expect(await error.getAttribute('data-remedy')).toBe('RETRY_LATER');
      expect(await error.locator('[data-testid=remedy]').textContent()).toBe('Try again later');

      await page.unroute('**/graphql');
      await error.getByRole('button').click();
      await page.locator('[data-testid=card]').first().waitFor();
    } finally {
      await context.close();
    }
  });
});
