/**
 * Seeing the card through the gateway: the full number, expiry and CVV2 only after the payment
 * password, once, within 60 seconds, at most 3 times an hour per card (also when the requests
 * race: the count is taken in PostgreSQL under the card's lock, so it holds on the real server
 * with CARDWEAVE_TEST_DATABASE=postgres and across replicas), each reveal audited, the answer
 * sent with Cache-Control: no-store, and neither the number nor the CVV2, the password or the
 * token in any log line of the gateway or the subgraphs.
 */
import { setLogSink } from '@cardweave/service-kit';
import { insertCustomer, type FixtureCustomer } from '../support/card-fixtures';
import { MutableClock } from '../support/mutable-clock';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

const START = `mutation Start($input: StartCardRevealInput!) {
  startCardReveal(input: $input) { ok revealToken expiresAt error { code remedy retryAfterSeconds } fieldErrors { code field } }
}`;
const REVEAL = `mutation Reveal($input: RevealCardDetailsInput!) {
  revealCardDetails(input: $input) { ok details { cardNumber expiry cvv2 } error { code remedy } }
}`;
const PASSWORD = '246810';

interface Answer<T> {
  status: number;
  cacheControl: string | null;
  requestId: string | null;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}
interface StartResult {
  ok: boolean;
  revealToken: string | null;
  expiresAt: string | null;
  error: { code: string; remedy: string; retryAfterSeconds: number | null } | null;
  fieldErrors: Array<{ code: string; field: string }>;
}
interface RevealResult {
  ok: boolean;
  details: { cardNumber: string; expiry: string; cvv2: string } | null;
  error: { code: string; remedy: string } | null;
}

const clock = new MutableClock(TEST_NOW);
const lines: string[] = [];
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, clock });
  setLogSink((line) => lines.push(line));
});

afterAll(async () => {
  await system?.stop();
});

/** A raw request through the gateway, to see its headers. */
async function send<T>(token: string, query: string, variables: Record<string, unknown>): Promise<Answer<T>> {
  const response = await fetch(system.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Answer<T>['errors'] };
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    requestId: response.headers.get('x-request-id'),
    ...body,
  };
}

const start = (who: string, cardId: string, paymentPassword = PASSWORD) =>
  send<{ startCardReveal: StartResult }>(system.token(who), START, { input: { cardId, paymentPassword } });
const reveal = (who: string, cardId: string, revealToken: string) =>
  send<{ revealCardDetails: RevealResult }>(system.token(who), REVEAL, { input: { cardId, revealToken } });

async function cardOf(): Promise<FixtureCustomer & { cardId: string; pan: string; cvv2: string; expiry: string }> {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const [{ expiresOn }] = (await system.issuer.database.dataSource.query(
    `SELECT expires_on::text AS "expiresOn" FROM issuer.cards WHERE id = $1`,
    [customer.cardIds[0]],
  )) as Array<{ expiresOn: string }>;
  const [year, month] = expiresOn.split('-');
  return {
    ...customer,
    cardId: customer.cardIds[0],
    pan: customer.pans[0],
    cvv2: system.vault.cardVerificationValue(customer.pans[0], expiresOn),
    expiry: `${month}/${year.slice(2)}`,
  };
}

const auditOf = async (cardId: string) =>
  (await system.issuer.database.dataSource.query(
    `SELECT customer_id AS "customerId", actor_subject AS "actorSubject", started_request_id AS "startedRequestId",
            started_at AS "startedAt", expires_at AS "expiresAt", revealed_request_id AS "revealedRequestId", revealed_at AS "revealedAt"
     FROM issuer.card_reveals WHERE card_id = $1 ORDER BY started_at`,
    [cardId],
  )) as Array<Record<string, unknown>>;

