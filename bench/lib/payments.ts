/**
 * Payment authorizations through the full chain (gateway → wallet → clearing → issuer) on
 * the real PostgreSQL, with the number of limit violations afterwards. Runs when the
 * supergraph has a payment mutation on the wallet subgraph; otherwise the section is
 * skipped with the reason. The request is built from the mutation's own schema: ids by
 * name (card, binding, wallet), the amount, a fresh idempotency key per request.
 */
import { randomUUID } from 'node:crypto';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import type { HttpJob } from '../load/load-process';
import type { LoadResult } from '../load/load-result';
import type { BenchDatabase } from './database';
import type { PaymentResult } from './report';

/** `pay`, `payWith…`, `authorize…`: not `repay…` or `recoverPayments`. */
const PAYMENT_FIELD = /^(pay|authori[sz]e)/i;

/** The wallet subgraph's payment mutation in the supergraph, if it has one. */
export function findPaymentMutation(supergraph: string): GraphQLField<unknown, unknown> | undefined {
  const schema = buildASTSchema(parse(supergraph), { assumeValidSDL: true });
  const mutation = schema.getMutationType();
  if (!mutation) return undefined;
  const walletOwned = (field: GraphQLField<unknown, unknown>) => {
    const joins = field.astNode?.directives?.filter((d) => d.name.value === 'join__field') ?? [];
    const typeJoins = mutation.astNode?.directives?.filter((d) => d.name.value === 'join__type') ?? [];
    const graphs = (joins.length ? joins : typeJoins).map((d) => d.arguments?.find((a) => a.name.value === 'graph')?.value);
    return graphs.some((g) => g?.kind === 'EnumValue' && g.value === 'WALLET');
  };
  return Object.values(mutation.getFields()).find((f) => PAYMENT_FIELD.test(f.name) && walletOwned(f));
}

interface PaymentTarget {
  cardId: string;
  bindingId: string;
  walletPlatform: string;
  amountFen: number;
}

