/**
 * The card page follows the signed-in customer's activity live (customerActivity over SSE at
 * the gateway, in a real browser): a payment made through the API with the customer's token
 * shows as a notification within 2 s, in the page's language, with its amount and masked
 * number; a decline with its canonical message and remedy; a wallet binding taken out; a card
 * network's limit nearly used, naming the network; and the card view is read again after each.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { canonicalError, REMEDY_TEXT } from '../../web/src/errors';
import { formatFen, type Language } from '../../web/src/money';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf } from '../payments/payment-support';
import { holderClient } from '../holder-controls/holder-controls-support';

jest.setTimeout(120_000);

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const WEB_BUILD = path.resolve(__dirname, '../../web/dist/index.html');
const describeInBrowser = fs.existsSync(CHROMIUM) ? describe : describe.skip;
/** The bound within which a notification must show (not a timing benchmark). */
const NOTIFIED_WITHIN_MS = 2_000;

let system: TestSystem;
let browser: Browser;

const testId = (page: Page, id: string) => page.locator(`[data-testid=${id}]`);

async function holderWithCard() {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const cardId = customer.cardIds[0];
  const wechat = (await bindingsOf(system, cardId)).find((b) => b.platform === 'wechat-pay')!.id;
  return { customerId: customer.customerId, cardId, wechat, client: holderClient(system, customer.customerId) };
}

/** A page signed in as the customer, in `locale`, once its activity stream is open. */
async function signedInPage(customerId: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.goto(system.gateway.url.replace(/\/graphql$/, '/'));
  await testId(page, 'sign-in-id').fill(customerId);
  await testId(page, 'sign-in-by-id').click();
  await testId(page, 'card').waitFor();
  await page.locator('[data-testid=activity][data-live=true]').waitFor();
  return page;
}

async function usedFen(customerId: string): Promise<number> {
  const { data, errors } = await system.query<{ customer: { creditLine: { usedFen: number } } }>(
    'query($id: ID!) { customer(id: $id) { creditLine { usedFen } } }',
    { id: customerId },
  );
  expect(errors).toBeUndefined();
  return data!.customer.creditLine.usedFen;
}

