/** The card holder's controls through the gateway: lock, unlock, unbind, spending controls, and the card as the holder sees it. */
import { randomUUID } from 'node:crypto';
import type { TestSystem } from '../support/test-system';

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }> | undefined;

export interface Decline {
  code: string;
  platform: string;
  platformMessage: string;
  decision: string;
  remedy: string;
  limitRuleId: string | null;
  limitWindow: string | null;
  message: { zhCN: string; en: string };
}

export interface Rule {
  ruleId: string;
  platform: { id: string };
  window: string;
  limitFen: number;
  usedFen: number;
  remainingFen: number;
  blockedCode: string | null;
}

export interface CardView {
  status: string;
  spendingControls: {
    perPaymentFen: number | null;
    dailyFen: number | null;
    monthlyFen: number | null;
    blockedMerchantCategories: string[];
  };
  holderLimits: Rule[];
  walletBindings: Array<{ id: string; status: string }>;
  payableNow: Array<{ binding: { id: string }; amountFen: number; bindingRule: Rule; rules: Rule[] }>;
}

const RULE = 'ruleId platform { id } window limitFen usedFen remainingFen blockedCode';

const CARD = `query Card($id: ID!) {
  card(id: $id) {
    status
    spendingControls { perPaymentFen dailyFen monthlyFen blockedMerchantCategories }
    holderLimits { ${RULE} }
    walletBindings { id status }
    payableNow { binding { id } amountFen bindingRule { ${RULE} } rules { ${RULE} } }
  }
}`;

const PAY = `mutation Pay($input: PayInput!) {
  pay(input: $input) {
    ok
    error { code platform platformMessage decision remedy limitRuleId limitWindow message { zhCN en } }
  }
}`;

const LOCK_RESULT = 'ok changed error { code platform decision remedy } card { id status }';

export function holderClient(system: TestSystem, customerId: string) {
  const token = system.token(customerId);
  const send = <T>(query: string, variables: Record<string, unknown>) => system.queryAs<T>(token, query, variables);
  return {
    async card(cardId: string): Promise<CardView> {
      const { data, errors } = await send<{ card: CardView }>(CARD, { id: cardId });
      expect(errors).toBeUndefined();
      return data!.card;
    },
    async pay(bindingId: string, amountFen: number, merchantCategoryCode = '5411'): Promise<{ ok: boolean; error: Decline | null }> {
      const { data, errors } = await send<{ pay: { ok: boolean; error: Decline | null } }>(PAY, {
        input: { idempotencyKey: `holder-${randomUUID()}`, bindingId, amountFen, merchantName: '永辉超市', merchantCategoryCode },
      });
      expect(errors).toBeUndefined();
      return data!.pay;
    },
    lockCard: (cardId: string) =>
      send<{ lockCard: { ok: boolean; changed: boolean; error: Decline | null; card: { status: string } } }>(
        `mutation($cardId: ID!) { lockCard(cardId: $cardId) { ${LOCK_RESULT} } }`,
        { cardId },
      ),
    unlockCard: (cardId: string) =>
      send<{ unlockCard: { ok: boolean; changed: boolean; error: Decline | null; card: { status: string } } }>(
        `mutation($cardId: ID!) { unlockCard(cardId: $cardId) { ${LOCK_RESULT} } }`,
        { cardId },
      ),
    removeWalletBinding: (bindingId: string) =>
      send<{ removeWalletBinding: { ok: boolean; changed: boolean; binding: { id: string; status: string } } }>(
        `mutation($bindingId: ID!) { removeWalletBinding(bindingId: $bindingId) { ok changed binding { id status } } }`,
        { bindingId },
      ),
    setSpendingControls: (cardId: string, input: Record<string, unknown>) =>
      send<{ setSpendingControls: { ok: boolean; card: { spendingControls: CardView['spendingControls'] } } }>(
        `mutation($cardId: ID!, $input: SpendingControlsInput!) {
          setSpendingControls(cardId: $cardId, input: $input) {
            ok card { spendingControls { perPaymentFen dailyFen monthlyFen blockedMerchantCategories } }
          }
        }`,
        { cardId, input },
      ),
  };
}

export function codesOf(errors: Errors): unknown[] {
  return (errors ?? []).map((e) => e.extensions?.code);
}
