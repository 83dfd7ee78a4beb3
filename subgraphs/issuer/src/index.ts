/**
 * @cardweave/issuer-subgraph: the issuer's part of the graph (customers, credit lines,
 * cards, bills, repayments). Its process entry is src/main.ts; what others use is here:
 * starting it, its database (schema, entities, migrations) for the demo data and the
 * tests, the card-number vault, the statement job and the program's calendar dates.
 */
export { ISSUER_SCHEMA_FILE, startIssuerSubgraph, type IssuerSubgraph, type IssuerSubgraphOptions } from './issuer-subgraph';
export { ISSUER_SCHEMA, issuerEntities, issuerMigrations } from './db/issuer-database';
export { BillItemEntity } from './db/entities/bill-item.entity';
export { BillEntity } from './db/entities/bill.entity';
export { CardEntity } from './db/entities/card.entity';
export { CreditLineEntity } from './db/entities/credit-line.entity';
export { CustomerEntity } from './db/entities/customer.entity';
export { PanVault } from './card-number/pan-vault';
// The issuer's hop of a payment, for tests that check its books leg by leg (a reversal's give-back).
export { IssuerAuthorizations } from './payments/issuer-authorization';
export { runStatementJob, type StatementRunModel } from './statements/statement-job';
export { addDays, isoDateOf, programDateOf } from './domain/calendar-dates';
