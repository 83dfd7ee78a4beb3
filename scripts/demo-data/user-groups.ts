/**
 * The card program's three user groups (PLATFORMS.md §7): how old they are, how often
 * they pay and how much. Amounts in whole yuan; the generator turns them into fen.
 */
export type UserGroup = 'YOUNG_PROFESSIONAL' | 'SMALL_BUSINESS_OWNER' | 'STUDENT';

export interface UserGroupProfile {
  ages: [number, number];
  paymentsPerMonth: [number, number];
  /** The typical range and the share of payments in it; the rest fall anywhere up to `max`. */
  typicalYuan: [number, number];
  typicalShare: number;
  maxYuan: number;
  creditLineYuan: [number, number];
  /** Share who repay on time; the rest pay late or not at all. */
  onTimeShare: number;
  scenes: Array<{ merchant: string; mcc: string }>;
}

export const USER_GROUPS: Record<UserGroup, UserGroupProfile> = {
  YOUNG_PROFESSIONAL: {
    ages: [18, 35],
    paymentsPerMonth: [15, 20],
    typicalYuan: [50, 500],
    typicalShare: 0.7,
    maxYuan: 1_500,
    creditLineYuan: [8_000, 30_000],
    onTimeShare: 0.95,
    scenes: [
      { merchant: '海底捞火锅', mcc: '5812' },
      { merchant: '盒马鲜生', mcc: '5411' },
      { merchant: '国家电网 电费', mcc: '4900' },
      { merchant: '瑞幸咖啡', mcc: '5814' },
      { merchant: '永辉超市', mcc: '5411' },
    ],
  },
  SMALL_BUSINESS_OWNER: {
    ages: [30, 50],
    paymentsPerMonth: [5, 8],
    typicalYuan: [1_000, 5_000],
    typicalShare: 0.6,
    maxYuan: 8_000,
    creditLineYuan: [20_000, 50_000],
    onTimeShare: 0.85,
    scenes: [
      { merchant: '义乌小商品批发', mcc: '5099' },
      { merchant: '中国东方航空', mcc: '3007' },
      { merchant: '汉庭酒店', mcc: '7011' },
      { merchant: '京东企业购', mcc: '5045' },
    ],
  },
  STUDENT: {
    ages: [16, 22],
    paymentsPerMonth: [8, 12],
    typicalYuan: [10, 100],
    typicalShare: 0.85,
    maxYuan: 300,
    creditLineYuan: [1_000, 3_000],
    onTimeShare: 0.7,
    scenes: [
      { merchant: '美团外卖', mcc: '5814' },
      { merchant: '中国移动 话费充值', mcc: '4814' },
      { merchant: '校园便利店', mcc: '5499' },
      { merchant: '饿了么', mcc: '5814' },
    ],
  },
};

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙'];
export const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '子涵',
  '浩然',
  '欣怡',
];
