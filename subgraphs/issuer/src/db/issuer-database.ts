/** The issuer's tables and migrations, listed explicitly. */
import { BillItemEntity } from './entities/bill-item.entity';
import { BillEntity } from './entities/bill.entity';
import { CardEntity } from './entities/card.entity';
import { CreditLineEntity } from './entities/credit-line.entity';
import { CustomerEntity } from './entities/customer.entity';
import { CreateIssuerTables1764115200000 } from './migrations/1764115200000-CreateIssuerTables';
import { CreatePaymentAuthorizations1764116000000 } from './migrations/1764116000000-CreatePaymentAuthorizations';
import { AddLifecycleTables1764979200000 } from './migrations/1764979200000-AddLifecycleTables';

export const ISSUER_SCHEMA = 'issuer';
export const issuerEntities = [CustomerEntity, CreditLineEntity, CardEntity, BillEntity, BillItemEntity];
export const issuerMigrations = [
  CreateIssuerTables1764115200000,
  CreatePaymentAuthorizations1764116000000,
  AddLifecycleTables1764979200000,
];
