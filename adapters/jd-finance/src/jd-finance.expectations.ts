/**
 * What the conformance suite expects of jd-finance, written from JD Finance's documentation
 * and the Baitiao rules (PLATFORMS.md), never from the adapter's declaration. The issuer has
 * no limit rules: its only spending bound is the credit available, an account's state.
 */
import { yuan } from '@cardweave/adapter-sdk';
import type { ConformanceExpectations } from '@cardweave/adapter-testkit';
import { JdFinanceSimulator } from './jd-finance.simulator';

export const jdFinanceExpectations: ConformanceExpectations<JdFinanceSimulator> = {
  id: 'jd-finance',
  role: 'issuer',
  // Every customer starts with 500 CNY owed, so a conformance repayment has something to repay.
  createSimulator: (clock) => {
    const sim = new JdFinanceSimulator(clock);
    sim.seedAccount('jd-customer-1', { usedFen: yuan(500) });
    return sim;
  },
  inputs: {
    verifyStep: (n) => ({ subjectRef: `jd-customer-${n}`, stepId: 'sms', fields: { smsCode: '480615' } }),
    sendCode: (n) => ({ subjectRef: `jd-customer-${n}`, stepId: 'sms' }),
    authorize: (n) => ({ accountRef: 'jd-customer-1', amountFen: yuan(100) + BigInt(n), currency: 'CNY' }),
    repay: (n) => ({ accountRef: 'jd-customer-1', amountFen: yuan(10) + BigInt(n), currency: 'CNY' }),
    queryStatus: (n) => ({ reference: `jd-request-${n}` }),
  },
  // PLATFORMS.md §3: what users see.
  requiredPlatformMessages: ['银行验证失败', '系统繁忙'],
  // PLATFORMS.md §2 and §5, the Baitiao rules: the refusals the platform itself makes.
  errorTriggers: [
    {
      name: 'a frozen account (risk response: temporary freeze + manual review)',
      operation: 'authorize',
      arrange: (sim) => sim.seedAccount('jd-frozen', { frozen: true }),
      input: () => ({ accountRef: 'jd-frozen', amountFen: yuan(100), currency: 'CNY' }),
      platformCode: 'ACCOUNT_FROZEN',
      platformMessage: '账户已冻结',
      code: 'ACCOUNT_FROZEN',
    },
    {
      name: 'overdue debt',
      operation: 'authorize',
      arrange: (sim) => sim.seedAccount('jd-overdue', { overdue: true }),
      input: () => ({ accountRef: 'jd-overdue', amountFen: yuan(100), currency: 'CNY' }),
      platformCode: 'ACCOUNT_OVERDUE',
      platformMessage: '存在逾期未还款',
      code: 'OVERDUE_DEBT',
    },
    {
      name: 'a payment beyond the Baitiao credit available',
      operation: 'authorize',
      arrange: (sim) => sim.seedAccount('jd-spent', { creditLineFen: yuan(1_000), usedFen: yuan(1_000) }),
      input: () => ({ accountRef: 'jd-spent', amountFen: 1n, currency: 'CNY' }),
      platformCode: 'CREDIT_NOT_ENOUGH',
      platformMessage: '白条可用额度不足',
      code: 'INSUFFICIENT_CREDIT',
    },
    {
      name: 'a repayment above what is owed',
      operation: 'repay',
      input: () => ({ accountRef: 'jd-nothing-owed', amountFen: 1n, currency: 'CNY' }),
      platformCode: 'REPAY_AMOUNT_EXCEEDS',
      platformMessage: '还款金额超过应还金额',
      code: 'INVALID_AMOUNT',
    },
  ],
};
