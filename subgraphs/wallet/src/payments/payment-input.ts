/** Checks a payment request field by field before anything is reserved or sent. */
import { GraphQLError } from 'graphql';
import { graphqlError } from '@cardweave/service-kit';

export interface PayInput {
  idempotencyKey: string;
  bindingId: string;
  amountFen: bigint;
  merchantName: string;
  merchantCategoryCode: string;
}

/** 1 million CNY: far above any seed platform's limit, far below anything that could overflow. */
export const MAX_PAYMENT_FEN = 100_000_000n;
/** The smallest payment: one fen. */
export const MIN_PAYMENT_FEN = 1n;

function invalid(field: string, message: string): GraphQLError {
  return graphqlError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

export function validatePayInput(input: PayInput): PayInput {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(input.idempotencyKey)) {
    throw invalid('idempotencyKey', '8 to 64 letters, digits, - or _');
  }
  if (input.amountFen < MIN_PAYMENT_FEN || input.amountFen > MAX_PAYMENT_FEN) {
    throw invalid('amountFen', `must be a whole number of fen from ${MIN_PAYMENT_FEN} to ${MAX_PAYMENT_FEN}; got ${input.amountFen}`);
  }
  const merchantName = input.merchantName.normalize('NFC').trim();
  // Control and bidirectional-override characters could disguise a merchant on a statement.
  if (merchantName.length === 0 || merchantName.length > 64 || /[\p{Cc}\p{Cf}]/u.test(merchantName)) {
    throw invalid('merchantName', '1 to 64 printable characters');
  }
  if (!/^\d{4}$/.test(input.merchantCategoryCode)) throw invalid('merchantCategoryCode', 'four digits (ISO 18245)');
  return { ...input, merchantName };
}
