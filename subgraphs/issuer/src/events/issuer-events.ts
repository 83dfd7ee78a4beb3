/**
 * The issuer's domain events, in its own outbox (issuer.event_outbox), each written in the
 * transaction of its change. A payment's events are the wallet's, which settles the chain.
 */
import { EventOutbox, maskCardNumber, type SqlRunner } from '@cardweave/subgraph-kit';
import type { CardEntity } from '../db/entities/card.entity';
import { ISSUER_SCHEMA } from '../db/issuer-database';

export function issuerEventOutbox(now: () => Date): EventOutbox {
  return new EventOutbox(ISSUER_SCHEMA, now);
}

/** A card's lock state changed by its holder. */
export async function recordCardLockChange(
  events: EventOutbox,
  m: SqlRunner,
  card: Pick<CardEntity, 'id' | 'customerId' | 'issuerPlatform' | 'last4'>,
  target: 'LOCKED' | 'ACTIVE',
): Promise<void> {
  await events.record(m, {
    type: target === 'LOCKED' ? 'card.locked' : 'card.unlocked',
    customerId: card.customerId,
    cardId: card.id,
    platform: card.issuerPlatform,
    payload: { maskedCardNumber: maskCardNumber(card.last4) },
  });
}

/** The issuer froze a customer pending review, or released them; the reason stays with the operators. */
export async function recordCustomerStatusChange(
  events: EventOutbox,
  m: SqlRunner,
  customerId: string,
  platform: string,
  target: 'FROZEN' | 'ACTIVE',
): Promise<void> {
  await events.record(m, { type: target === 'FROZEN' ? 'customer.frozen' : 'customer.unfrozen', customerId, platform });
}

/**
 * A repayment taken on the customer's credit line. The line is the customer's, shared by their
 * cards, so the event names no card (it is ordered with the customer's other events).
 */
export async function recordRepaymentPosted(
  events: EventOutbox,
  m: SqlRunner,
  repayment: { id: string; customerId: string; platform: string; amountFen: bigint; principalFen: bigint; penaltyFen: bigint },
): Promise<void> {
  await events.record(m, {
    type: 'repayment.posted',
    customerId: repayment.customerId,
    platform: repayment.platform,
    payload: {
      repaymentId: repayment.id,
      amountFen: repayment.amountFen.toString(),
      principalFen: repayment.principalFen.toString(),
      penaltyFen: repayment.penaltyFen.toString(),
    },
  });
}

/** The credit line a statement-job event is about: the customer's, on its issuer. */
export interface LineOfEvent {
  id: string;
  customerId: string;
  issuerPlatform: string;
}

/** A finished cycle closed into its bill. */
export async function recordStatementIssued(
  events: EventOutbox,
  m: SqlRunner,
  line: LineOfEvent,
  bill: { id: string; statementDate: string; dueDate: string; totalDueFen: bigint; minimumDueFen: bigint; balanceFen: bigint },
): Promise<void> {
  await events.record(m, {
    type: 'statement.issued',
    customerId: line.customerId,
    platform: line.issuerPlatform,
    payload: {
      billId: bill.id,
      statementDate: bill.statementDate,
      dueDate: bill.dueDate,
      totalDueFen: bill.totalDueFen.toString(),
      minimumDueFen: bill.minimumDueFen.toString(),
      balanceFen: bill.balanceFen.toString(),
    },
  });
}

/** A bill found past its due date with less than its minimum repaid by then. */
export async function recordBillOverdue(
  events: EventOutbox,
  m: SqlRunner,
  line: LineOfEvent,
  bill: { id: string; dueDate: string; minimumDueFen: bigint; outstandingFen: bigint },
): Promise<void> {
  await events.record(m, {
    type: 'bill.overdue',
    customerId: line.customerId,
    platform: line.issuerPlatform,
    payload: {
      billId: bill.id,
      dueDate: bill.dueDate,
      minimumDueFen: bill.minimumDueFen.toString(),
      outstandingFen: bill.outstandingFen.toString(),
    },
  });
}

/** One overdue day's penalty posted on a bill (each day once). */
export async function recordPenaltyPosted(
  events: EventOutbox,
  m: SqlRunner,
  line: LineOfEvent,
  posting: { billId: string; accrualDate: string; principalFen: bigint; amountFen: bigint },
): Promise<void> {
  await events.record(m, {
    type: 'penalty.posted',
    customerId: line.customerId,
    platform: line.issuerPlatform,
    payload: {
      billId: posting.billId,
      accrualDate: posting.accrualDate,
      principalFen: posting.principalFen.toString(),
      amountFen: posting.amountFen.toString(),
    },
  });
}

/** A card issued to its holder: the masked number only, never the number the vault keeps. */
export async function recordCardIssued(
  events: EventOutbox,
  m: SqlRunner,
  card: Pick<CardEntity, 'id' | 'customerId' | 'issuerPlatform' | 'last4' | 'network'>,
): Promise<void> {
  await events.record(m, {
    type: 'card.issued',
    customerId: card.customerId,
    cardId: card.id,
    platform: card.issuerPlatform,
    payload: { maskedCardNumber: maskCardNumber(card.last4), network: card.network },
  });
}
