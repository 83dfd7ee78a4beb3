/**
 * @cardweave/subgraph-kit: what only the subgraphs share. The subgraph server and the
 * runtime that opens a subgraph's database and serves it, the database helpers, the
 * GraphQL models every subgraph schema shares (schema/common.graphql), limits, idempotency,
 * eligibility and the payment hops between siblings.
 */
export { CardOwnerDirectory, cardOwnerRoutes } from './auth/card-owners';
export {
  byIdLoader,
  countLoader,
  groupedLoader,
  groupedWithParentLoader,
  hydrate,
  pagedLoader,
  type JoinedParent,
  type PagedSpec,
  type PageKey,
} from './db/batched-queries';
export { fenColumn, openSubgraphDatabase, type SubgraphDatabase, type SubgraphDatabaseOptions } from './db/data-source';
export { hydrateRows, returnedRows, type SqlRunner } from './db/sql';
export { localDatabasePassword, startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './db/embedded-postgres';
export {
  assertPublishable,
  DOMAIN_EVENT_TYPES,
  maskCardNumber,
  toMessage,
  type DomainEvent,
  type DomainEventMessage,
  type DomainEventType,
  type EventPayload,
  type NewDomainEvent,
} from './events/domain-event';
export { createEventOutboxSql, eventOutboxMigration, EventOutbox, recordEvent } from './events/event-outbox';
export { OutboxRelay, type EventSink, type OutboxRelayOptions } from './events/outbox-relay';
export { InProcessEventBus, type EventListener } from './events/in-process-bus';
export { notifyChannel, OutboxSignal, outboxSignal } from './events/outbox-signal';
export { OutboxFeed, ResumePointNotKept, type FeedFilter, type FeedSubscription, type OutboxFeedOptions } from './events/outbox-feed';
export {
  DEFAULT_EVENT_STREAM,
  DEFAULT_EVENT_SUBJECT_PREFIX,
  ensureStream,
  EVENT_STREAM_MAX_AGE_MS,
  JetStreamSink,
  type JetStreamSinkOptions,
} from './events/jetstream-sink';
export { startEventRelay, withEventRelay, type EventRelayOptions, type RunningEventRelay } from './events/event-relay-runtime';
export {
  createEventInboxSql,
  EVENT_INBOX_TABLE,
  eventInboxMigration,
  isEventMessage,
  lastStoredSequence,
  storeReceivedEvent,
  trimEventInbox,
} from './events/event-inbox';
export {
  RETENTION_BATCH,
  retentionCutoff,
  startOutboxRetention,
  startRetentionJob,
  trimPublishedOutbox,
  type RetentionJobOptions,
  type RunningRetentionJob,
} from './events/event-retention';
export { startEventInbox, type EventInboxOptions, type RunningEventInbox } from './events/event-inbox-consumer';
export {
  platformEligibility,
  type DeviceQuestion,
  type EligibilityReasonModel,
  type PlatformEligibilityModel,
} from './eligibility/platform-eligibility';
export {
  canPayInShops,
  deviceDecline,
  deviceSupportModels,
  parseDevice,
  paymentMethodsOn,
  type Device,
  type DeviceInputShape,
  type DeviceSupportModel,
  type PaymentMethod,
} from './eligibility/device-eligibility';
export { canonicalErrorModel, canonicalErrorResolvers, fieldErrorModels, type CanonicalErrorModel } from './graphql/canonical-error';
export { declineFor } from './graphql/decline';
export type { EntityRef } from './graphql/entity-ref';
export { requiredPartMissing, type SubgraphName } from './graphql/required-part';
export { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageSize, toConnection, type Connection, type Keyset } from './graphql/pagination';
export { localized, platformById, platformOf, type LocalizedTextModel, type PlatformModel } from './graphql/platform';
export { DateScalar, DateTimeScalar, FenScalar, scalarResolvers } from './graphql/scalars';
export {
  createIdempotencyTableSql,
  IdempotencyKeys,
  scopeIdempotencyKeysByCustomerSql,
  UNATTRIBUTED_CUSTOMER,
  type Claim,
  type IdempotencyScope,
} from './idempotency/idempotency-keys';
export { customerScopedStore } from './idempotency/customer-scoped-store';
export {
  releaseLimits,
  reservedWindowsNow,
  reserveLimits,
  type Reservation,
  type ReservationOutcome,
  type ReservedWindow,
} from './limits/limit-reservation';
export {
  createLimitAlertsSql,
  LIMIT_ALERT_PERCENT,
  limitAlertsMigration,
  nearlyUsed,
  recordLimitAlerts,
  type LimitAlertSubject,
} from './limits/limit-alerts';
export {
  amountLimitStatus,
  bindingRule,
  limitStatusFromRepresentation,
  limitStatusId,
  type LimitSubject,
  type LimitStatusModel,
  type WindowUsage,
} from './limits/limit-status';
export { createLimitUsageTableSql, usageLoader, type UsageByWindow } from './limits/limit-usage';
export { parsePaymentDescriptor, type HopOutcome, type PaymentDescriptor, type ReversalOutcome } from './payments/payment-hop';
export { paymentRoutes, type PaymentHop } from './payments/payment-routes';
export { settledWithin } from './payments/hop-budget';
export { HopUnavailable, SiblingClient, type RequestSigner, type SiblingClientOptions } from './payments/sibling-client';
export { enforcePermissions } from './server/permission-guard';
export { openSubgraphStore, serveSubgraph, siblingClient, type ServedSubgraph } from './server/subgraph-runtime';
export {
  COMMON_SCHEMA_FILE,
  startSubgraphServer,
  subgraphSdl,
  type InternalRoute,
  type RequestCaller,
  type RunningSubgraph,
  type SubgraphServerOptions,
} from './server/subgraph-server';
