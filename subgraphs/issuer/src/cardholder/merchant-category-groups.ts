/**
 * The merchant category groups a card holder can block, each a set of ISO 18245 merchant
 * category codes (the four digits every payment carries). A small, documented set, like
 * the categories card apps let their holders switch off; a code in none of them belongs to
 * no group and is never blocked by the holder.
 */
export const MERCHANT_CATEGORY_GROUPS = {
  /** Betting, lotteries, casinos: 7800–7802, 7995. */
  GAMBLING: {
    ranges: [
      [7800, 7802],
      [7995, 7995],
    ],
    zhCN: '博彩',
    en: 'gambling',
  },
  /** Transfers and cash-like purchases: money orders, quasi-cash, stored value, securities: 4829, 6010–6012, 6050, 6051, 6211, 6540. */
  QUASI_CASH: {
    ranges: [
      [4829, 4829],
      [6010, 6012],
      [6050, 6051],
      [6211, 6211],
      [6540, 6540],
    ],
    zhCN: '转账及类现金',
    en: 'transfers and quasi-cash',
  },
  /** Digital goods, games and apps: 5815–5818. */
  DIGITAL_GOODS: { ranges: [[5815, 5818]], zhCN: '数字商品及游戏', en: 'digital goods and games' },
  /** Airlines, hotels, car rental and travel agencies: 3000–3999, 4511, 4722, 7011, 7512. */
  TRAVEL: {
    ranges: [
      [3000, 3999],
      [4511, 4511],
      [4722, 4722],
      [7011, 7011],
      [7512, 7512],
    ],
    zhCN: '出行旅游',
    en: 'travel',
  },
  /** Restaurants, fast food and bars: 5811–5814. */
  DINING: { ranges: [[5811, 5814]], zhCN: '餐饮', en: 'dining' },
  /** Supermarkets and grocery stores: 5411, 5422, 5441, 5451, 5462, 5499. */
  GROCERY: {
    ranges: [
      [5411, 5411],
      [5422, 5422],
      [5441, 5441],
      [5451, 5451],
      [5462, 5462],
      [5499, 5499],
    ],
    zhCN: '超市',
    en: 'groceries',
  },
  /** Fuel stations: 5541, 5542, 5983. */
  FUEL: {
    ranges: [
      [5541, 5542],
      [5983, 5983],
    ],
    zhCN: '加油',
    en: 'fuel',
  },
} as const satisfies Record<string, { ranges: ReadonlyArray<readonly [number, number]>; zhCN: string; en: string }>;

export type MerchantCategoryGroup = keyof typeof MERCHANT_CATEGORY_GROUPS;

export const MERCHANT_CATEGORY_GROUP_NAMES = Object.keys(MERCHANT_CATEGORY_GROUPS) as MerchantCategoryGroup[];

export function isMerchantCategoryGroup(name: string): name is MerchantCategoryGroup {
  return Object.prototype.hasOwnProperty.call(MERCHANT_CATEGORY_GROUPS, name);
}

/** The group a merchant category code falls in, or null (no group, or not a four-digit code). */
export function merchantCategoryGroupOf(merchantCategoryCode: string): MerchantCategoryGroup | null {
  if (!/^[0-9]{4}$/.test(merchantCategoryCode)) return null;
  const code = Number(merchantCategoryCode);
  for (const name of MERCHANT_CATEGORY_GROUP_NAMES) {
    if (MERCHANT_CATEGORY_GROUPS[name].ranges.some(([low, high]) => code >= low && code <= high)) return name;
  }
  return null;
}
