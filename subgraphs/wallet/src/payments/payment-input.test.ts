/** A payment's amount: the range the wallet enforces, and the same range stated in the public schema. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, type GraphQLInputObjectType } from 'graphql';
import { MAX_PAYMENT_FEN, MIN_PAYMENT_FEN, validatePayInput } from './payment-input';

const input = (amountFen: bigint) => ({
  idempotencyKey: 'pay-input-1',
  bindingId: 'b',
  amountFen,
  merchantName: 'M',
  merchantCategoryCode: '5411',
});

it('takes 1 to MAX_PAYMENT_FEN fen and refuses either side, saying the range and the amount', () => {
  expect(validatePayInput(input(MIN_PAYMENT_FEN)).amountFen).toBe(1n);
  expect(validatePayInput(input(MAX_PAYMENT_FEN)).amountFen).toBe(100_000_000n);
  expect(() => validatePayInput(input(0n))).toThrow('amountFen: must be a whole number of fen from 1 to 100000000; got 0');
  expect(() => validatePayInput(input(MAX_PAYMENT_FEN + 1n))).toThrow(
    'amountFen: must be a whole number of fen from 1 to 100000000; got 100000001',
  );
});

it('is stated in the public schema with the same constants', () => {
  const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../../../schema/public-api.graphql'), 'utf8'));
  const amount = (schema.getType('PayInput') as GraphQLInputObjectType).getFields().amountFen;
  expect(amount.description).toContain(`from ${MIN_PAYMENT_FEN} to ${MAX_PAYMENT_FEN}`);
});
