/** __ID__ adapter options, validated when the adapter is created. Replace the defaults with the platform's figures. */
import { booleanOption, fenOption, stringOption, yuan, type OptionSpec } from '__SDK__';

export interface __PASCAL__Options {
  baseUrl: string;
  /** Key the platform's answers are signed with (the simulator's by default). */
  platformKey: string;
  perPaymentLimitFen: bigint;
  dailyLimitFen: bigint;
  luhnForUnionPay: boolean;
}

export const __CAMEL__OptionSpec: OptionSpec<__PASCAL__Options> = {
  baseUrl: stringOption('https://api.__ID__.example', /^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'an http(s) URL'),
  platformKey: stringOption('__ID__-simulator-key', /^.{8,}$/, 'a key of at least 8 characters'),
  perPaymentLimitFen: fenOption(yuan(1_000), 1n),
  dailyLimitFen: fenOption(yuan(5_000), 1n),
  luhnForUnionPay: booleanOption(true),
};

export const __CONST___SIGNATURE_HEADER = 'x-__ID__-signature';
