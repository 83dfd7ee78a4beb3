/** The issuer's tables and migrations, listed explicitly. */
import { BillItemEntity } from './entities/bill-item.entity';
import { BillEntity } from './entities/bill.entity';
import { CardEntity } from './entities/card.entity';
import { CreditLineEntity } from './entities/credit-line.entity';
import { CustomerEntity } from './entities/customer.entity';
import { CreateIssuerTables1764115200000 } from './migrations/1764115200000-CreateIssuerTables';

export const ISSUER_SCHEMA = 'issuer';
export const issuerEntities = [CustomerEntity, CreditLineEntity, CardEntity, BillEntity, BillItemEntity];
export const issuerMigrations = [CreateIssuerTables1764115200000];
