/**
 * Push provisioning through the gateway: the issuer hands the card to the wallet as an opaque,
 * single-use reference, the wallet redeems it with the issuer, and the binding appears in the
 * card view with the method PUSH_PROVISIONING. The card number crosses no API: not in the
 * request, not in the answer, not in any log line; the issuer keeps only the reference's hash.
 */
import { setLogSink } from '@cardweave/service-kit';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';

const PROVISION = `mutation Provision($input: ProvisionCardInput!) {
  provisionCardToWallet(input: $input) {
    ok
    binding { id verificationMethod status walletPlatform { id } card { id maskedNumber } }
    error { code platform remedy }
  }
}`;
const CARD_VIEW = `query($id: ID!) { card(id: $id) { walletBindings { id verificationMethod walletPlatform { id } } } }`;

interface ProvisionResult {
  ok: boolean;
  binding: {
    id: string;
    verificationMethod: string;
    status: string;
    walletPlatform: { id: string };
    card: { id: string; maskedNumber: string };
  } | null;
  error: { code: string; platform: string; remedy: string } | null;
}

const lines: string[] = [];
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false });
  setLogSink((line) => lines.push(line));
});

afterAll(async () => {
  await system?.stop();
});

async function unboundCard() {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1, bound: false });
  return { ...customer, cardId: customer.cardIds[0], pan: customer.pans[0] };
}

async function provision(who: string, input: Record<string, unknown>) {
  const response = await fetch(system.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${system.token(who)}` },
    body: JSON.stringify({ query: PROVISION, variables: { input } }),
  });
  const text = await response.text();
  return {
    text,
    ...(JSON.parse(text) as { data?: { provisionCardToWallet: ProvisionResult }; errors?: Array<{ extensions?: { code?: string } }> }),
  };
}

describe('pushing a card from the issuer into a wallet', () => {
  it('binds with PUSH_PROVISIONING, shows it in the card view, and the number crosses no API nor log', async () => {
    const card = await unboundCard();
    const from = lines.length;
    const first = await provision(card.customerId, {
      idempotencyKey: 'push-card-0001',
      cardId: card.cardId,
      walletPlatform: 'unionpay-quickpass',
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.provisionCardToWallet).toMatchObject({
      ok: true,
      error: null,
      binding: {
        verificationMethod: 'PUSH_PROVISIONING',
        status: 'ACTIVE',
        walletPlatform: { id: 'unionpay-quickpass' },
        card: { id: card.cardId },
      },
    });
    // The answer shows the masked number only.
    expect(first.text).not.toContain(card.pan);
    expect(first.text).not.toContain(card.pan.slice(6));

    const view = await system.queryAs<{
      card: { walletBindings: Array<{ id: string; verificationMethod: string; walletPlatform: { id: string } }> };
    }>(system.token(card.customerId), CARD_VIEW, { id: card.cardId });
    expect(view.data!.card.walletBindings).toEqual([
      {
        id: first.data!.provisionCardToWallet.binding!.id,
        verificationMethod: 'PUSH_PROVISIONING',
        walletPlatform: { id: 'unionpay-quickpass' },
      },
    ]);

    // The issuer minted one reference for this wallet and it was redeemed; only its hash is kept.
    const references = (await system.issuer.database.dataSource.query(
      `SELECT wallet_platform AS "walletPlatform", reference_hash AS "referenceHash", redeemed_at AS "redeemedAt", expires_at - created_at AS ttl
       FROM issuer.provisioning_references WHERE card_id = $1`,
      [card.cardId],
    )) as Array<{ walletPlatform: string; referenceHash: string; redeemedAt: Date | null }>;
    expect(references).toHaveLength(1);
    expect(references[0]).toMatchObject({ walletPlatform: 'unionpay-quickpass', redeemedAt: expect.anything() });
    expect(references[0].referenceHash).toMatch(/^[0-9a-f]{64}$/);

    // Every line logged meanwhile (gateway, wallet, issuer) is free of the number.
    const logged = lines.slice(from);
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) {
      expect(line).not.toContain(card.pan);
      expect(line).not.toContain(card.pan.slice(6));
    }

    // The same key replays the binding; nothing is minted again.
    const again = await provision(card.customerId, {
      idempotencyKey: 'push-card-0001',
      cardId: card.cardId,
      walletPlatform: 'unionpay-quickpass',
    });
    expect(again.data!.provisionCardToWallet.binding!.id).toBe(first.data!.provisionCardToWallet.binding!.id);
    const count = (await system.issuer.database.dataSource.query(
      `SELECT count(*)::int AS n FROM issuer.provisioning_references WHERE card_id = $1`,
      [card.cardId],
    )) as Array<{ n: number }>;
    expect(count[0].n).toBe(1);
  });

  it('is the holder’s own: another customer gets NOT_FOUND, an operator FORBIDDEN, and nothing is minted', async () => {
    const card = await unboundCard();
    const stranger = await unboundCard();
    const asStranger = await provision(stranger.customerId, {
      idempotencyKey: 'push-card-0002',
      cardId: card.cardId,
      walletPlatform: 'wechat-pay',
    });
    expect(asStranger.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const asOperator = await provision('operator', { idempotencyKey: 'push-card-0003', cardId: card.cardId, walletPlatform: 'wechat-pay' });
    expect(asOperator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const minted = (await system.issuer.database.dataSource.query(
      `SELECT count(*)::int AS n FROM issuer.provisioning_references WHERE card_id = $1`,
      [card.cardId],
    )) as Array<{ n: number }>;
    expect(minted[0].n).toBe(0);
  });

  it('declines a device the wallet cannot pay with before anything is minted', async () => {
    const card = await unboundCard();
    const pc = await provision(card.customerId, {
      idempotencyKey: 'push-card-0004',
      cardId: card.cardId,
      walletPlatform: 'wechat-pay',
      device: { os: 'WINDOWS', hasNfc: false, hasCamera: false },
    });
    expect(pc.data!.provisionCardToWallet).toEqual({
      ok: false,
      binding: null,
      error: { code: 'DEVICE_NOT_SUPPORTED', platform: 'wechat-pay', remedy: 'PAY_BY_QR_CODE' },
    });
  });
});
