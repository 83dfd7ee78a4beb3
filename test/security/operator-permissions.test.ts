/**
 * What an operator may do, through the gateway: freeze and unfreeze, run statements,
 * recover payments and read; never pay, bind, issue or repay on a customer's behalf. A
 * refusal is FORBIDDEN and changes nothing; a customer reaching for another customer's
 * binding still gets NOT_FOUND, as if it did not exist.
 */
import { randomUUID } from 'node:crypto';
import { insertCustomer, type FixtureCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf, PAY, type PayResponse } from '../payments/payment-support';

jest.setTimeout(120_000);

let system: TestSystem;
let customer: FixtureCustomer;
let other: FixtureCustomer;
let binding: string;
let operatorToken: string;

const payInput = (bindingId: string, amountFen = 1_000) => ({
  input: { idempotencyKey: `key-${randomUUID()}`, bindingId, amountFen, merchantName: '永辉超市', merchantCategoryCode: '5411' },
});
const REPAY = `mutation($input: RepayInput!) { repay(input: $input) { ok error { code } repayment { id } } }`;
const BIND = `mutation($input: BindCardInput!) { bindCard(input: $input) { ok error { code } binding { id } } }`;
const START = `mutation($input: StartCardIssuanceInput!) { startCardIssuance(input: $input) { ok error { code } issuance { id } } }`;
const FREEZE = `mutation($input: CustomerStatusInput!) { freezeCustomer(input: $input) { ok changed customer { status } } }`;
const UNFREEZE = `mutation($input: CustomerStatusInput!) { unfreezeCustomer(input: $input) { ok changed customer { status } } }`;

const paymentsOf = async (bindingId: string): Promise<number> =>
  (await system.wallet.database.dataSource.query(`SELECT count(*)::int AS n FROM wallet.payments WHERE binding_id = $1`, [bindingId]))[0].n;
const repaymentsOf = async (customerId: string): Promise<number> =>
  (
    await system.issuer.database.dataSource.query(
      `SELECT count(*)::int AS n FROM issuer.repayments r JOIN issuer.credit_lines l ON l.id = r.credit_line_id WHERE l.customer_id = $1`,
      [customerId],
    )
  )[0].n;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false });
  customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  other = await insertCustomer(system, { cards: 1, billItems: 1 });
  binding = (await bindingsOf(system, customer.cardIds[0])).find((b) => b.platform === 'wechat-pay')!.id;
  operatorToken = system.token('operator');
});
afterAll(() => system?.stop());

const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code;

describe('an operator and a customer’s money', () => {
  it('cannot pay with a customer’s binding: FORBIDDEN, and no payment is recorded', async () => {
    const result = await system.queryAs<{ pay: PayResponse | null }>(operatorToken, PAY, payInput(binding));
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(result.errors![0].message).toMatch(/operator/i);
    expect(result.data?.pay ?? null).toBeNull();
    expect(await paymentsOf(binding)).toBe(0);
  });

  it('cannot repay for a customer: FORBIDDEN, and no repayment is recorded', async () => {
    const result = await system.queryAs(operatorToken, REPAY, {
      input: { customerId: customer.customerId, amountFen: 100, idempotencyKey: `repay-${randomUUID().slice(0, 12)}` },
    });
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(await repaymentsOf(customer.customerId)).toBe(0);
  });

  it('cannot bind a customer’s card or start an issuance for them', async () => {
    const bind = await system.queryAs(operatorToken, BIND, {
      input: { idempotencyKey: `bind-${randomUUID().slice(0, 12)}`, cardId: customer.cardIds[0], walletPlatform: 'wechat-pay', fields: [] },
    });
    expect(codeOf(bind)).toBe('FORBIDDEN');
    const start = await system.queryAs(operatorToken, START, {
      input: { customerId: customer.customerId, idempotencyKey: `start-${randomUUID().slice(0, 12)}` },
    });
    expect(codeOf(start)).toBe('FORBIDDEN');
  });

  it('still freezes and unfreezes a customer', async () => {
    const input = (key: string) => ({
      input: { customerId: customer.customerId, reason: '人工审核', idempotencyKey: `${key}-${randomUUID().slice(0, 8)}` },
    });
    const frozen = await system.queryAs<{ freezeCustomer: { ok: boolean; customer: { status: string } } }>(
      operatorToken,
      FREEZE,
      input('freeze'),
    );
    expect(frozen.errors).toBeUndefined();
    expect(frozen.data!.freezeCustomer).toMatchObject({ ok: true, changed: true, customer: { status: 'FROZEN' } });
    const lifted = await system.queryAs<{ unfreezeCustomer: { ok: boolean } }>(operatorToken, UNFREEZE, input('unfreeze'));
    expect(lifted.errors).toBeUndefined();
    expect(lifted.data!.unfreezeCustomer).toMatchObject({ ok: true, changed: true, customer: { status: 'ACTIVE' } });
  });

  it('still reads the customer and recovers payments', async () => {
    const read = await system.queryAs<{ customer: { id: string } }>(operatorToken, `query($id: ID!) { customer(id: $id) { id } }`, {
      id: customer.customerId,
    });
    expect(read.data).toEqual({ customer: { id: customer.customerId } });
    const recovered = await system.queryAs(operatorToken, `mutation { recoverPayments(olderThanSeconds: 0) { stillOpen } }`);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data).toEqual({ recoverPayments: { stillOpen: 0 } });
  });
});

describe('a customer', () => {
  it('pays with their own binding', async () => {
    const result = await system.queryAs<{ pay: PayResponse }>(system.token(customer.customerId), PAY, payInput(binding));
    expect(result.errors).toBeUndefined();
    expect(result.data!.pay).toMatchObject({ ok: true, payment: { status: 'APPROVED' } });
    expect(await paymentsOf(binding)).toBe(1);
  });

  it('gets NOT_FOUND for another customer’s binding, and it is not charged', async () => {
    const result = await system.queryAs(system.token(other.customerId), PAY, payInput(binding));
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(await paymentsOf(binding)).toBe(1);
  });

  it('cannot run an operator’s mutation', async () => {
    const result = await system.queryAs(system.token(customer.customerId), `mutation { recoverPayments { stillOpen } }`);
    expect(codeOf(result)).toBe('FORBIDDEN');
  });
});
