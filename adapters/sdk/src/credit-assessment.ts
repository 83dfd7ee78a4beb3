/**
 * A credit line's size from an issuer adapter's declared policy and the applicant's facts,
 * so the issuer subgraph grants a line without knowing any platform's numbers. The
 * assessment is deterministic: the same facts always give the same line, and every factor
 * that shaped it is named, so a client can show why the line is what it is.
 */
import type { Fen } from './money';

/** The share of the base line kept for applicants of an age band (whole years, both ends included). */
export interface CreditAgeBand {
  fromAge: number;
  toAge: number;
  /** Whole percent, 0 to 100. */
  percent: number;
}

/** How an issuer sizes a new credit line; part of its IssuerTerms. */
export interface CreditPolicy {
  /** The line before adjustments for each user group (YOUNG_PROFESSIONAL, …), in fen. */
  baseLineFenByGroup: Record<string, Fen>;
  /** Applicants of an age outside every band get no line. */
  ageBands: CreditAgeBand[];
  /** Lines are granted in whole steps of this many fen, rounded down. */
  stepFen: Fen;
  /** The smallest line worth granting; an assessment below it declines. */
  minimumLineFen: Fen;
}

export interface CreditApplicantFacts {
  /** Age in full years (Asia/Shanghai). */
  age: number;
  userGroup: string;
}

export type CreditFactor = 'BASE_LINE' | 'AGE_BAND' | 'MAX_CREDIT_LINE' | 'BELOW_MINIMUM_LINE' | 'NO_POLICY_FOR_GROUP' | 'NO_AGE_BAND';

export interface CreditAssessment {
  approved: boolean;
  /** The line granted, in fen; 0 when declined. */
  limitFen: Fen;
  /** Every factor that shaped the line (approved) or declined it, in the order applied. */
  factors: Array<{ factor: CreditFactor; amountFen: Fen; percent?: number }>;
}

export function assessCredit(policy: CreditPolicy, maxCreditLineFen: Fen, facts: CreditApplicantFacts): CreditAssessment {
  const base = policy.baseLineFenByGroup[facts.userGroup];
  if (base === undefined) return { approved: false, limitFen: 0n, factors: [{ factor: 'NO_POLICY_FOR_GROUP', amountFen: 0n }] };
  const factors: CreditAssessment['factors'] = [{ factor: 'BASE_LINE', amountFen: base }];
  const band = policy.ageBands.find((b) => facts.age >= b.fromAge && facts.age <= b.toAge);
  if (!band) return { approved: false, limitFen: 0n, factors: [...factors, { factor: 'NO_AGE_BAND', amountFen: 0n }] };
  // Integer fen throughout: the percentage is applied then rounded down to the step.
  let line = (base * BigInt(band.percent)) / 100n;
  line -= line % policy.stepFen;
  factors.push({ factor: 'AGE_BAND', amountFen: line, percent: band.percent });
  if (line > maxCreditLineFen) {
    line = maxCreditLineFen;
    factors.push({ factor: 'MAX_CREDIT_LINE', amountFen: line });
  }
  if (line < policy.minimumLineFen) {
    factors.push({ factor: 'BELOW_MINIMUM_LINE', amountFen: policy.minimumLineFen });
    return { approved: false, limitFen: 0n, factors };
  }
  return { approved: true, limitFen: line, factors };
}
