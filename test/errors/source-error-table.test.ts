/**
 * Every message of the source document's error table reaches a client through the gateway.
 *
 * The source (seed-baitiao-shanfu-wechat.zh.txt, the table of section 二, row 异常提示类型;
 * PLATFORMS.md §3 "error messages users see", ERRORS-AND-RULES.md §1) names six messages, two
 * per platform. For each, the test finds the documented test trigger that makes its platform's
 * simulator answer it (the list each simulator exports, also in adapters/README.md), runs the
 * operation that reaches that simulator through the gateway, with the simulators `npm start`
 * runs, and checks the canonical code, the platform's own words, the zh-CN message and the
 * remedy. A message listed here with no trigger, or a trigger no gateway operation reaches,
 * fails. Every other documented trigger is run the same way, checked against its table row.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadAdapterRegistry, type ErrorTableRow, type PlatformAdapter } from '@cardweave/adapter-sdk';
import jdFinance from '@cardweave/adapter-jd-finance';
import { JD_FINANCE_TEST_TRIGGERS, type JdFinanceSimulator } from '@cardweave/adapter-jd-finance/simulator';
import type { PlatformSimulatorBase, TestTrigger } from '@cardweave/adapter-testkit';
import unionPayQuickPass from '@cardweave/adapter-unionpay-quickpass';
import { QUICKPASS_TEST_TRIGGERS } from '@cardweave/adapter-unionpay-quickpass/simulator';
import wechatPay from '@cardweave/adapter-wechat-pay';
import { WECHAT_PAY_TEST_TRIGGERS } from '@cardweave/adapter-wechat-pay/simulator';
import { fixedClock } from '@cardweave/service-kit';
import { generateDemoData } from '../../scripts/demo-data/generate-demo-data';
import { simulatedPlatforms } from '../../scripts/system/simulated-platforms';
import { insertLifecycleCustomer } from '../lifecycle/lifecycle-fixtures';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';

type PlatformId = 'jd-finance' | 'wechat-pay' | 'unionpay-quickpass';

interface SourceMessage {
  /** The text as the source prints it, which the platform answers as its message. */
  text: string;
  platform: PlatformId;
  code: string;
  decision: string;
  remedy: string;
}

/**
 * The source's error table (异常提示类型 | 京东金融APP | 微信支付 | 银联云闪付), with the canonical
 * form each message takes. The remedies of 商户限制 (change the payment scene, or contact support)
 * and 系统繁忙 (retry later) are the source's own advice (PLATFORMS.md §3).
 */
const SOURCE_ERROR_TABLE: readonly SourceMessage[] = [
  { text: '银行验证失败', platform: 'jd-finance', code: 'VERIFICATION_FAILED', decision: 'USER_ACTION', remedy: 'REVERIFY_IDENTITY' },
  { text: '系统繁忙', platform: 'jd-finance', code: 'SYSTEM_BUSY', decision: 'RETRY', remedy: 'RETRY_LATER' },
  { text: '商户限制', platform: 'wechat-pay', code: 'MERCHANT_RESTRICTED', decision: 'USER_ACTION', remedy: 'CHANGE_PAYMENT_SCENE' },
  { text: '格式错误', platform: 'wechat-pay', code: 'INVALID_FORMAT', decision: 'USER_ACTION', remedy: 'CORRECT_INPUT' },
  { text: '卡片锁定', platform: 'unionpay-quickpass', code: 'CARD_LOCKED', decision: 'USER_ACTION', remedy: 'UNLOCK_CARD' },
  { text: '无效卡号', platform: 'unionpay-quickpass', code: 'INVALID_CARD_NUMBER', decision: 'USER_ACTION', remedy: 'CORRECT_INPUT' },
];

/**
 * Source messages no operation of the API can produce yet, each with the reason. Empty: all six
 * are answered by a flow the graph has (card issuance at JD Finance, binding into a wallet).
 */
const UNREACHABLE_SOURCE_MESSAGES: ReadonlyArray<{ text: string; why: string }> = [];

const PLATFORMS: Record<PlatformId, { adapter: PlatformAdapter; triggers: readonly TestTrigger[] }> = {
  'jd-finance': { adapter: jdFinance, triggers: JD_FINANCE_TEST_TRIGGERS },
  'wechat-pay': { adapter: wechatPay, triggers: WECHAT_PAY_TEST_TRIGGERS },
  'unionpay-quickpass': { adapter: unionPayQuickPass, triggers: QUICKPASS_TEST_TRIGGERS },
};

