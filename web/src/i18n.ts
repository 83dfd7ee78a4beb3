/** The page's words in zh-CN and en; the browser's preference picks one, the switch overrides it. */
import type { Language } from './money';

export type { Language };

const LANGUAGE_KEY = 'cardweave.language';

export function preferredLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(LANGUAGE_KEY);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of wanted) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function saveLanguage(language: Language): void {
  globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
}

const en = {
  title: 'My cards',
  tagline: 'One view of your card across the issuer, your wallets and the card network.',
  switchLanguage: '中文',
  signInTitle: 'Sign in as a demo customer',
  signInHint: 'This demo has no passwords: pick a customer to see their cards.',
  signedInAs: 'Signed in as',
  switchCustomer: 'Switch customer',
  overdueBadge: 'overdue',
  loading: 'Loading…',
  noCards: 'This customer has no cards.',
  maskedNumber: 'Card number',
  issuer: 'Issuer',
  network: 'Network',
  issuingBank: 'Issuing bank',
  expiry: 'Expires',
  status: 'Status',
  creditLine: 'Credit line',
  limit: 'Limit',
  used: 'Used',
  available: 'Available',
  overdueTitle: 'Overdue',
  overdueText: (days: number) => `This card is ${days} days overdue. Your wallets do not show this.`,
  overdueAmount: 'Overdue amount',
  penalty: 'Penalty accrued',
  penaltyRule: 'Penalty rule',
  payableNow: 'What you can pay now',
  wallet: 'Wallet',
  amountPayable: 'Payable now',
  boundBy: 'Bound by',
  noBindings: 'The card is not bound into any wallet.',
  bindings: 'Wallet bindings',
  verification: 'Verification',
  boundAt: 'Bound',
  limits: 'Limits on every platform',
  platform: 'Platform',
  rule: 'Rule',
  window: 'Window',
  remaining: 'Remaining',
  resets: 'Resets',
  bill: 'Current bill',
  noBill: 'No bill yet.',
  statementDate: 'Statement date',
  dueDate: 'Due date',
  totalDue: 'Total due',
  minimumDue: 'Minimum due',
  paid: 'Paid',
  outstanding: 'Outstanding',
  items: 'Items',
  posted: 'Posted',
  kind: 'Kind',
  merchant: 'Merchant',
  amount: 'Amount',
  moreItems: (shown: number, total: number) => `Showing ${shown} of ${total} items.`,
  repayAt: 'Repay at',
  repayHint: 'Repayment is only possible at the issuer.',
  errorTitle: 'Something went wrong',
  code: 'Code',
  remedy: 'What to do',
  retry: 'Try again',
  windows: { PER_PAYMENT: 'per payment', DAILY: 'per day', MONTHLY: 'per month', YEARLY: 'per year', ALL_TIME: 'in total' } as Record<
    string,
    string
  >,
  kinds: { PURCHASE: 'Purchase', PENALTY: 'Penalty', REPAYMENT: 'Repayment' } as Record<string, string>,
  statuses: {
    ACTIVE: 'active',
    LOCKED: 'locked',
    FROZEN: 'frozen',
    CLOSED: 'closed',
    SUSPENDED: 'suspended',
    REMOVED: 'removed',
    OPEN: 'open',
    PAID: 'paid',
    OVERDUE: 'overdue',
    RESTRICTED: 'restricted',
  } as Record<string, string>,
};

export type Messages = typeof en;

const zhCN: Messages = {
  title: '我的卡',
  tagline: '一处看清您的卡：发卡方、各个钱包与卡组织的信息汇于一页。',
  switchLanguage: 'English',
  signInTitle: '以演示客户身份登录',
  signInHint: '演示环境无需密码：选择一位客户即可查看其卡片。',
  signedInAs: '当前客户',
  switchCustomer: '切换客户',
  overdueBadge: '逾期',
  loading: '加载中…',
  noCards: '该客户没有卡片。',
  maskedNumber: '卡号',
  issuer: '发卡方',
  network: '卡组织',
  issuingBank: '发卡银行',
  expiry: '有效期',
  status: '状态',
  creditLine: '授信额度',
  limit: '额度',
  used: '已用',
  available: '可用',
  overdueTitle: '已逾期',
  overdueText: (days: number) => `此卡已逾期 ${days} 天。钱包中不会显示这一状态。`,
  overdueAmount: '逾期金额',
  penalty: '已产生罚息',
  penaltyRule: '罚息规则',
  payableNow: '当前可支付金额',
  wallet: '钱包',
  amountPayable: '当前可付',
  boundBy: '受限于',
  noBindings: '此卡尚未绑定任何钱包。',
  bindings: '钱包绑定',
  verification: '验证方式',
  boundAt: '绑定时间',
  limits: '各平台限额',
  platform: '平台',
  rule: '规则',
  window: '周期',
  remaining: '剩余',
  resets: '重置时间',
  bill: '本期账单',
  noBill: '暂无账单。',
  statementDate: '账单日',
  dueDate: '还款日',
  totalDue: '应还总额',
  minimumDue: '最低还款',
  paid: '已还',
  outstanding: '待还',
  items: '账单明细',
  posted: '入账时间',
  kind: '类型',
  merchant: '商户',
  amount: '金额',
  moreItems: (shown: number, total: number) => `显示 ${total} 笔中的 ${shown} 笔。`,
  repayAt: '还款渠道',
  repayHint: '只能在发卡方处还款。',
  errorTitle: '出错了',
  code: '错误码',
  remedy: '处理建议',
  retry: '重试',
  windows: { PER_PAYMENT: '单笔', DAILY: '每日', MONTHLY: '每月', YEARLY: '每年', ALL_TIME: '累计' },
  kinds: { PURCHASE: '消费', PENALTY: '罚息', REPAYMENT: '还款' },
  statuses: {
    ACTIVE: '正常',
    LOCKED: '已锁定',
    FROZEN: '已冻结',
    CLOSED: '已注销',
    SUSPENDED: '已暂停',
    REMOVED: '已解绑',
    OPEN: '未到期',
    PAID: '已还清',
    OVERDUE: '已逾期',
    RESTRICTED: '受限',
  },
};

export const MESSAGES: Record<Language, Messages> = { 'zh-CN': zhCN, en };

/** A LocalizedText from the graph, in the page's language. */
export function localized(text: { zhCN: string; en: string } | null | undefined, language: Language): string {
  if (!text) return '';
  return language === 'zh-CN' ? text.zhCN : text.en;
}
