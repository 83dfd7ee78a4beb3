/** Which domain events a customer's activity shows, and as what (the schema's ActivityEventType). */
import type { DomainEventType } from '@cardweave/subgraph-kit';
import type { ActivityEventType } from '../generated/resolvers-types';

const ACTIVITY_TYPES: Record<DomainEventType, ActivityEventType> = {
  'payment.approved': 'PAYMENT_APPROVED',
  'payment.declined': 'PAYMENT_DECLINED',
  'payment.reversed': 'PAYMENT_REVERSED',
  'binding.added': 'BINDING_ADDED',
  'binding.removed': 'BINDING_REMOVED',
  'repayment.posted': 'REPAYMENT_POSTED',
  'statement.issued': 'STATEMENT_ISSUED',
  'bill.overdue': 'BILL_OVERDUE',
  'penalty.posted': 'PENALTY_POSTED',
  'card.issued': 'CARD_ISSUED',
  'card.locked': 'CARD_LOCKED',
  'card.unlocked': 'CARD_UNLOCKED',
  'customer.frozen': 'CUSTOMER_FROZEN',
  'customer.unfrozen': 'CUSTOMER_UNFROZEN',
  'limit.nearly_used': 'LIMIT_NEARLY_USED',
};

/** The activity type of an event, or null for a kind this version does not show. */
export function activityTypeOf(type: string): ActivityEventType | null {
  return Object.prototype.hasOwnProperty.call(ACTIVITY_TYPES, type) ? ACTIVITY_TYPES[type as DomainEventType] : null;
}
