/**
 * The card holder's own limits as rules of a `cardholder` platform, beside every other
 * platform's: the same LimitRule shape, reserved by the issuer with the kit's conditional
 * upserts (limit_usage, one row per card and window), shown with what is used and what
 * remains, and declined with the rule that fired. Calendar windows in Asia/Shanghai, like
 * the platforms' own.
 */
import { clampToZero, windowOf, type CanonicalError, type Fen, type LimitRule, type LimitWindow } from '@cardweave/adapter-sdk';
import { limitStatusId, localized, type LimitStatusModel, type PlatformModel, type UsageByWindow } from '@cardweave/subgraph-kit';
import type { CardEntity } from '../db/entities/card.entity';
import { MERCHANT_CATEGORY_GROUPS, type MerchantCategoryGroup } from './merchant-category-groups';

export const CARDHOLDER_PLATFORM_ID = 'cardholder';

/** The holder's rules are enforced by the issuer on the holder's behalf, so the platform plays the issuer's part. */
export const cardholderPlatform: PlatformModel = {
  id: CARDHOLDER_PLATFORM_ID,
  role: 'ISSUER',
  displayName: { zhCN: '持卡人', en: 'Cardholder' },
};

const ZONE = 'Asia/Shanghai';

/** The bound of a window the holder has not limited: the window's spend is still counted, so a limit set later sees it. */
const UNLIMITED_FEN: Fen = 2n ** 62n;

export interface HolderControls {
  perPaymentFen: Fen | null;
  dailyFen: Fen | null;
  monthlyFen: Fen | null;
  blockedMerchantCategories: MerchantCategoryGroup[];
}

export function holderControlsOf(card: CardEntity): HolderControls {
  return {
    perPaymentFen: card.holderPerPaymentFen ?? null,
    dailyFen: card.holderDailyFen ?? null,
    monthlyFen: card.holderMonthlyFen ?? null,
    blockedMerchantCategories: (card.holderBlockedCategories ?? []) as MerchantCategoryGroup[],
  };
}

const WINDOWS: Array<{ window: LimitWindow; key: 'perPaymentFen' | 'dailyFen' | 'monthlyFen'; id: string; zhCN: string; en: string }> = [
  { window: 'PER_PAYMENT', key: 'perPaymentFen', id: 'cardholder.per-payment', zhCN: '单笔', en: 'per payment' },
  { window: 'DAILY', key: 'dailyFen', id: 'cardholder.daily', zhCN: '每日', en: 'a day' },
  { window: 'MONTHLY', key: 'monthlyFen', id: 'cardholder.monthly', zhCN: '每月', en: 'a month' },
];

function cny(fen: Fen): string {
  const fraction = fen % 100n;
  const whole = (fen / 100n).toLocaleString('en-US');
  return fraction === 0n ? whole : `${whole}.${fraction.toString().padStart(2, '0')}`;
}

function ruleOf(spec: (typeof WINDOWS)[number], amountFen: Fen): LimitRule {
  return {
    id: spec.id,
    window: spec.window,
    amountFen,
    scope: 'CARD',
    timezone: ZONE,
    description: {
      'zh-CN': `持卡人自设${spec.zhCN}限额 ${cny(amountFen)} 元`,
      en: `${cny(amountFen)} CNY ${spec.en}, set by the card holder`,
    },
  };
}

/** The limits the holder has set, in window order. */
export function holderRules(controls: HolderControls): LimitRule[] {
  return WINDOWS.flatMap((spec) => {
    const amount = controls[spec.key];
    return amount === null ? [] : [ruleOf(spec, amount)];
  });
}

/** What a payment reserves: the holder's limits, and the daily and monthly spend counted even where no limit is set. */
export function reservationRules(controls: HolderControls): LimitRule[] {
  return WINDOWS.flatMap((spec) => {
    const amount = controls[spec.key];
    if (amount !== null) return [ruleOf(spec, amount)];
    return spec.window === 'PER_PAYMENT' ? [] : [ruleOf(spec, UNLIMITED_FEN)];
  });
}

/** Every window the issuer counts for the holder's limits, for reading their usage. */
export const COUNTED_WINDOW_RULES: LimitRule[] = WINDOWS.filter((s) => s.window !== 'PER_PAYMENT').map((s) => ruleOf(s, UNLIMITED_FEN));

/** The holder's limits as LimitStatus, with the usage of their current windows. */
export function holderLimitStatuses(
  cardId: string,
  controls: HolderControls,
  usage: UsageByWindow | undefined,
  now: Date,
): LimitStatusModel[] {
  return holderRules(controls).map((rule) => {
    const usedFen = rule.window === 'PER_PAYMENT' ? 0n : (usage?.get(rule.window)?.amountFen ?? 0n);
    return {
      id: limitStatusId(`card:${cardId}`, rule.id),
      ruleId: rule.id,
      platform: cardholderPlatform,
      kind: 'AMOUNT_PER_WINDOW',
      window: rule.window,
      scope: rule.scope,
      limitFen: rule.amountFen,
      usedFen,
      remainingFen: clampToZero(rule.amountFen - usedFen),
      countLimit: null,
      usedCount: null,
      resetsAt: windowOf(rule.window, now, rule.timezone).end ?? null,
      blockedCode: null,
      description: localized(rule.description),
    };
  });
}

/** A payment over one of the holder's limits: the remedy follows the window (a smaller amount, or the next window). */
export function holderLimitDecline(rule: Pick<LimitRule, 'id' | 'window'>): CanonicalError {
  const perPayment = rule.window === 'PER_PAYMENT';
  return {
    code: 'LIMIT_EXCEEDED',
    platform: CARDHOLDER_PLATFORM_ID,
    platformCode: 'HOLDER_LIMIT',
    platformMessage: perPayment ? '超出持卡人自设单笔限额' : '超出持卡人自设累计限额',
    decision: 'USER_ACTION',
    remedy: perPayment ? 'LOWER_AMOUNT' : 'WAIT_FOR_NEXT_WINDOW',
    message: perPayment
      ? {
          'zh-CN': '金额超出您为此卡设置的单笔限额，请降低金额',
          en: 'The amount is over the per-payment limit you set for this card; pay less',
        }
      : {
          'zh-CN': '已达到您为此卡设置的限额，请在下一周期再试或调整限额',
          en: 'The limit you set for this card is used up; wait for the next period or change the limit',
        },
    iso8583: '61',
    limitRuleId: rule.id,
    limitWindow: rule.window,
  };
}

/** A payment at a merchant whose category group the holder blocked. */
export function blockedCategoryDecline(group: MerchantCategoryGroup): CanonicalError {
  const names = MERCHANT_CATEGORY_GROUPS[group];
  return {
    code: 'TRANSACTION_NOT_PERMITTED',
    platform: CARDHOLDER_PLATFORM_ID,
    platformCode: `HOLDER_BLOCKED_${group}`,
    platformMessage: `持卡人已关闭${names.zhCN}类商户交易`,
    decision: 'USER_ACTION',
    remedy: 'CHANGE_PAYMENT_SCENE',
    message: {
      'zh-CN': `您已为此卡关闭${names.zhCN}类商户的交易，请更换支付场景或调整卡片设置`,
      en: `You blocked ${names.en} merchants for this card; pay elsewhere or change the card's controls`,
    },
    iso8583: '57',
  };
}
