import type { LimitRule } from '@cardweave/adapter-sdk';
import { checkBooks, findPaymentMutation, totalViolations, type Books } from './payments';

const rule = (id: string, window: LimitRule['window'], amountFen: bigint, scope: LimitRule['scope'] = 'CARD'): LimitRule => ({
  id,
  window,
  amountFen,
  scope,
  timezone: 'Asia/Shanghai',
  description: { 'zh-CN': id, en: id },
});
const rules = {
  wallet: new Map([['wechat-pay', [rule('wechat-pay.per-payment', 'PER_PAYMENT', 5_000_000n, 'WALLET_ACCOUNT')]]]),
  network: new Map([['unionpay', [rule('unionpay.per-payment', 'PER_PAYMENT', 100_000n), rule('unionpay.daily', 'DAILY', 500_000n)]]]),
};
const at = new Date('2026-11-26T06:00:00.000Z');

function books(amounts: number[], overrides: Partial<Books> = {}): Books {
  const total = BigInt(amounts.reduce((s, a) => s + a, 0));
  return {
    creditBefore: new Map([['card-1', { limitFen: 450_000n, usedFen: 0n }]]),
    creditAfter: new Map([['card-1', { limitFen: 450_000n, usedFen: total }]]),
    walletApproved: amounts.map((a) => ({
      card_id: 'card-1',
      customer_id: 'c-1',
      wallet_account_id: 'w-1',
      platform: 'wechat-pay',
      amount_fen: String(a),
      created_at: at,
    })),
    networkApproved: amounts.map((a) => ({ card_id: 'card-1', network_platform: 'unionpay', amount_fen: String(a), created_at: at })),
    issuerApproved: new Map([['card-1', total]]),
    networkUsage: [{ scope_key: 'card-1', rule_window: 'DAILY', window_key: '2026-11-26', amount_fen: String(total) }],
    openPayments: 0,
    ...overrides,
  };
}

describe('the payment books check', () => {
  it('finds nothing in books that agree and stay within every limit', () => {
    const { violations } = checkBooks(books([100_000, 90_000, 80_000]), rules);
    expect(totalViolations(violations)).toBe(0);
  });

  it('counts a payment over the per-payment limit, a day over the daily limit and approvals past the credit', () => {
    const { violations } = checkBooks(books([100_001, 100_000, 100_000, 100_000, 100_000, 100_000]), rules);
    expect(violations).toMatchObject({ perPayment: 1, daily: 1, credit: 2 });
  });

  it('counts books that disagree by one fen and payments left open', () => {
    const b = books([1_000, 2_000], { issuerApproved: new Map([['card-1', 2_999n]]), openPayments: 2 });
    const { violations } = checkBooks(b, rules);
    expect(violations.books).toBe(2);
    expect(violations.open).toBe(2);
  });

  it('finds the wallet’s pay mutation in the supergraph', () => {
    const sdl = `enum join__Graph { WALLET @join__graph(name: "wallet", url: "x") }
      directive @join__graph(name: String!, url: String!) on ENUM_VALUE
      directive @join__field(graph: join__Graph) on FIELD_DEFINITION
      type Query { a: Int }
      type Mutation { pay(amount: Int): Int @join__field(graph: WALLET) repay: Int @join__field(graph: WALLET) }`;
    expect(findPaymentMutation(sdl)?.name).toBe('pay');
  });
});
