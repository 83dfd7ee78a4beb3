/** What both example clients share: the demo sign-in, money in words, and a decline told by its canonical code. */
import type { CanonicalErrorCode, PayMutation } from '../generated/operations';

/**
 * The gateway's demo sign-in (local runs only): a customer token for a customer id, as the card
 * page the gateway serves asks for it (hence its Origin). A real app asks its identity provider.
 */
export async function signIn(gatewayOrigin: string, customerId: string): Promise<string> {
  const response = await fetch(new URL('/web/sign-in', gatewayOrigin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(gatewayOrigin).origin },
    body: JSON.stringify({ customerId }),
  });
  if (!response.ok) throw new Error(`sign-in refused: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Whole fen as yuan, without floating point: 1234567 → "12345.67 CNY". */
export function cny(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = BigInt(Math.abs(fen));
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')} CNY`;
}

/** What the app does next, chosen by the canonical code alone: the same for every wallet and network. */
const NEXT_STEP: Partial<Record<CanonicalErrorCode, string>> = {
  LIMIT_EXCEEDED: 'offer a smaller amount',
  INSUFFICIENT_CREDIT: 'offer a smaller amount or repaying first',
  CARD_LOCKED: 'offer to unlock the card',
  OVERDUE_DEBT: 'offer to repay at the issuer',
  DUPLICATE_REQUEST: 'show the first result',
};

/** One line for a payment's answer: approved, or declined with its code, remedy, message and next step. */
export function describePayment(result: PayMutation['pay']): string {
  if (result.ok && result.payment) return `approved: payment ${result.payment.id}, ${result.payment.status}`;
  const error = result.error!;
  return `declined ${error.code} (${error.remedy}): ${error.message.en} → ${NEXT_STEP[error.code] ?? 'show the message'}`;
}
