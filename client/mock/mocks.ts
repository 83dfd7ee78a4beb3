/**
 * Realistic mock data for the public API schema, with no database: whole-fen amounts in
 * the ranges the card program uses, masked UnionPay numbers, and the platforms the adapters
 * configuration loads (jd-finance, wechat-pay, unionpay, …). Seeded, so every run is the same.
 */
import { loadAdapterRegistry, type AdapterManifest } from '@cardweave/adapter-sdk';

/** A small seeded generator (mulberry32): the same mock answers on every run. */
export function seededRandom(seed = 20261126): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['周欣怡', '李泽宇', '王雨桐', '陈思远', '张若曦', '刘浩然', '赵梓涵', '黄子轩'];
const MERCHANTS = [
  ['瑞幸咖啡', '5814'],
  ['永辉超市', '5411'],
  ['美团外卖', '5812'],
  ['滴滴出行', '4121'],
  ['京东便利店', '5499'],
  ['中国石化', '5541'],
] as const;

export function cardWeaveMocks(random: () => number = seededRandom()) {
  const platforms = loadAdapterRegistry()
    .all()
    .map((adapter) => adapter.manifest);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const ofRole = (role: AdapterManifest['role']) => platforms.filter((p) => p.role === role);
  const platform = (p: AdapterManifest) => ({
    id: p.id,
    role: p.role.toUpperCase(),
    displayName: { zhCN: p.displayName['zh-CN'], en: p.displayName.en },
  });
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
  /** An amount in whole fen, rounded to the fen: 12.34 CNY to 5,000.00 CNY by default. */
  const fen = (min = 1_234, max = 500_000) => int(min, max);
  const day = () => `2026-${String(int(8, 11)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const instant = () => `${day()}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00+08:00`;
  const limit = () => {
    const kind = pick([
      {
        ruleId: 'unionpay.per-payment',
        limitFen: 100_000,
        window: 'PER_PAYMENT',
        scope: 'CARD',
        zh: '云闪付单笔限额',
        en: 'QuickPass per-payment limit',
      },
      { ruleId: 'unionpay.daily', limitFen: 500_000, window: 'DAILY', scope: 'CARD', zh: '银联每日限额', en: 'UnionPay daily limit' },
      {
        ruleId: 'wechat-pay.yearly',
        limitFen: 20_000_000,
        window: 'YEARLY',
        scope: 'WALLET_ACCOUNT',
        zh: '微信支付年度限额',
        en: 'WeChat Pay yearly limit',
      },
    ]);
    const usedFen = kind.window === 'PER_PAYMENT' ? 0 : int(0, Math.floor(kind.limitFen / 3));
    const owner = platforms.find((p) => kind.ruleId.startsWith(`${p.id}.`)) ?? platforms[0];
    return {
      ruleId: kind.ruleId,
      platform: platform(owner),
      kind: 'AMOUNT_PER_WINDOW',
      window: kind.window,
      scope: kind.scope,
      limitFen: kind.limitFen,
      usedFen,
      remainingFen: kind.limitFen - usedFen,
      countLimit: null,
      usedCount: null,
      resetsAt: kind.window === 'PER_PAYMENT' ? null : instant(),
      blockedCode: null,
      description: { zhCN: kind.zh, en: kind.en },
    };
  };

  return {
    Fen: () => fen(),
    Date: () => day(),
    DateTime: () => instant(),
    ID: () => `00000000-0000-4000-8000-${digits(12)}`,
    String: () => 'mock',
    Int: () => int(0, 30),
    LocalizedText: () => ({ zhCN: '示例文本', en: 'Example text' }),
    Platform: () => platform(pick(platforms)),
    Customer: () => ({ name: pick(NAMES), realNameLevel: 3, status: 'ACTIVE', birthDate: '1994-05-12' }),
    CreditLine: () => {
      const limitFen = pick([1_000_000, 2_770_000, 5_000_000]);
      const usedFen = int(0, limitFen);
      return { limitFen, usedFen, availableFen: limitFen - usedFen, issuer: platform(ofRole('issuer')[0] ?? platforms[0]) };
    },
    Card: () => {
      const last4 = digits(4);
      return {
        bin: '625350',
        last4,
        maskedNumber: `6253 50•• •••• ${last4}`,
        network: 'UNIONPAY',
        expiry: `${String(int(1, 12)).padStart(2, '0')}/31`,
        status: 'ACTIVE',
        issuer: platform(ofRole('issuer')[0] ?? platforms[0]),
        issuingBank: { zhCN: '上海银行', en: 'Bank of Shanghai' },
        networkLimits: () => [limit(), limit()],
      };
    },
    OverdueState: () => ({
      isOverdue: false,
      overdueDays: 0,
      overdueAmountFen: 0,
      penaltyAccruedFen: 0,
      penaltyRule: { zhCN: '逾期本金每日 0.05%', en: '0.05% of the overdue principal per day' },
    }),
    WalletBinding: () => ({
      walletPlatform: platform(pick(ofRole('wallet'))),
      status: 'ACTIVE',
      verificationMethod: pick(['FOUR_ELEMENTS', 'CVV2+SMS_CODE']),
    }),
    LimitStatus: () => limit(),
    // Enums get the seeded generator too (the default mock of an enum is not seeded).
    SpendingControls: () => ({
      perPaymentFen: pick([null, 50_000]),
      dailyFen: pick([null, 200_000]),
      monthlyFen: pick([null, 1_000_000]),
      blockedMerchantCategories: pick([[], ['GAMBLING'], ['GAMBLING', 'QUASI_CASH']]),
    }),
    PlatformEligibility: () => ({ action: 'BIND_CARD', eligible: true, paymentMethods: null, reasons: [] }),
    PayableAmount: () => {
      const bindingRule = limit();
      return { walletPlatform: platform(pick(ofRole('wallet'))), amountFen: bindingRule.remainingFen, bindingRule, rules: [bindingRule] };
    },
    RepaymentChannel: () => {
      const issuer = ofRole('issuer')[0] ?? platforms[0];
      return { platform: platform(issuer), channel: { zhCN: '京东金融 App', en: 'the JD Finance app' } };
    },
    Bill: () => {
      const totalDueFen = fen(10_000, 800_000);
      const paidFen = pick([0, totalDueFen]);
      return {
        totalDueFen,
        minimumDueFen: Math.round(totalDueFen / 10),
        paidFen,
        outstandingFen: totalDueFen - paidFen,
        status: paidFen === totalDueFen ? 'PAID' : 'OPEN',
        overdueDays: 0,
        penaltyAccruedFen: 0,
      };
    },
    BillItem: () => ({ kind: 'PURCHASE', amountFen: fen(500, 100_000) }),
    Merchant: () => {
      const [name, categoryCode] = pick(MERCHANTS);
      return { name, categoryCode };
    },
    Transaction: () => ({
      status: 'APPROVED',
      declineCode: null,
      amountFen: fen(500, 100_000),
      walletPlatform: platform(pick(ofRole('wallet'))),
      network: platform(ofRole('clearing')[0] ?? platforms[0]),
    }),
    PageInfo: () => ({ hasNextPage: false, endCursor: null }),
    CanonicalError: () => ({
      code: 'LIMIT_EXCEEDED',
      decision: 'USER_ACTION',
      remedy: 'WAIT_FOR_NEXT_WINDOW',
      platform: 'unionpay',
      platformCode: '61',
      platformMessage: '超出金额限制',
      message: { zhCN: '已达到支付限额', en: 'A payment limit is used up' },
      retryAfterSeconds: null,
      iso8583: '61',
      field: null,
    }),
  };
}