describeInBrowser('live card activity on the card page', () => {
  beforeAll(async () => {
    expect(fs.existsSync(WEB_BUILD)).toBe(true);
    // The relays and the wallet's inbox run as in `npm start`: the page's subscription reads the inbox.
    system = await startTestSystem({ demoData: false, eventRelays: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('notifies an approved payment within 2 s with its amount and masked number, refreshes the view, then a binding taken out (en)', async () => {
    const holder = await holderWithCard();
    const page = await signedInPage(holder.customerId, 'en-US');
    const masked = (await testId(page, 'masked-number').textContent())!;
    expect(masked).toMatch(/^\d{4} \d{2}•• •••• \d{4}$/);
    const usedBefore = await usedFen(holder.customerId);
    expect(await testId(page, 'credit-used').getAttribute('data-fen')).toBe(String(usedBefore));

    expect((await holder.client.pay(holder.wechat, 123_45)).ok).toBe(true);
    const approved = page.locator('[data-testid=activity-notification][data-type=PAYMENT_APPROVED]');
    await approved.waitFor({ timeout: NOTIFIED_WITHIN_MS });
    expect(await approved.getAttribute('data-card-id')).toBe(holder.cardId);
    expect(await approved.getAttribute('data-fen')).toBe('12345');
    expect(await approved.locator('[data-testid=activity-text]').textContent()).toBe(
      `Payment of ${formatFen(123_45, 'en' satisfies Language)} approved on card ${masked} at 永辉超市.`,
    );
    // The view is read again: the line's use now includes the payment.
    expect(await usedFen(holder.customerId)).toBe(usedBefore + 123_45);
    await page.locator(`[data-testid=credit-used][data-fen="${usedBefore + 123_45}"]`).waitFor({ timeout: NOTIFIED_WITHIN_MS });

    const { data, errors } = await system.queryAs<{ removeWalletBinding: { ok: boolean } }>(
      system.token(holder.customerId),
      'mutation($bindingId: ID!) { removeWalletBinding(bindingId: $bindingId) { ok } }',
      { bindingId: holder.wechat },
    );
    expect(errors).toBeUndefined();
    expect(data!.removeWalletBinding.ok).toBe(true);
    const removed = page.locator('[data-testid=activity-notification][data-type=BINDING_REMOVED]');
    await removed.waitFor({ timeout: NOTIFIED_WITHIN_MS });
    expect(await removed.locator('[data-testid=activity-text]').textContent()).toBe(`Card ${masked} was removed from WeChat Pay.`);
    await page.locator('[data-testid=binding][data-wallet=wechat-pay]').waitFor({ state: 'detached', timeout: NOTIFIED_WITHIN_MS });
    // Newest first: the removal above the payment.
    expect(await testId(page, 'activity-notification').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))).toEqual([
      'BINDING_REMOVED',
      'PAYMENT_APPROVED',
    ]);
    expect(await page.content()).not.toMatch(/\d{13,19}/);
    await page.context().close();
  });

  it('notifies a declined payment in zh-CN with its canonical message and remedy', async () => {
    const holder = await holderWithCard();
    const page = await signedInPage(holder.customerId, 'zh-CN');
    const masked = (await testId(page, 'masked-number').textContent())!;

    // Over UnionPay's 1,000 CNY a payment: declined.
    const declined = await holder.client.pay(holder.wechat, 2_000_00);
    expect(declined.ok).toBe(false);
    const code = declined.error!.code;
    const notification = page.locator('[data-testid=activity-notification][data-type=PAYMENT_DECLINED]');
    await notification.waitFor({ timeout: NOTIFIED_WITHIN_MS });
    expect(await notification.locator('[data-testid=activity-text]').textContent()).toBe(
      `卡片 ${masked}在永辉超市支付 ${formatFen(2_000_00, 'zh-CN')} 被拒绝。`,
    );
    const error = notification.locator('[data-testid=error]');
    expect(await error.getAttribute('data-code')).toBe(code);
    const canonical = canonicalError(code);
    expect(await error.getAttribute('data-remedy')).toBe(canonical.remedy);
    expect(await error.locator('[data-testid=error-message]').textContent()).toBe(canonical.message.zhCN);
    expect(await error.locator('[data-testid=remedy]').textContent()).toBe(REMEDY_TEXT[canonical.remedy].zhCN);
    await page.context().close();
  });
  it("notifies the issuer's events too: the card locked and unlocked through the API (zh-CN)", async () => {
    const holder = await holderWithCard();
    const page = await signedInPage(holder.customerId, 'zh-CN');
    const masked = (await testId(page, 'masked-number').textContent())!;

    expect((await holder.client.lockCard(holder.cardId)).data!.lockCard.ok).toBe(true);
    const locked = page.locator('[data-testid=activity-notification][data-type=CARD_LOCKED]');
    await locked.waitFor({ timeout: NOTIFIED_WITHIN_MS });
    expect(await locked.getAttribute('data-card-id')).toBe(holder.cardId);
    expect(await locked.locator('[data-testid=activity-text]').textContent()).toBe(`卡片 ${masked} 已锁定。`);
    expect((await holder.client.unlockCard(holder.cardId)).data!.unlockCard.ok).toBe(true);
    const unlocked = page.locator('[data-testid=activity-notification][data-type=CARD_UNLOCKED]');
    await unlocked.waitFor({ timeout: NOTIFIED_WITHIN_MS });
    expect(await unlocked.locator('[data-testid=activity-text]').textContent()).toBe(`卡片 ${masked} 已解锁。`);
    await page.context().close();
  });

  it("notifies a card network's limit nearly used, naming the network: UnionPay's daily 5,000 CNY at 4,000 (en)", async () => {
    const holder = await holderWithCard();
    const page = await signedInPage(holder.customerId, 'en-US');
    // 1,000 CNY at a time (the most a UnionPay payment may be): the fourth takes the network's day to 80 %.
    for (let i = 0; i < 4; i++) expect((await holder.client.pay(holder.wechat, 1_000_00)).ok).toBe(true);
    const warning = page.locator('[data-testid=activity-notification][data-type=LIMIT_NEARLY_USED]');
    await warning.waitFor({ timeout: NOTIFIED_WITHIN_MS });
    expect(await warning.getAttribute('data-card-id')).toBe(holder.cardId);
    expect(await warning.locator('[data-testid=activity-text]').textContent()).toBe(
      `You have used 80% of the UnionPay daily limit (${formatFen(4_000_00, 'en')} of ${formatFen(5_000_00, 'en')}).`,
    );
    await page.context().close();
  });

  it('reconnects after a drop with the last event id: a payment made meanwhile is notified once', async () => {
    const holder = await holderWithCard();
    const page = await signedInPage(holder.customerId, 'en-US');
    const streams: Array<Record<string, unknown>> = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.headers().accept === 'text/event-stream')
        streams.push((JSON.parse(request.postData() ?? '{}') as { variables?: Record<string, unknown> }).variables ?? {});
    });
    expect((await holder.client.pay(holder.wechat, 1_00)).ok).toBe(true);
    const first = page.locator('[data-testid=activity-notification][data-fen="100"]');
    await first.waitFor({ timeout: NOTIFIED_WITHIN_MS });
    const firstId = await first.getAttribute('data-event-id');

    // The stream drops (the page's loads are stopped); a payment is made meanwhile.
    await page.evaluate(() => window.stop());
    expect((await holder.client.pay(holder.wechat, 2_00)).ok).toBe(true);
    // The page opens the stream again after the last event it showed, so the payment made meanwhile arrives, once.
    await page.locator('[data-testid=activity-notification][data-fen="200"]').waitFor({ timeout: 5_000 });
    expect(streams[0]).toEqual({ after: firstId });
    expect(await testId(page, 'activity-notification').evaluateAll((els) => els.map((e) => e.getAttribute('data-fen')))).toEqual([
      '200',
      '100',
    ]);
    await page.context().close();
  });
});
