/** UnionPay adapter options; defaults are the figures of PLATFORMS.md. */
import { booleanOption, fenOption, stringOption, yuan, type OptionSpec } from '@cardweave/adapter-sdk';

export interface UnionPayOptions {
  baseUrl: string;
  platformKey: string;
  /** QuickPass per payment: 1,000 CNY. */
  perPaymentLimitFen: bigint;
  /** Per card per day: 5,000 CNY. */
  dailyLimitFen: bigint;
  /** Per card per year: 500,000 CNY. */
  yearlyLimitFen: bigint;
  /** Off: the network carries genuine UnionPay cards that fail Luhn. */
  luhnForUnionPay: boolean;
}

export const unionPayOptionSpec: OptionSpec<UnionPayOptions> = {
  baseUrl: stringOption('https://gateway.95516.com', /^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'an http(s) URL'),
  platformKey: stringOption('unionpay-simulator-key', /^.{8,}$/, 'a key of at least 8 characters'),
  perPaymentLimitFen: fenOption(yuan(1_000), 1n),
  dailyLimitFen: fenOption(yuan(5_000), 1n),
  yearlyLimitFen: fenOption(yuan(500_000), 1n),
  luhnForUnionPay: booleanOption(false),
};

export const UNIONPAY_SIGNATURE_HEADER = 'x-unionpay-signature';
