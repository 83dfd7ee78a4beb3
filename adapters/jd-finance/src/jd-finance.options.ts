/**
 * JD Finance adapter options. The source gives the credit line ceiling (50,000 CNY) and
 * the overdue penalty (0.05% per day); the rest are this project's assumptions, named as
 * such and overridable: statement on the 1st, due 9 days later, minimum due 10%, penalty
 * rounded half-up once per posting, repayments to penalty before principal.
 */
import {
  booleanOption,
  fenOption,
  fractionOption,
  integerOption,
  orderOption,
  roundingOption,
  stringOption,
  yuan,
  type Fraction,
  type OptionSpec,
  type RoundingMode,
} from '@cardweave/adapter-sdk';

export interface JdFinanceOptions {
  baseUrl: string;
  platformKey: string;
  maxCreditLineFen: bigint;
  penaltyPerDay: Fraction;
  statementDay: number;
  gracePeriodDays: number;
  minimumDue: Fraction;
  rounding: RoundingMode;
  repaymentAllocation: Array<'PENALTY' | 'PRINCIPAL'>;
  luhnForUnionPay: boolean;
}

export const jdFinanceOptionSpec: OptionSpec<JdFinanceOptions> = {
  baseUrl: stringOption('https://ms.jr.jd.com', /^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'an http(s) URL'),
  platformKey: stringOption('jd-finance-simulator-key', /^.{8,}$/, 'a key of at least 8 characters'),
  maxCreditLineFen: fenOption(yuan(50_000), 1n),
  penaltyPerDay: fractionOption({ numerator: 5n, denominator: 10_000n }),
  statementDay: integerOption(1, 1, 28),
  gracePeriodDays: integerOption(9, 0, 60),
  minimumDue: fractionOption({ numerator: 10n, denominator: 100n }),
  rounding: roundingOption('HALF_UP'),
  repaymentAllocation: orderOption<'PENALTY' | 'PRINCIPAL'>(['PENALTY', 'PRINCIPAL'], ['PENALTY', 'PRINCIPAL']),
  luhnForUnionPay: booleanOption(true),
};

export const JD_SIGNATURE_HEADER = 'x-jdjr-signature';
