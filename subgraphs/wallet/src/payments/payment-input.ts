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

function invalid(field: string, message: string): GraphQLError {
  return graphqlError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

export function validatePayInput(input: PayInput): PayInput {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(input.idempotencyKey)) {
    throw invalid('idempotencyKey', '8 to 64 letters, digits, - or _');
  }
  if (input.amountFen <= 0n) throw invalid('amountFen', 'must be more than 0 fen');
  if (input.amountFen > MAX_PAYMENT_FEN) throw invalid('amountFen', `must be at most ${MAX_PAYMENT_FEN} fen`);
  const merchantName = input.merchantName.normalize('NFC').trim();
  // Control and bidirectional-override characters could disguise a merchant on a statement.
  if (merchantName.length === 0 || merchantName.length > 64 || /[\p{Cc}\p{Cf}]/u.test(merchantName)) {
    throw invalid('merchantName', '1 to 64 printable characters');
  }
  if (!/^\d{4}$/.test(input.merchantCategoryCode)) throw invalid('merchantCategoryCode', 'four digits (ISO 18245)');
  return { ...input, merchantName };
}
