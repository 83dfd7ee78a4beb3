/**
 * The wallet's tables and migrations, listed explicitly.
 *
 * Data access, one style (as in the issuer and clearing): SQL written out in a query module
 * per area (db/queries/<area>.queries.ts), typed functions the services call with the data
 * source or its transaction's manager; GraphQL fields read through the request's DataLoaders
 * (db/wallet-loaders.ts), whose batched SQL is @cardweave/subgraph-kit's, as are the limit
 * reservations and idempotency keys. No SQL and no repository calls outside db/. Not TypeORM
 * repositories: a payment's leg moves only by conditional UPDATEs (`WHERE status = ANY(…)
 * RETURNING`), a binding is inserted with `ON CONFLICT … DO NOTHING`, and the FOR SHARE lock
 * and the card view's statement count must stay visible in the SQL. The entities only
 * describe the rows (columns, fen transformers) that the SQL reads into them.
 */
import { eventInboxMigration, eventOutboxMigration, limitAlertsMigration } from '@cardweave/subgraph-kit';
import { CardBindingEntity } from './entities/card-binding.entity';
import { PaymentEntity } from './entities/payment.entity';
import { WalletAccountEntity } from './entities/wallet-account.entity';
import { CreateWalletTables1764115200001 } from './migrations/1764115200001-CreateWalletTables';
import { CreatePayments1764116000002 } from './migrations/1764116000002-CreatePayments';
import { ScopeIdempotencyKeysByCustomer1795910400001 } from './migrations/1795910400001-ScopeIdempotencyKeysByCustomer';
import { CreateWebhooks1796860800001 } from './migrations/1796860800001-CreateWebhooks';
import { SealWebhookSecretsAndEndEndpoints1796947200001 } from './migrations/1796947200001-SealWebhookSecretsAndEndEndpoints';
import { FanOutWebhooksFromEventInbox1797120000001 } from './migrations/1797120000001-FanOutWebhooksFromEventInbox';
import { IndexFinishedWebhookDeliveries1797206400001 } from './migrations/1797206400001-IndexFinishedWebhookDeliveries';

export const WALLET_SCHEMA = 'wallet';
export const walletEntities = [WalletAccountEntity, CardBindingEntity, PaymentEntity];
export const walletMigrations = [
  CreateWalletTables1764115200001,
  CreatePayments1764116000002,
  ScopeIdempotencyKeysByCustomer1795910400001,
  eventOutboxMigration(WALLET_SCHEMA),
  CreateWebhooks1796860800001,
  SealWebhookSecretsAndEndEndpoints1796947200001,
  eventInboxMigration(WALLET_SCHEMA),
  limitAlertsMigration(WALLET_SCHEMA),
  FanOutWebhooksFromEventInbox1797120000001,
  IndexFinishedWebhookDeliveries1797206400001,
];