/**
 * The source's column headings, by the adapter that speaks for that platform. 银联云闪付 is the
 * Cloud QuickPass app, where the card is added (卡管理→添加银行卡, CVV2 + SMS code): the
 * unionpay-quickpass wallet adapter. The network's adapter (unionpay) maps 卡片锁定 and 无效卡号
 * too, but no operation of the graph calls the network (a payment is routed under its declared
 * limits in the clearing database), so its rows are reached by its conformance suite only.
 */
const SOURCE_COLUMNS: Record<string, PlatformId> = { 京东金融APP: 'jd-finance', 微信支付: 'wechat-pay', 银联云闪付: 'unionpay-quickpass' };

const SOURCE_DOCUMENT = path.resolve(__dirname, '../../../shared/domain/seed-baitiao-shanfu-wechat.zh.txt');
const GUIDE = fs.readFileSync(path.resolve(__dirname, '../../adapters/README.md'), 'utf8');

const ERROR = 'error { code platform platformCode platformMessage decision remedy message { zhCN en } }';
const RESIDENT_ID = '11010519491231002X';
const CARD_EXPIRY = '2031-11-30';

interface Decline {
  code: string;
  platform: string;
  platformCode: string;
  platformMessage: string;
  decision: string;
  remedy: string;
  message: { zhCN: string; en: string };
}

let system: TestSystem;
let keys = 0;
const key = (what: string) => `source-errors-${what}-${++keys}`;

// The platforms wired as `npm start` wires them (each adapter's own simulator, one per run), kept
// at hand so a test can see that the simulator itself was asked and read the SMS code it texted.
const clock = fixedClock(TEST_NOW);
const platforms = simulatedPlatforms(loadAdapterRegistry(), clock);
const simulator = (id: PlatformId) => platforms.http(id) as unknown as PlatformSimulatorBase;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, clock, platformHttp: platforms.http });
});

afterAll(async () => {
  await system?.stop();
});

/** A customer whose one unbound card carries `cardNumber` (the issuer's own checks then pass for it). */
async function customerWithCard(cardNumber?: string) {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1, residentId: RESIDENT_ID, bound: false });
  const pan = cardNumber ?? customer.pans[0];
  await system.issuer.database.dataSource.query(`UPDATE issuer.cards SET pan_encrypted = $2, bin = $3, last4 = $4 WHERE id = $1`, [
    customer.cardIds[0],
    system.vault.encrypt(pan),
    pan.slice(0, 6),
    pan.slice(-4),
  ]);
  return { customerId: customer.customerId, cardId: customer.cardIds[0], pan };
}

interface Outcome {
  ok: boolean;
  error: Decline | null;
}

async function bindCard(walletPlatform: PlatformId, cardId: string, customerId: string, fields: Record<string, string>): Promise<Outcome> {
  const { data, errors } = await system.queryAs<{ bindCard: Outcome }>(
    system.token(customerId),
    `mutation($input: BindCardInput!) { bindCard(input: $input) { ok ${ERROR} } }`,
    {
      input: {
        idempotencyKey: key(`bind-${walletPlatform}`),
        cardId,
        walletPlatform,
        fields: Object.entries(fields).map(([name, value]) => ({ name, value })),
      },
    },
  );
  expect(errors).toBeUndefined();
  return data!.bindCard;
}

/** Binds a card into WeChat Pay with the four elements the issuer holds for it. */
async function bindIntoWechatPay(cardNumber?: string): Promise<Outcome> {
  const { customerId, cardId, pan } = await customerWithCard(cardNumber);
  return bindCard('wechat-pay', cardId, customerId, { name: '测试用户', residentId: RESIDENT_ID, mobile: '13800138000', cardNumber: pan });
}

/** Adds a card in Cloud QuickPass with the CVV2 printed on it and an SMS code. */
async function addToQuickPass(values: { cardNumber?: string; smsCode?: string }): Promise<Outcome> {
  const { customerId, cardId, pan } = await customerWithCard(values.cardNumber);
  const cvv2 = system.vault.cardVerificationValue(pan, CARD_EXPIRY);
  return bindCard('unionpay-quickpass', cardId, customerId, { cardNumber: pan, cvv2, smsCode: values.smsCode ?? '246810' });
}

/**
 * Card issuance at JD Finance up to the step the value is entered in: the face step with a face
 * token, else the SMS step after a code was sent, with the SMS code given or the one texted.
 */
