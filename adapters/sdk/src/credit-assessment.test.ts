import { assessCredit, type CreditPolicy } from './credit-assessment';
import { yuan } from './money';

const policy: CreditPolicy = {
  baseLineFenByGroup: { A: yuan(30_000), B: yuan(80_000), C: yuan(900) },
  ageBands: [
    { fromAge: 18, toAge: 22, percent: 50 },
    { fromAge: 23, toAge: 45, percent: 100 },
    { fromAge: 46, toAge: 55, percent: 33 },
  ],
  stepFen: yuan(100),
  minimumLineFen: yuan(500),
};
const MAX = yuan(50_000);

describe('assessCredit', () => {
  it('keeps the age band share of the group base line, rounded down to the step', () => {
    expect(assessCredit(policy, MAX, { age: 30, userGroup: 'A' })).toEqual({
      approved: true,
      limitFen: yuan(30_000),
      factors: [
        { factor: 'BASE_LINE', amountFen: yuan(30_000) },
        { factor: 'AGE_BAND', amountFen: yuan(30_000), percent: 100 },
      ],
    });
    // 33% of 30,000 is 9,900 exactly; of 80,000 (capped later) 26,400.
    expect(assessCredit(policy, MAX, { age: 50, userGroup: 'A' }).limitFen).toBe(yuan(9_900));
  });

  it('caps at the issuer ceiling and declines below the minimum, naming the factor', () => {
    expect(assessCredit(policy, MAX, { age: 30, userGroup: 'B' })).toMatchObject({
      approved: true,
      limitFen: MAX,
      factors: [{ factor: 'BASE_LINE' }, { factor: 'AGE_BAND', amountFen: yuan(80_000) }, { factor: 'MAX_CREDIT_LINE', amountFen: MAX }],
    });
    expect(assessCredit(policy, MAX, { age: 20, userGroup: 'C' })).toMatchObject({
      approved: false,
      limitFen: 0n,
      factors: [
        { factor: 'BASE_LINE' },
        { factor: 'AGE_BAND', amountFen: yuan(400) },
        { factor: 'BELOW_MINIMUM_LINE', amountFen: yuan(500) },
      ],
    });
  });

  it('declines a group or an age the policy has no line for', () => {
    expect(assessCredit(policy, MAX, { age: 30, userGroup: 'Z' })).toMatchObject({
      approved: false,
      factors: [{ factor: 'NO_POLICY_FOR_GROUP' }],
    });
    expect(assessCredit(policy, MAX, { age: 60, userGroup: 'A' })).toMatchObject({
      approved: false,
      factors: [{ factor: 'BASE_LINE' }, { factor: 'NO_AGE_BAND' }],
    });
  });
});
