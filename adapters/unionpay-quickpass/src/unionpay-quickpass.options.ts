/** Cloud QuickPass options; defaults are the figures of PLATFORMS.md (1,000 CNY per payment, 5,000 per day). */
import { booleanOption, fenOption, stringOption, yuan, type OptionSpec } from '@cardweave/adapter-sdk';

export interface QuickPassOptions {
  baseUrl: string;
  /** Key the app backend signs its answers with (the simulator's by default). */
  platformKey: string;
  perPaymentLimitFen: bigint;
  dailyLimitFen: bigint;
  /** Off: QuickPass takes genuine UnionPay cards that fail Luhn. */
  luhnForUnionPay: boolean;
}

export const quickPassOptionSpec: OptionSpec<QuickPassOptions> = {
  baseUrl: stringOption('https://wallet.95516.com', /^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'an http(s) URL'),
  platformKey: stringOption('unionpay-quickpass-simulator-key', /^.{8,}$/, 'a key of at least 8 characters'),
  perPaymentLimitFen: fenOption(yuan(1_000), 1n),
  dailyLimitFen: fenOption(yuan(5_000), 1n),
  luhnForUnionPay: booleanOption(false),
};

export const QUICKPASS_SIGNATURE_HEADER = 'x-quickpass-signature';
