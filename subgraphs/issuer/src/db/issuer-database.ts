/**
 * The issuer's tables and migrations, listed explicitly.
 *
 * Data access, one style: SQL written out in a query module per area (db/queries/<area>.queries.ts),
 * typed functions the domain code calls with the data source or its transaction's manager;
 * GraphQL fields read through the request's DataLoaders (db/issuer-loaders.ts), whose batched
 * SQL is @cardweave/subgraph-kit's. No SQL and no repository calls outside db/. Not TypeORM
 * repositories: the writes that matter are conditional (`UPDATE … WHERE used_fen + $2 <=
 * limit_fen RETURNING`, `ON CONFLICT DO NOTHING RETURNING`) and the locks (FOR UPDATE, FOR
 * SHARE) and the card view's statement count must stay visible in the SQL. The entities
 * only describe the rows (columns, fen transformers) that the SQL reads into them.
 */
import { eventOutboxMigration, limitAlertsMigration } from '@cardweave/subgraph-kit';
import { BillItemEntity } from './entities/bill-item.entity';
import { BillEntity } from './entities/bill.entity';
import { CardEntity } from './entities/card.entity';
import { CreditLineEntity } from './entities/credit-line.entity';
import { CustomerEntity } from './entities/customer.entity';
import { CreateIssuerTables1764115200000 } from './migrations/1764115200000-CreateIssuerTables';
import { CreatePaymentAuthorizations1764116000000 } from './migrations/1764116000000-CreatePaymentAuthorizations';
import { AddLifecycleTables1764979200000 } from './migrations/1764979200000-AddLifecycleTables';
import { ScopeIdempotencyKeysByCustomer1795910400000 } from './migrations/1795910400000-ScopeIdempotencyKeysByCustomer';
import { AddBillPaidByDueDate1796083200000 } from './migrations/1796083200000-AddBillPaidByDueDate';
import { PostPenaltiesAndRepaymentsAsBillItems1796169600000 } from './migrations/1796169600000-PostPenaltiesAndRepaymentsAsBillItems';
import { AddCustomerMobile1796256000000 } from './migrations/1796256000000-AddCustomerMobile';
import { AddCardReveals1796515200007 } from './migrations/1796515200007-AddCardReveals';
import { AddProvisioningReferences1796515200008 } from './migrations/1796515200008-AddProvisioningReferences';
import { AddIssuanceSmsCodes1796601600000 } from './migrations/1796601600000-AddIssuanceSmsCodes';
import { AddHolderControls1796342400000 } from './migrations/1796342400000-AddHolderControls';
import { AddBillOverdueRecorded1796860800000 } from './migrations/1796860800000-AddBillOverdueRecorded';

export const ISSUER_SCHEMA = 'issuer';
export const issuerEntities = [CustomerEntity, CreditLineEntity, CardEntity, BillEntity, BillItemEntity];
export const issuerMigrations = [
  CreateIssuerTables1764115200000,
  CreatePaymentAuthorizations1764116000000,
  AddLifecycleTables1764979200000,
  ScopeIdempotencyKeysByCustomer1795910400000,
  AddBillPaidByDueDate1796083200000,
  PostPenaltiesAndRepaymentsAsBillItems1796169600000,
  AddCustomerMobile1796256000000,
  AddCardReveals1796515200007,
  AddProvisioningReferences1796515200008,
  AddIssuanceSmsCodes1796601600000,
  AddHolderControls1796342400000,
  eventOutboxMigration(ISSUER_SCHEMA),
  AddBillOverdueRecorded1796860800000,
  limitAlertsMigration(ISSUER_SCHEMA),
];
