import { holderLimitDecline, holderRules, reservationRules } from './cardholder-rules';
import { merchantCategoryGroupOf } from './merchant-category-groups';
import { validateSpendingControls } from './spending-controls';

describe('merchant category groups', () => {
  it.each([
    ['7995', 'GAMBLING'],
    ['7801', 'GAMBLING'],
    ['6051', 'QUASI_CASH'],
    ['5816', 'DIGITAL_GOODS'],
    ['3501', 'TRAVEL'],
    ['5812', 'DINING'],
    ['5411', 'GROCERY'],
    ['5542', 'FUEL'],
    ['5999', null],
    ['59', null],
    ['abcd', null],
  ])('puts %s in %s', (code, group) => {
    expect(merchantCategoryGroupOf(code)).toBe(group);
  });
});

describe('the holder’s rules', () => {
  const controls = { perPaymentFen: 30_000n, dailyFen: null, monthlyFen: 100_000n, blockedMerchantCategories: [] };

  it('are the limits set, with their own ids, in Asia/Shanghai', () => {
    expect(holderRules(controls).map((r) => [r.id, r.window, r.amountFen, r.timezone])).toEqual([
      ['cardholder.per-payment', 'PER_PAYMENT', 30_000n, 'Asia/Shanghai'],
      ['cardholder.monthly', 'MONTHLY', 100_000n, 'Asia/Shanghai'],
    ]);
  });

  it('count the daily spend even without a daily limit, so a limit set later sees it', () => {
    expect(reservationRules(controls).map((r) => r.id)).toEqual(['cardholder.per-payment', 'cardholder.daily', 'cardholder.monthly']);
  });

  it('decline with the remedy their window calls for', () => {
    expect(holderLimitDecline({ id: 'cardholder.per-payment', window: 'PER_PAYMENT' })).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      platform: 'cardholder',
      remedy: 'LOWER_AMOUNT',
      limitRuleId: 'cardholder.per-payment',
    });
    expect(holderLimitDecline({ id: 'cardholder.daily', window: 'DAILY' })).toMatchObject({
      remedy: 'WAIT_FOR_NEXT_WINDOW',
      limitWindow: 'DAILY',
    });
  });
});

describe('validating spending controls', () => {
  it('keeps each group once and clears what is null or absent', () => {
    expect(validateSpendingControls({ dailyFen: 5_000n, blockedMerchantCategories: ['GAMBLING', 'GAMBLING'] })).toEqual({
      perPaymentFen: null,
      dailyFen: 5_000n,
      monthlyFen: null,
      blockedMerchantCategories: ['GAMBLING'],
    });
  });

  it.each([
    [{ perPaymentFen: 0n }, 'input.perPaymentFen'],
    [{ monthlyFen: -1n }, 'input.monthlyFen'],
    [{ perPaymentFen: 2n, monthlyFen: 1n }, 'input.perPaymentFen'],
    [{ dailyFen: 2n, monthlyFen: 1n }, 'input.dailyFen'],
    [{ blockedMerchantCategories: ['CASINOS'] }, 'input.blockedMerchantCategories'],
  ])('refuses %p naming %s', (input, field) => {
    expect(() => validateSpendingControls(input)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }),
    );
  });
});
