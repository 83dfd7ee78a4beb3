/** WeChat Pay adapter options, validated at creation; defaults are the figures of PLATFORMS.md. */
import { booleanOption, fenOption, stringOption, yuan, type OptionSpec } from '@cardweave/adapter-sdk';

export interface WechatPayOptions {
  /** API root. */
  baseUrl: string;
  /** Key the platform's answers are signed with (the simulator's by default). */
  platformKey: string;
  /** The wallet's default per-payment limit: 50,000 CNY. */
  perPaymentLimitFen: bigint;
  /** Yearly limit per wallet account: 200,000 CNY. */
  yearlyLimitFen: bigint;
  /** WeChat Pay checks four elements with the bank, so UnionPay cards failing Luhn are let through to it. */
  luhnForUnionPay: boolean;
}

export const wechatPayOptionSpec: OptionSpec<WechatPayOptions> = {
  baseUrl: stringOption('https://api.mch.weixin.qq.com', /^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'an http(s) URL'),
  platformKey: stringOption('wechat-pay-simulator-key', /^.{8,}$/, 'a key of at least 8 characters'),
  perPaymentLimitFen: fenOption(yuan(50_000), 1n),
  yearlyLimitFen: fenOption(yuan(200_000), 1n),
  luhnForUnionPay: booleanOption(false),
};

export const WECHAT_SIGNATURE_HEADER = 'wechatpay-signature';