describe('revealing a card', () => {
  afterEach(() => clock.set(TEST_NOW));

  it('shows nothing without the payment-password step: an unknown token and a malformed password are refused', async () => {
    const card = await cardOf();
    const guessed = await reveal(card.customerId, card.cardId, 'A'.repeat(43));
    expect(guessed.data!.revealCardDetails).toEqual({
      ok: false,
      details: null,
      error: { code: 'INVALID_TOKEN', remedy: 'REVERIFY_IDENTITY' },
    });
    const malformed = await start(card.customerId, card.cardId, '12ab');
    expect(malformed.data!.startCardReveal).toMatchObject({ ok: false, revealToken: null });
    expect(malformed.data!.startCardReveal.fieldErrors.map((e) => e.field)).toContain('paymentPassword');
    expect(await auditOf(card.cardId)).toEqual([]);
  });

  it('shows the number, expiry and CVV2 once after the password, with Cache-Control: no-store, and audits it', async () => {
    const card = await cardOf();
    const started = await start(card.customerId, card.cardId);
    expect(started.cacheControl).toBe('no-store');
    const { ok, revealToken, expiresAt } = started.data!.startCardReveal;
    expect(ok).toBe(true);
    expect(new Date(expiresAt!).getTime() - new Date(TEST_NOW).getTime()).toBe(60_000);

    const shown = await reveal(card.customerId, card.cardId, revealToken!);
    expect(shown.cacheControl).toBe('no-store');
    expect(shown.data!.revealCardDetails).toEqual({
      ok: true,
      details: { cardNumber: card.pan, expiry: card.expiry, cvv2: card.cvv2 },
      error: null,
    });
    // Single use: the same token again shows nothing.
    const again = await reveal(card.customerId, card.cardId, revealToken!);
    expect(again.data!.revealCardDetails).toMatchObject({ ok: false, details: null, error: { code: 'INVALID_TOKEN' } });
    // Another request of the same client, not selecting card secrets, may be cached as before.
    const other = await send(system.token(card.customerId), `query($id: ID!) { card(id: $id) { maskedNumber } }`, { id: card.cardId });
    expect(other.cacheControl).not.toBe('no-store');

    const audit = await auditOf(card.cardId);
    expect(audit).toEqual([
      expect.objectContaining({
        customerId: card.customerId,
        actorSubject: expect.any(String),
        startedRequestId: started.requestId,
        revealedRequestId: shown.requestId,
      }),
    ]);
    expect(started.requestId).toBeTruthy();
    expect(new Date(audit[0].revealedAt as string).toISOString()).toBe(new Date(TEST_NOW).toISOString());
  });

  it('lets a token lapse after 60 seconds', async () => {
    const card = await cardOf();
    const { revealToken } = (await start(card.customerId, card.cardId)).data!.startCardReveal;
    clock.set(new Date(new Date(TEST_NOW).getTime() + 60_000));
    const late = await reveal(card.customerId, card.cardId, revealToken!);
    expect(late.data!.revealCardDetails).toMatchObject({ ok: false, details: null, error: { code: 'INVALID_TOKEN' } });
    expect((await auditOf(card.cardId))[0]).toMatchObject({ revealedAt: null, revealedRequestId: null });
  });

  it('allows 3 reveals per card and hour, also when 8 requests race', async () => {
    const card = await cardOf();
    const answers = await Promise.all(Array.from({ length: 8 }, () => start(card.customerId, card.cardId)));
    const results = answers.map((a) => a.data!.startCardReveal);
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(r).toMatchObject({ revealToken: null, error: { code: 'FREQUENCY_LIMITED', remedy: 'WAIT_FOR_NEXT_WINDOW' } });
      expect(r.error!.retryAfterSeconds).toBeGreaterThan(3500);
    }
    expect(await auditOf(card.cardId)).toHaveLength(3);
    // Another card of the same holder is counted apart; an hour later this one may be shown again.
    const other = await cardOf();
    expect((await start(other.customerId, other.cardId)).data!.startCardReveal.ok).toBe(true);
    clock.set(new Date(new Date(TEST_NOW).getTime() + 3_600_001));
    expect((await start(card.customerId, card.cardId)).data!.startCardReveal.ok).toBe(true);
  });

  it("is the customer's own: an operator is FORBIDDEN, another customer gets NOT_FOUND", async () => {
    const card = await cardOf();
    const stranger = await cardOf();
    const asOperator = await send<{ startCardReveal: StartResult }>(system.token('operator'), START, {
      input: { cardId: card.cardId, paymentPassword: PASSWORD },
    });
    expect(asOperator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asStranger = await start(stranger.customerId, card.cardId);
    expect(asStranger.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await auditOf(card.cardId)).toEqual([]);
  });

  it('never writes the number, the CVV2, the password or the token to a log line, even for a refused request', async () => {
    const card = await cardOf();
    const from = lines.length;
    const { revealToken } = (await start(card.customerId, card.cardId)).data!.startCardReveal;
    // A refused request: the gateway logs a failed request's variables, but not these.
    const refused = await send(system.token(card.customerId), REVEAL, { input: { cardId: 'not-a-card', revealToken } });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const shown = await reveal(card.customerId, card.cardId, revealToken!);
    expect(shown.data!.revealCardDetails.details?.cardNumber).toBe(card.pan);
    const logged = lines.slice(from);
    // The requests were logged (so the check below looks at real lines) ...
    expect(logged.filter((l) => l.includes('"request"')).length).toBeGreaterThanOrEqual(3);
    expect(logged.some((l) => l.includes('BAD_USER_INPUT'))).toBe(true);
    // ... and none of them carries a secret.
    for (const line of logged) {
      expect(line).not.toContain(card.pan);
      expect(line).not.toContain(card.pan.slice(6));
      expect(line).not.toContain(revealToken!);
      expect(line).not.toContain(PASSWORD);
      expect(line).not.toMatch(/cardNumber|cvv2/i);
    }
  });
});
