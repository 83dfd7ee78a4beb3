/** The words of a credit decision's factors (amounts in CNY, from whole fen). */
import type { CreditAssessment, PlatformAdapter } from '@cardweave/adapter-sdk';
import type { CreditDecisionReasonModel } from './credit-line-application';
import { platformDecline } from '../lifecycle/issuer-declines';

type Factor = CreditAssessment['factors'][number];

/** 3000000 fen → "30,000"; 123456 → "1,234.56". */
function yuanText(fen: bigint): string {
  const whole = (fen / 100n).toLocaleString('en-US');
  const cents = fen % 100n;
  return cents === 0n ? whole : `${whole}.${cents.toString().padStart(2, '0')}`;
}

export function creditFactorMessage(f: Factor): { zhCN: string; en: string } {
  const cny = yuanText(f.amountFen);
  switch (f.factor) {
    case 'BASE_LINE':
      return { zhCN: `所属用户群体的基础额度 ${cny} 元`, en: `The base line of the customer's user group: ${cny} CNY` };
    case 'AGE_BAND':
      return { zhCN: `按年龄保留 ${f.percent}%，为 ${cny} 元`, en: `${f.percent}% kept at the customer's age: ${cny} CNY` };
    case 'MAX_CREDIT_LINE':
      return { zhCN: `不超过最高额度 ${cny} 元`, en: `Capped at the largest line, ${cny} CNY` };
    case 'BELOW_MINIMUM_LINE':
      return { zhCN: `评估额度低于最低授信额度 ${cny} 元`, en: `The assessed line is below the smallest line granted, ${cny} CNY` };
    case 'NO_POLICY_FOR_GROUP':
      return { zhCN: '该用户群体暂不授信', en: "The issuer grants no line to the customer's user group" };
    case 'NO_AGE_BAND':
      return { zhCN: '该年龄暂不授信', en: "The issuer grants no line at the customer's age" };
  }
}

/** A freeze the eligibility read did not see yet (made since): the issuer's own refusal. */
export function frozenReason(adapter: PlatformAdapter): CreditDecisionReasonModel {
  const error = platformDecline(adapter, 'authorize', 'ACCOUNT_FROZEN', '账户已冻结');
  return { factor: 'ELIGIBILITY', rule: 'ACCOUNT_FROZEN', amountFen: null, percent: null, error, message: error.message };
}
