/**
 * What the fuzzer runs against: the three subgraphs and the gateway as processes of their own
 * (test/support/process-system.ts, on the embedded database or the real PostgreSQL), three
 * customers of its own, every id each of them owns read from the databases, the tokens it
 * sends (customers', an operator's, none, and malformed ones), and every log line of every
 * process from the moment the system is up.
 */
import { generateLocalKeySet, keyringFromLocalKeySet, mintToken } from '@cardweave/service-kit';
import { insertCustomer, type FixtureCustomer } from '../support/card-fixtures';
import { booksDisagreements } from '../support/payment-books';
import { startProcessSystem, type ProcessSystem } from '../support/process-system';
import type { FuzzWorld, IdKind } from './operation-arbitraries';

/** Who a request is sent as. */
export type TokenKind = `customer${0 | 1 | 2}` | 'operator' | 'anonymous' | `malformed:${MalformedToken}`;
export const MALFORMED_TOKENS = [
  'garbage',
  'empty-bearer',
  'other-key',
  'payload-swapped',
  'alg-none',
  'expired-other-key',
  'truncated',
] as const;
export type MalformedToken = (typeof MALFORMED_TOKENS)[number];

export interface FuzzSystem {
  system: ProcessSystem;
  world: FuzzWorld;
  /** Each customer's full card numbers (by index): never in an answer but to its holder through a reveal. */
  pans: string[][];
  /** Who owns an id: a customer's index; undefined when no customer does (as far as the databases say). */
  ownerOf(id: string): number | undefined;
  /** Reads the ids every customer owns again (payments, issuances and cards made since). */
  refreshOwnership(): Promise<void>;
  /** The Authorization header value to send for a token kind (null: none). */
  bearer(kind: TokenKind): string | null;
  /** Every log line of every process so far, with the process's name. */
  logs: Array<{ service: string; line: string }>;
  /** What the books say, card by card, once the campaign is over (empty when they agree). */
  booksDisagreements(): Promise<string[]>;
  stop(): Promise<void>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startFuzzSystem(): Promise<FuzzSystem> {
  // info: every request's line is written (failed ones with their variables), the log check's material.
  const system = await startProcessSystem({ env: { LOG_LEVEL: 'info', PAYMENT_RECOVERY_INTERVAL_MS: '0' } });
  const logs: FuzzSystem['logs'] = [];
  for (const p of [system.issuer, system.clearing, system.wallet, system.gateway]) {
    let partial = '';
    const take = (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line) logs.push({ service: p.name, line });
    };
    p.child.stdout!.on('data', take);
    p.child.stderr!.on('data', take);
  }
  try {
    // One card each, so each card's credit is its customer's credit line (the books check is per card);
    // unpaid bills, so repayments have something to repay.
    const customers: FixtureCustomer[] = [];
    for (let i = 0; i < 3; i += 1)
      customers.push(await insertCustomer(system.fixtures, { cards: 1, billItems: 3, paid: i === 1 ? false : undefined }));
    const initialUsed = new Map<string, bigint>();
    for (const c of customers) {
      const [line] = await system.fixtures.issuer.database.dataSource.query(
        `SELECT used_fen FROM issuer.credit_lines WHERE customer_id = $1`,
        [c.customerId],
      );
      initialUsed.set(c.cardIds[0], BigInt(line.used_fen));
    }
    const world: FuzzWorld = { customers: customers.map((c) => ({ customerId: c.customerId, ids: emptyIds() })) };
    const owners = new Map<string, number>();

    const refreshOwnership = async () => {
      const q = (db: 'issuer' | 'wallet' | 'clearing', sql: string, params: unknown[] = []) =>
        system.fixtures[db].database.dataSource.query(sql, params) as Promise<Array<Record<string, string>>>;
      const customerIds = world.customers.map((c) => c.customerId);
      const add = (owner: number | undefined, kind: IdKind, id: string) => {
        if (owner === undefined || owners.get(id) === owner) return;
        owners.set(id, owner);
        world.customers[owner].ids[kind].push(id);
      };
      const byCustomer = (id: string) => {
        const i = customerIds.indexOf(id);
        return i < 0 ? undefined : i;
      };
      customerIds.forEach((id, i) => add(i, 'customer', id));
      for (const r of await q('issuer', `SELECT id, customer_id FROM issuer.credit_lines`)) add(byCustomer(r.customer_id), 'any', r.id);
      for (const r of await q('issuer', `SELECT id, customer_id FROM issuer.cards`)) add(byCustomer(r.customer_id), 'card', r.id);
      for (const r of await q(
        'issuer',
        `SELECT b.id, l.customer_id FROM issuer.bills b JOIN issuer.credit_lines l ON l.id = b.credit_line_id`,
      ))
        add(byCustomer(r.customer_id), 'bill', r.id);
      for (const r of await q('issuer', `SELECT i.id, c.customer_id FROM issuer.bill_items i JOIN issuer.cards c ON c.id = i.card_id`))
        add(byCustomer(r.customer_id), 'billItem', r.id);
      for (const table of ['card_issuances', 'repayments']) {
        const exists = await q(
          'issuer',
          `SELECT 1 FROM information_schema.columns WHERE table_schema = 'issuer' AND table_name = $1 AND column_name = 'customer_id'`,
          [table],
        );
        if (exists.length)
          for (const r of await q('issuer', `SELECT id, customer_id FROM issuer.${table}`))
            add(byCustomer(r.customer_id), table === 'card_issuances' ? 'issuance' : 'any', String(r.id));
      }
      const cardOwner = new Map([...owners].filter(([id]) => world.customers.some((c) => c.ids.card.includes(id))));
      for (const r of await q('wallet', `SELECT id, customer_id FROM wallet.wallet_accounts`))
        add(byCustomer(r.customer_id), 'walletAccount', r.id);
      for (const r of await q('wallet', `SELECT id, card_id FROM wallet.card_bindings`)) add(cardOwner.get(r.card_id), 'binding', r.id);
      for (const r of await q('wallet', `SELECT id, card_id FROM wallet.payments`)) add(cardOwner.get(r.card_id), 'payment', r.id);
      for (const r of await q('clearing', `SELECT id, card_id FROM clearing.transactions`))
        add(cardOwner.get(r.card_id), 'transaction', r.id);
    };
    await refreshOwnership();

    const other = keyringFromLocalKeySet(generateLocalKeySet());
    const customerToken = customers.map((c) => system.token(c.customerId));
    const [header, , signature] = customerToken[0].split('.');
    const victimPayload = JSON.parse(Buffer.from(customerToken[1].split('.')[1], 'base64url').toString('utf8'));
    const malformed: Record<MalformedToken, string | null> = {
      garbage: 'not.a.token',
      'empty-bearer': '',
      'other-key': mintToken({ privateKey: other.jwtPrivateKey!, customerId: customers[1].customerId, ttlSeconds: 3600 }),
      // Customer 0's signature over customer 1's claims.
      'payload-swapped': `${header}.${b64(victimPayload)}.${signature}`,
      'alg-none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...victimPayload, roles: ['OPERATOR'] })}.`,
      'expired-other-key': mintToken({ privateKey: other.jwtPrivateKey!, roles: ['OPERATOR'], ttlSeconds: -60 }),
      truncated: customerToken[2].slice(0, -10),
    };
    const operator = system.token('operator');
    const bearer = (kind: TokenKind): string | null => {
      if (kind === 'operator') return operator;
      if (kind === 'anonymous') return null;
      if (kind.startsWith('customer')) return customerToken[Number(kind.slice('customer'.length))];
      return malformed[kind.slice('malformed:'.length) as MalformedToken];
    };

    return {
      system,
      world,
      pans: customers.map((c) => c.pans),
      ownerOf: (id) => owners.get(id),
      refreshOwnership,
      bearer,
      logs,
      async booksDisagreements() {
        const problems: string[] = [];
        for (const c of customers) {
          const card = c.cardIds[0];
          // Repaid principal is credit given back: the credit used before counts it off.
          const [repaid] = await system.fixtures.issuer.database.dataSource.query(
            `SELECT COALESCE(SUM(a.principal_fen), 0) AS fen FROM issuer.repayment_allocations a JOIN issuer.bills b ON b.id = a.bill_id JOIN issuer.credit_lines l ON l.id = b.credit_line_id WHERE l.customer_id = $1`,
            [c.customerId],
          );
          const before = initialUsed.get(card)! - BigInt(repaid.fen);
          for (const p of await booksDisagreements(system.fixtures, card, { creditUsedBefore: before }))
            problems.push(`card ${card}: ${p}`);
        }
        return problems;
      },
      stop: () => system.stop(),
    };
  } catch (error) {
    await system.stop();
    throw error;
  }
}

function emptyIds(): Record<IdKind, string[]> {
  return {
    customer: [],
    card: [],
    binding: [],
    transaction: [],
    payment: [],
    issuance: [],
    bill: [],
    billItem: [],
    walletAccount: [],
    any: [],
  };
}