async function verifyIssuanceStep(values: { faceToken?: string; smsCode?: string }): Promise<Outcome> {
  const person = await insertLifecycleCustomer(system, { createdAt: '2025-01-05T00:00:00+08:00', card: false });
  const token = system.token(person.customerId);
  const RESULT = `ok ${ERROR} issuance { id }`;
  const started = await system.queryAs<{ startCardIssuance: Outcome & { issuance: { id: string } } }>(
    token,
    `mutation($i: StartCardIssuanceInput!) { startCardIssuance(input: $i) { ${RESULT} } }`,
    { i: { customerId: person.customerId, idempotencyKey: key('start') } },
  );
  expect(started.errors).toBeUndefined();
  const issuanceId = started.data!.startCardIssuance.issuance.id;
  const verify = async (stepId: string, fields: Record<string, string>) => {
    const { data, errors } = await system.queryAs<{ verifyCardIssuanceStep: Outcome }>(
      token,
      `mutation($i: VerifyCardIssuanceStepInput!) { verifyCardIssuanceStep(input: $i) { ${RESULT} } }`,
      { i: { issuanceId, stepId, fields: Object.entries(fields).map(([name, value]) => ({ name, value })), idempotencyKey: key(stepId) } },
    );
    expect(errors).toBeUndefined();
    return { ok: data!.verifyCardIssuanceStep.ok, error: data!.verifyCardIssuanceStep.error };
  };
  if (values.faceToken !== undefined) return verify('face', { faceToken: values.faceToken });
  expect(await verify('face', { faceToken: 'face-token-0001' })).toEqual({ ok: true, error: null });
  const sent = await system.queryAs<{ sendIssuanceSmsCode: { ok: boolean } }>(
    token,
    `mutation($i: SendIssuanceSmsCodeInput!) { sendIssuanceSmsCode(input: $i) { ok } }`,
    { i: { issuanceId, idempotencyKey: key('send') } },
  );
  expect(sent.data!.sendIssuanceSmsCode.ok).toBe(true);
  const texted = (simulator('jd-finance') as unknown as JdFinanceSimulator).sentSmsCode(person.customerId);
  return verify('sms', { smsCode: values.smsCode ?? texted! });
}

/** The gateway operation that reaches each kind of trigger: the platform, what the simulator calls the request, and the field. */
const OPERATIONS: Record<string, (value: string) => Promise<Outcome>> = {
  'wechat-pay bind card_number': (value) => bindIntoWechatPay(value),
  'unionpay-quickpass cards cardNo': (value) => addToQuickPass({ cardNumber: value }),
  'unionpay-quickpass cards smsCode': (value) => addToQuickPass({ smsCode: value }),
  'jd-finance verify smsCode': (value) => verifyIssuanceStep({ smsCode: value }),
  'jd-finance verify faceToken': (value) => verifyIssuanceStep({ faceToken: value }),
};

/**
 * Runs the trigger's operation through the gateway and returns the decline, checking that the
 * platform's simulator was asked (the answer is the platform's, not a subgraph's own check).
 */
async function declineFor(platform: PlatformId, trigger: TestTrigger): Promise<Decline> {
  const operation = OPERATIONS[`${platform} ${trigger.on} ${trigger.field}`];
  if (!operation) throw new Error(`no gateway operation reaches ${platform}'s trigger on ${trigger.on}.${trigger.field}`);
  const calls = simulator(platform).calls.length;
  const outcome = await operation(trigger.value);
  expect(simulator(platform).calls.length).toBeGreaterThan(calls);
  expect(outcome.ok).toBe(false);
  return outcome.error!;
}

function rowOf(platform: PlatformId, trigger: TestTrigger): ErrorTableRow {
  const rows = PLATFORMS[platform].adapter.errors;
  const row =
    rows.find((r) => r.platformCode === trigger.platformCode && r.platformMessage === trigger.platformMessage) ??
    rows.find((r) => r.platformCode === trigger.platformCode);
  if (!row) throw new Error(`${platform} has no error row for ${trigger.platformCode} ${trigger.platformMessage}`);
  return row;
}

/** The guide's test-trigger table has a row for this trigger, naming its platform, value and answer. */
function documented(platform: PlatformId, trigger: TestTrigger): boolean {
  return GUIDE.split('\n').some(
    (line) =>
      line.startsWith(`| ${platform} `) &&
      line.includes(trigger.value) &&
      line.includes(`\`${trigger.platformCode}\` ${trigger.platformMessage}`),
  );
}

const sourceTriggers = SOURCE_ERROR_TABLE.filter((m) => !UNREACHABLE_SOURCE_MESSAGES.some((u) => u.text === m.text)).map((message) => ({
  message,
  trigger: PLATFORMS[message.platform].triggers.find((t) => t.platformMessage === message.text),
}));