function valueFor(name: string, type: GraphQLInputType, target: PaymentTarget): unknown {
  if (isNonNullType(type)) return valueFor(name, type.ofType, target);
  if (isListType(type)) return [valueFor(name, type.ofType, target)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) || /card|binding|wallet|amount|idempot/i.test(f.name))
        .map((f) => [f.name, valueFor(f.name, f.type, target)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  if (/amount/i.test(name)) return target.amountFen;
  if (/binding/i.test(name)) return target.bindingId;
  if (/card/i.test(name)) return target.cardId;
  if (/wallet|platform/i.test(name)) return target.walletPlatform;
  if (/idempot|key/i.test(name)) return randomUUID();
  if (/categ|mcc/i.test(name)) return '5411';
  if (/currency/i.test(name)) return 'CNY';
  if (isScalarType(type) && type.name === 'Boolean') return false;
  if (isScalarType(type) && (type.name === 'Int' || type.name === 'Float')) return 1;
  return `bench ${name}`;
}

function selectionFor(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return depth === 0 ? '' : '{ __typename }';
  const fields = Object.values(named.getFields())
    .filter((f) => f.args.length === 0)
    .map((f) => {
      const inner = getNamedType(f.type);
      if (isObjectType(inner)) return depth < 1 ? `${f.name} ${selectionFor(f.type, depth + 1)}` : '';
      return isScalarType(inner) || isEnumType(inner) ? f.name : '';
    })
    .filter(Boolean);
  return `{ __typename ${fields.join(' ')} }`;
}

export function paymentDocument(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const pass = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation BenchPayment${args ? `(${args})` : ''} { ${field.name}${pass ? `(${pass})` : ''} ${selectionFor(field.type)} }`;
}

export function paymentBody(field: GraphQLField<unknown, unknown>, document: string, target: PaymentTarget): string {
  return JSON.stringify({ query: document, variables: Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.name, a.type, target)])) });
}

interface Rule {
  ruleId: string;
  limitFen: number | null;
  usedFen: number | null;
}
interface View {
  customer: {
    creditLine: { limitFen: number; usedFen: number } | null;
    cards: Array<{ id: string; walletBindings: Array<{ id: string; walletPlatform: { id: string } }>; payableNow: Array<{ rules: Rule[] }>; networkLimits: Rule[] }>;
  };
}

/** Every limit the card view shows whose used amount is past its limit. */
export function countViolations(view: View): number {
  let violations = 0;
  const line = view.customer.creditLine;
  if (line && line.usedFen > line.limitFen) violations += 1;
  for (const card of view.customer.cards) {
    const rules = [...card.networkLimits, ...card.payableNow.flatMap((p) => p.rules)];
    violations += rules.filter((r) => r.limitFen != null && r.usedFen != null && r.usedFen > r.limitFen).length;
  }
  return violations;
}

export async function benchPayments(options: {
  supergraph: string;
  gatewayUrl: string;
  db: BenchDatabase;
  runLoad: (job: HttpJob) => Promise<LoadResult>;
  settings: { connections: number; durationSec: number; warmupSec: number };
  cardView: string;
  log: (message: string) => void;
}): Promise<PaymentResult> {
  const field = findPaymentMutation(options.supergraph);
  if (!field) {
    const reason = 'the supergraph has no payment mutation on the wallet subgraph yet (issue #4); this section runs as soon as it has one';
    options.log(`payments: skipped: ${reason}`);
    return { skipped: reason };
  }
  const query = async <T>(body: string) => {
    const response = await fetch(options.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return (await response.json()) as { data?: T; errors?: unknown[] };
  };
  const document = paymentDocument(field);
  // Twenty customers with one card each, every wallet bound; 300 CNY payments until limits bind.
  const customers = await Promise.all(Array.from({ length: 20 }, () => options.db.addCustomer({ cards: 1, billItems: 10 })));
  const viewOf = (customerId: string) => query<View>(JSON.stringify({ query: options.cardView, variables: { customerId } }));
  const targets: PaymentTarget[] = [];
  for (const c of customers) {
    const view = await viewOf(c.customerId);
    for (const card of view.data?.customer.cards ?? []) {
      for (const b of card.walletBindings) targets.push({ cardId: card.id, bindingId: b.id, walletPlatform: b.walletPlatform.id, amountFen: 30_000 });
    }
  }
  const bodies = Array.from({ length: 30_000 }, (_, i) => paymentBody(field, document, targets[i % targets.length]));
  const trial = await query(bodies[0]);
  if (trial.errors) {
    const refused = JSON.stringify(trial.errors).match(/"code":"(NOT_FOUND|FORBIDDEN|UNAUTHENTICATED)"/);
    const reason = refused
      ? `\`${field.name}\` is in the supergraph, but the wallet refused an anonymous payment (${refused[1]}): the gateway does not pass a customer identity yet; this section runs once it does and the bench sends each customer's token`
      : `\`${field.name}\` is in the supergraph, but the bench's generated request did not fit it: ${JSON.stringify(trial.errors).slice(0, 200)}`;
    options.log(`payments: skipped: ${reason}`);
    return { skipped: reason, mutation: field.name };
  }
  // Each body carries its own idempotency key; the warm-up is skipped so that every key is new.
  const authorizations = await options.runLoad({
    kind: 'http',
    url: options.gatewayUrl,
    bodies,
    connections: options.settings.connections,
    durationSec: options.settings.durationSec,
    warmupSec: 0,
    countMatching: '"ok":true',
  });
  let limitViolations = 0;
  for (const c of customers) {
    const view = await viewOf(c.customerId);
    if (view.data) limitViolations += countViolations(view.data);
  }
  options.log(`payments: ${authorizations.rps.toFixed(0)}/s, ${limitViolations} limit violations`);
  return { mutation: field.name, authorizations, approved: authorizations.matching, limitViolations };
}
