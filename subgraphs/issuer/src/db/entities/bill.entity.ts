import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '@cardweave/subgraph-kit';

/**
 * A closed billing cycle of a credit line. Its status is derived from amounts and dates.
 * total_due_fen is the cycle's purchases (the bill's principal); penalties_fen and
 * repayments_fen are the penalties and repayments posted in the cycle (its items), whichever
 * bill they went to; balance_fen is what the line owed at the close.
 */
@Entity({ name: 'bills' })
export class BillEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'credit_line_id', type: 'uuid' })
  creditLineId!: string;

  @Column({ name: 'cycle_start', type: 'date' })
  cycleStart!: string;

  @Column({ name: 'cycle_end', type: 'date' })
  cycleEnd!: string;

  @Column({ name: 'statement_date', type: 'date' })
  statementDate!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ name: 'total_due_fen', type: 'bigint', transformer: fenColumn })
  totalDueFen!: bigint;

  @Column({ name: 'minimum_due_fen', type: 'bigint', transformer: fenColumn })
  minimumDueFen!: bigint;

  @Column({ name: 'paid_fen', type: 'bigint', transformer: fenColumn })
  paidFen!: bigint;

  /** Penalty posted so far; the statement job posts it once per overdue day. */
  @Column({ name: 'penalty_accrued_fen', type: 'bigint', transformer: fenColumn })
  penaltyAccruedFen!: bigint;

  /** The part of paid_fen that went to penalty; the rest of paid_fen repaid principal. */
  @Column({ name: 'penalty_paid_fen', type: 'bigint', transformer: fenColumn, default: 0 })
  penaltyPaidFen?: bigint;

  /**
   * Repaid by the end of the due date (Asia/Shanghai). Less than the minimum makes the bill
   * overdue from the next day until it is repaid in full; later repayments do not change it.
   */
  @Column({ name: 'paid_by_due_fen', type: 'bigint', transformer: fenColumn, default: 0 })
  paidByDueFen?: bigint;

  /** Penalty posted in the cycle (its PENALTY items), on whichever bill was overdue. */
  @Column({ name: 'penalties_fen', type: 'bigint', transformer: fenColumn, default: 0 })
  penaltiesFen?: bigint;

  /** Repayments taken in the cycle (its REPAYMENT items), however they were allocated. */
  @Column({ name: 'repayments_fen', type: 'bigint', transformer: fenColumn, default: 0 })
  repaymentsFen?: bigint;

  /** What the line owed at the close: the previous balance plus purchases and penalties, less repayments. */
  @Column({ name: 'balance_fen', type: 'bigint', transformer: fenColumn, default: 0 })
  balanceFen?: bigint;
}
