import { yuan } from '../../sdk/src';
import { describeConformance } from '../../testkit';
import adapter from '..';
import { JdFinanceSimulator } from './jd-finance.simulator';

describeConformance(adapter, {
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
    authorize: (n) => ({ accountRef: 'jd-customer-1', amountFen: yuan(100) + BigInt(n), currency: 'CNY' }),
    repay: (n) => ({ accountRef: 'jd-customer-1', amountFen: yuan(10) + BigInt(n), currency: 'CNY' }),
    queryStatus: (n) => ({ reference: `jd-request-${n}` }),
  },
  requiredPlatformMessages: ['银行验证失败', '系统繁忙'],
  sensitiveValues: ['480615'],
});