describe("the source document's error table", () => {
  (fs.existsSync(SOURCE_DOCUMENT) ? it : it.skip)('lists the messages the source prints, by platform', () => {
    const lines = fs.readFileSync(SOURCE_DOCUMENT, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.startsWith('异常提示类型'));
    expect(at).toBeGreaterThan(1);
    const cells = (line: string) =>
      line
        .split('|')
        .map((c) => c.trim())
        .slice(1, -1);
    const heading = lines
      .slice(0, at)
      .reverse()
      .find((line) => line.startsWith('流程阶段'))!;
    const printed = cells(lines[at]).flatMap((cell, i) =>
      [...cell.matchAll(/"([^"]+)"/g)].map((m) => ({ text: m[1], platform: SOURCE_COLUMNS[cells(heading)[i]] })),
    );
    expect(printed).toHaveLength(6);
    expect(SOURCE_ERROR_TABLE.map(({ text, platform }) => ({ text, platform }))).toEqual(printed);
  });

  it('has a documented test trigger for every message it does not list as unreachable', () => {
    const missing = sourceTriggers.filter((s) => !s.trigger).map((s) => `${s.message.platform} ${s.message.text}`);
    expect(missing).toEqual([]);
    const undocumented = sourceTriggers.filter((s) => !documented(s.message.platform, s.trigger!)).map((s) => s.message.text);
    expect(undocumented).toEqual([]);
  });

  it.each(sourceTriggers.map((s) => [s.message.text, s.message.platform, s] as const))(
    '%s (%s) through the gateway',
    async (_text, platform, { message, trigger }) => {
      expect(trigger).toBeDefined();
      const error = await declineFor(platform, trigger!);
      const row = rowOf(platform, trigger!);
      expect(error).toEqual({
        code: message.code,
        platform,
        platformCode: trigger!.platformCode,
        platformMessage: message.text,
        decision: message.decision,
        remedy: message.remedy,
        message: { zhCN: row.message['zh-CN'], en: row.message.en },
      });
    },
  );
});

describe('every other documented test trigger, through the gateway', () => {
  const others = (Object.keys(PLATFORMS) as PlatformId[]).flatMap((platform) =>
    PLATFORMS[platform].triggers
      .filter((t) => !SOURCE_ERROR_TABLE.some((m) => m.platform === platform && m.text === t.platformMessage))
      .map((trigger) => [platform, trigger.platformCode, trigger.platformMessage, trigger] as const),
  );

  it('is documented in the guide', () => {
    expect(others.filter(([platform, , , trigger]) => !documented(platform, trigger)).map(([p, c]) => `${p} ${c}`)).toEqual([]);
  });

  it.each(others)('%s %s %s', async (platform, _code, _message, trigger) => {
    const row = rowOf(platform, trigger);
    const error = await declineFor(platform, trigger);
    expect(error).toEqual({
      code: row.code,
      platform,
      platformCode: trigger.platformCode,
      platformMessage: trigger.platformMessage,
      decision: row.decision,
      remedy: row.remedy,
      message: { zhCN: row.message['zh-CN'], en: row.message.en },
    });
  });
});

describe('the triggers leave ordinary requests alone', () => {
  it('runs on the simulators the adapters bring, as npm start does', () => {
    expect([...platforms.simulated].sort()).toEqual(expect.arrayContaining(['jd-finance', 'unionpay-quickpass', 'wechat-pay']));
  });

  it("gives no demo card a test card number (the demo data's numbers are seeded, the same every run)", () => {
    const demo = generateDemoData({ registry: loadAdapterRegistry(), now: clock.now(), encrypt: (plain) => plain });
    const testNumbers = new Set(
      Object.values(PLATFORMS).flatMap((p) => p.triggers.filter((t) => /^\d{16,19}$/.test(t.value)).map((t) => t.value)),
    );
    expect(testNumbers.size).toBeGreaterThan(0);
    expect(demo.issuer.cards.length).toBeGreaterThan(0);
    expect(demo.issuer.cards.filter((c) => testNumbers.has(c.panEncrypted))).toEqual([]);
  });

  it.each([
    ['binding an ordinary card into WeChat Pay', () => bindIntoWechatPay()],
    ['adding an ordinary card in Cloud QuickPass', () => addToQuickPass({})],
    ['the SMS step of card issuance with the code texted', () => verifyIssuanceStep({})],
    ['the face step of card issuance with an ordinary face token', () => verifyIssuanceStep({ faceToken: 'face-token-0002' })],
  ])('%s succeeds', async (_what, run) => {
    expect(await run()).toEqual({ ok: true, error: null });
  });
});
