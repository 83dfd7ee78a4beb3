/**
 * How JD Finance sizes a new Baitiao line (白条开通). The source gives only the ceiling,
 * 50,000 CNY (白条可用额度 最高5万), and what the assessment looks at (白条历史使用记录、
 * 京东消费数据, §2); the figures below are this project's assumptions, deterministic from
 * the facts the issuer holds, and follow the source's user groups (§7):
 *
 * - base line by group: small-business owners 50,000 CNY (larger purchases, financial proof
 *   asked for); young professionals 30,000 (low overdue risk, 95% repay on time); students
 *   5,000 (high overdue risk);
 * - kept by age: 18–22 half, 23–45 all, 46–55 80% (the issuer's age limits are 18 to 55);
 * - rounded down to whole 100 CNY, never above the ceiling (maxCreditLineFen);
 * - a line under 500 CNY is not worth granting: declined.
 *
 * Eligibility (real-name level 3, age, no overdue debt, not frozen) is checked before this.
 */
import { yuan, type CreditPolicy } from '@cardweave/adapter-sdk';

export const jdFinanceCreditPolicy: CreditPolicy = {
  baseLineFenByGroup: {
    SMALL_BUSINESS_OWNER: yuan(50_000),
    YOUNG_PROFESSIONAL: yuan(30_000),
    STUDENT: yuan(5_000),
  },
  ageBands: [
    { fromAge: 18, toAge: 22, percent: 50 },
    { fromAge: 23, toAge: 45, percent: 100 },
    { fromAge: 46, toAge: 55, percent: 80 },
  ],
  stepFen: yuan(100),
  minimumLineFen: yuan(500),
};
