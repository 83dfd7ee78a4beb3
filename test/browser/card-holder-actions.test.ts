/**
 * The holder's actions on the card page in a real browser (Debian's chromium driven by
 * playwright-core), over the embedded demo system with the JD Finance simulator: a demo
 * applicant applies for the credit line, has the card issued, sees its details (hidden again
 * after 30 s), sets a spending control, locks and unlocks the card, pushes it into a wallet and
 * takes it out again; after each step the page shows what the GraphQL API then holds.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fetchHttpClient } from '@cardweave/adapter-sdk';
import { JdFinanceSimulator } from '@cardweave/adapter-jd-finance/simulator';
import { fixedClock } from '@cardweave/service-kit';
import { chromium, type Browser, type Page } from 'playwright-core';
import { demoApplicantId } from '../../scripts/demo-data/generate-demo-data';
import { formatFen } from '../../web/src/money';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';

jest.setTimeout(180_000);

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const RESULTS = path.resolve(__dirname, '../../test-results');
const WEB_BUILD = path.resolve(__dirname, '../../web/dist/index.html');
const describeInBrowser = fs.existsSync(CHROMIUM) ? describe : describe.skip;

const CARD = `query($id: ID!) { customer(id: $id) {
  creditLine { limitFen }
  cards { id maskedNumber status spendingControls { perPaymentFen dailyFen monthlyFen blockedMerchantCategories }
    walletBindings { id status verificationMethod walletPlatform { id } } }
} }`;
interface ApiCustomer {
  creditLine: { limitFen: number } | null;
  cards: Array<{
    id: string;
    maskedNumber: string;
    status: string;
    spendingControls: {
      perPaymentFen: number | null;
      dailyFen: number | null;
      monthlyFen: number | null;
      blockedMerchantCategories: string[];
    };
    walletBindings: Array<{ id: string; status: string; verificationMethod: string; walletPlatform: { id: string } }>;
  }>;
}

const jd = new JdFinanceSimulator(fixedClock(TEST_NOW));
let system: TestSystem;
let browser: Browser;

async function api(customerId: string): Promise<ApiCustomer> {
  const { data, errors } = await system.query<{ customer: ApiCustomer }>(CARD, { id: customerId });
  expect(errors).toBeUndefined();
  return data!.customer;
}

const testId = (page: Page, id: string) => page.locator(`[data-testid=${id}]`);

describeInBrowser('the holder’s actions on the card page', () => {
  beforeAll(async () => {
    expect(fs.existsSync(WEB_BUILD)).toBe(true);
    fs.mkdirSync(RESULTS, { recursive: true });
    const real = fetchHttpClient();
    system = await startTestSystem({ demoData: true, now: TEST_NOW, platformHttp: (id) => (id === 'jd-finance' ? jd : real) });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('takes an applicant from applying to an issued card they reveal, control, lock, provision and unbind', async () => {
    const customerId = demoApplicantId(1);
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const logged: string[] = [];
    page.on('console', (message) => logged.push(message.text()));
    // The page's timers run on a clock the test can move (the 30 s the details stay shown).
    await page.clock.install();
    try {
      await page.goto(system.gateway.url.replace(/\/graphql$/, '/'));
      // Applicants are beyond the first page of demo customers: signed in by id.
      await testId(page, 'sign-in-id').fill(customerId);
      await testId(page, 'sign-in-by-id').click();
      await testId(page, 'get-card').waitFor();
      expect(await api(customerId)).toEqual({ creditLine: null, cards: [] });

      // Apply: approved with the line and the reasons that sized it.
      await testId(page, 'apply-for-credit-line').click();
      const decision = testId(page, 'credit-decision');
      await decision.waitFor();
      expect(await decision.getAttribute('data-approved')).toBe('true');
      expect(await testId(page, 'decision-outcome').textContent()).toBe('Approved');
      const line = (await api(customerId)).creditLine!;
      expect(line.limitFen).toBe(3_000_000);
      expect(await testId(page, 'decision-limit').getAttribute('data-fen')).toBe(String(line.limitFen));
      expect(await testId(page, 'decision-limit').textContent()).toBe(formatFen(line.limitFen, 'en'));
      expect(await testId(page, 'decision-reason').count()).toBeGreaterThan(0);
      await testId(page, 'credit-limit').waitFor();
      expect(await testId(page, 'credit-limit').getAttribute('data-fen')).toBe(String(line.limitFen));

      // Issue: the issuer's steps in order, the SMS code as the phone would show it.
      await testId(page, 'start-issuance').click();
      const form = testId(page, 'issuance-step-form');
      await page.locator('[data-testid=issuance-step-form][data-step-id=face]').waitFor();
      expect(await testId(page, 'issuance-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id')))).toEqual([
        'face',
        'sms',
        'payment-password',
      ]);
      await form.locator('[data-field=faceToken]').fill('face-token-0001');
      await testId(page, 'verify-step').click();
      await page.locator('[data-testid=issuance-step-form][data-step-id=sms]').waitFor();
      expect(await page.locator('[data-testid=issuance-step][data-step-id=face]').getAttribute('data-passed')).toBe('true');
      await testId(page, 'send-sms-code').click();
      await testId(page, 'notice').waitFor();
      expect(await testId(page, 'notice').textContent()).toContain('A code was sent');
      const code = jd.sentSmsCode(customerId)!;
      expect(code).toMatch(/^\d{6}$/);
      expect(await page.content()).not.toContain(code);
      await form.locator('[data-field=smsCode]').fill(code);
      await testId(page, 'verify-step').click();
      await page.locator('[data-testid=issuance-step-form][data-step-id=payment-password]').waitFor();
      await form.locator('[data-field=paymentPassword]').fill('135790');
      await testId(page, 'verify-step').click();
      await testId(page, 'issue-card').click();
      await testId(page, 'card').waitFor();
      const [issued] = (await api(customerId)).cards;
      expect(issued.status).toBe('ACTIVE');
      const card = page.locator(`[data-testid=card][data-card-id="${issued.id}"]`);
      expect(await card.locator('[data-testid=masked-number]').textContent()).toBe(issued.maskedNumber);
      expect(await card.locator('[data-testid=card-status]').textContent()).toBe('active');
      expect(await testId(page, 'get-card').count()).toBe(0);

      // Reveal: the full number matching the masked one, expiry and CVV2; gone again after 30 s.
      await card.locator('[data-testid=reveal-password]').fill('135790');
      await card.locator('[data-testid=reveal-details]').click();
      const details = card.locator('[data-testid=card-details]');
      await details.waitFor();
      const number = ((await card.locator('[data-testid=detail-number]').textContent()) ?? '').replace(/\s/g, '');
      expect(number).toMatch(/^\d{16}$/);
      expect(number.slice(0, 4)).toBe(issued.maskedNumber.slice(0, 4));
      expect(number.slice(-4)).toBe(issued.maskedNumber.slice(-4));
      expect(await card.locator('[data-testid=detail-expiry]').textContent()).toMatch(/^\d{2}\/\d{2}$/);
      const cvv2 = (await card.locator('[data-testid=detail-cvv2]').textContent()) ?? '';
      expect(cvv2).toMatch(/^\d{3}$/);
      expect(await card.locator('[data-testid=reveal-password]').count()).toBe(0);
      await page.screenshot({ path: path.join(RESULTS, 'card-page.details-shown.en.png'), fullPage: true });
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
      expect(stored).not.toContain(number);
      await page.clock.fastForward(29_000);
      expect(await details.count()).toBe(1);
      await page.clock.fastForward(2_000);
      await details.waitFor({ state: 'detached' });
      expect(await page.content()).not.toContain(number);
      await card.locator('[data-testid=reveal-password]').waitFor();
      // A wrong-format password is refused in the canonical form, with its remedy.
      await card.locator('[data-testid=reveal-password]').fill('12');
      await card.locator('[data-testid=reveal-details]').click();
      const revealError = card.locator('[data-testid=reveal] [data-testid=error][data-field=paymentPassword]');
      await revealError.waitFor();
      expect(await revealError.getAttribute('data-code')).toBe('INVALID_FORMAT');
      expect(await revealError.getAttribute('data-remedy')).toBe('CORRECT_INPUT');
      expect(await revealError.locator('[data-testid=remedy]').textContent()).toBe('Check and correct the input');
      expect(await card.locator('[data-testid=card-details]').count()).toBe(0);

      // Spending controls: a bad amount is a field-level error and changes nothing; then set in CNY, saved in fen.
      const controls = card.locator('[data-testid=spending-controls]');
      await controls.locator('[data-testid=control-daily]').fill('12.345');
      await controls.locator('[data-testid=save-controls]').click();
      const fieldError = controls.locator('[data-testid=field-error][data-field=dailyFen]');
      await fieldError.waitFor();
      expect(await fieldError.locator('[data-testid=error]').getAttribute('data-code')).toBe('INVALID_FORMAT');
      expect(await fieldError.locator('[data-testid=remedy]').textContent()).toBe('Check and correct the input');
      expect((await api(customerId)).cards[0].spendingControls.dailyFen).toBeNull();
      await controls.locator('[data-testid=control-per-payment]').fill('500.05');
      await controls.locator('[data-testid=control-daily]').fill('1,000');
      await controls.locator('[data-testid=control-monthly]').fill('');
      await controls.locator('[data-testid=control-category][value=GAMBLING]').check();
      await controls.locator('[data-testid=save-controls]').click();
      await controls.locator('[data-testid=control-current-per-payment]').waitFor();
      expect((await api(customerId)).cards[0].spendingControls).toEqual({
        perPaymentFen: 50_005,
        dailyFen: 100_000,
        monthlyFen: null,
        blockedMerchantCategories: ['GAMBLING'],
      });
      expect(await controls.locator('[data-testid=control-current-per-payment]').textContent()).toBe(formatFen(50_005, 'en'));
      expect(await controls.locator('[data-testid=control-current-daily]').getAttribute('data-fen')).toBe('100000');
      expect(await controls.locator('[data-testid=control-current-blocked]').getAttribute('data-groups')).toBe('GAMBLING');
      expect(await controls.locator('[data-testid=notice]').textContent()).toBe('Your controls are set.');

      // Lock, then unlock.
      await card.locator('[data-testid=lock-toggle][data-action=lock]').click();
      await card.locator('[data-testid=lock-toggle][data-action=unlock]').waitFor();
      expect(await card.locator('[data-testid=card-status]').textContent()).toBe('locked');
      expect((await api(customerId)).cards[0].status).toBe('LOCKED');
      expect(await card.locator('[data-testid=lock] [data-testid=notice]').textContent()).toContain('The card is locked');
      await card.locator('[data-testid=lock-toggle][data-action=unlock]').click();
      await card.locator('[data-testid=lock-toggle][data-action=lock]').waitFor();
      expect(await card.locator('[data-testid=card-status]').textContent()).toBe('active');
      expect((await api(customerId)).cards[0].status).toBe('ACTIVE');

      // Provision into the applicant's wallet, then take the card out again.
      const wallets = card.locator('[data-testid=wallets]');
      const wallet = (await wallets.locator('[data-testid=provision-wallet]').inputValue()) || '';
      expect(wallet).not.toBe('');
      await wallets.locator('[data-testid=provision]').click();
      await card.locator(`[data-testid=binding][data-wallet="${wallet}"]`).waitFor();
      const bound = (await api(customerId)).cards[0].walletBindings;
      expect(bound).toEqual([
        expect.objectContaining({ status: 'ACTIVE', verificationMethod: 'PUSH_PROVISIONING', walletPlatform: { id: wallet } }),
      ]);
      expect(await card.locator(`[data-testid=binding][data-wallet="${wallet}"] [data-testid=verification]`).textContent()).toBe(
        'PUSH_PROVISIONING',
      );
      expect(await card.locator(`[data-testid=payable][data-wallet="${wallet}"]`).count()).toBe(1);
      // The holder's controls bind what the wallet can pay now: at most the per-payment limit.
      const payable = Number(
        await card.locator(`[data-testid=payable][data-wallet="${wallet}"] [data-testid=payable-amount]`).getAttribute('data-fen'),
      );
      expect(payable).toBeLessThanOrEqual(50_005);
      await page.screenshot({ path: path.join(RESULTS, 'card-page.holder-actions.en.png'), fullPage: true });

      await wallets.locator(`[data-testid=unbind][data-wallet="${wallet}"]`).click();
      await card.locator(`[data-testid=binding][data-wallet="${wallet}"]`).waitFor({ state: 'detached' });
      expect(await wallets.locator('[data-testid=notice]').textContent()).toContain('The card is out of');
      expect((await api(customerId)).cards[0].walletBindings.filter((b) => b.status === 'ACTIVE')).toEqual([]);
      expect(await card.locator('[data-testid=payable]').count()).toBe(0);

      // Nothing the page logged holds the number, the CVV2 or the code.
      for (const line of logged) {
        expect(line).not.toContain(number);
        expect(line).not.toContain(code);
      }
    } finally {
      await context.close();
    }
  });

  it('shows a declined application with every reason, each in the canonical form, in zh-CN', async () => {
    const customerId = demoApplicantId(4);
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(system.gateway.url.replace(/\/graphql$/, '/'));
      await testId(page, 'sign-in-id').fill(customerId);
      await testId(page, 'sign-in-by-id').click();
      await testId(page, 'apply-for-credit-line').click();
      const decision = testId(page, 'credit-decision');
      await decision.waitFor();
      expect(await decision.getAttribute('data-approved')).toBe('false');
      expect(await testId(page, 'decision-outcome').textContent()).toBe('未通过');
      const reasons = await testId(page, 'decision-reason').evaluateAll((els) =>
        els.map((e) => ({ rule: e.getAttribute('data-rule'), code: e.querySelector('[data-testid=error]')?.getAttribute('data-code') })),
      );
      expect(reasons).toEqual([
        { rule: 'REAL_NAME_LEVEL', code: expect.any(String) },
        { rule: 'MAX_AGE', code: expect.any(String) },
      ]);
      const remedies = await decision.locator('[data-testid=remedy]').allTextContents();
      expect(remedies).toHaveLength(2);
      expect(remedies).toContain('请提升实名认证等级');
      expect((await api(customerId)).creditLine).toBeNull();
      expect(await testId(page, 'start-issuance').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
