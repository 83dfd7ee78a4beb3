/**
 * Operations generated from the public schema (schema/public-api.graphql) with fast-check:
 * valid queries and mutations whose selections follow the schema's types, within the
 * gateway's depth and alias limits, with argument values that are mostly plausible and
 * sometimes at the edge; and mutated operations (unknown fields and arguments, wrong argument
 * types, missing required arguments, aliased and duplicated fields, fragments of every kind,
 * selections nested past the depth limit, undeclared and unused variables).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { CONFIG_VARIABLES } from '@cardweave/service-kit';
import {
  buildSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import {
  cursorArb,
  cvv2Arb,
  fenArb,
  HOLDER_NAMES,
  mobileArb,
  num,
  numberEdgeArb,
  panArb,
  residentIdArb,
  smsCodeArb,
  str,
  stringEdgeArb,
} from './edge-values';
import type { FuzzArgument, FuzzField, FuzzOperation, FuzzSelection, FuzzValue } from './operation-tree';

const root = path.resolve(__dirname, '../..');
export const PUBLIC_SCHEMA: GraphQLSchema = buildSchema(fs.readFileSync(path.join(root, 'schema/public-api.graphql'), 'utf8'));

/**
 * The gateway's limits as it runs here (the defaults of GATEWAY_MAX_DEPTH and GATEWAY_MAX_ALIASES):
 * valid operations stay inside them, spoiled ones go up to and past them.
 */
export const MAX_DEPTH = CONFIG_VARIABLES.GATEWAY_MAX_DEPTH.default;
export const MAX_ALIASES = CONFIG_VARIABLES.GATEWAY_MAX_ALIASES.default;
/** The deepest selection below a root field that valid operations get (the root field's level comes on top). */
const VALID_DEPTH = Math.min(6, MAX_DEPTH - 2);

/**
 * Left out of generation: it closes every finished cycle into bills, which moves the unbilled
 * postings the books check reads (its own suite covers it).
 */
const SKIPPED_ROOT_FIELDS = new Set(['runStatements']);

/** Mutations that move money. */
const MONEY_MOVING = new Set(['pay', 'repay']);

/** What each id-like argument points at, by its name (and by the root field for `id`). */
export type IdKind =
  'customer' | 'card' | 'binding' | 'transaction' | 'payment' | 'issuance' | 'bill' | 'billItem' | 'walletAccount' | 'any';

/** The ids the fuzzer knows, per customer: the asker's own and every other customer's. */
export interface FuzzWorld {
  customers: Array<{ customerId: string; ids: Record<IdKind, string[]> }>;
}

/** Whose ids count as "own" for one generated case: a customer's index, or none (operator, anonymous). */
export type Asker = number | null;

function idKindOf(argName: string, fieldName: string): IdKind {
  if (argName === 'id') {
    const byField: Record<string, IdKind> = {
      customer: 'customer',
      card: 'card',
      walletBinding: 'binding',
      transaction: 'transaction',
      payment: 'payment',
      cardIssuance: 'issuance',
    };
    return byField[fieldName] ?? 'any';
  }
  const byArg: Record<string, IdKind> = { customerId: 'customer', cardId: 'card', bindingId: 'binding', issuanceId: 'issuance' };
  return byArg[argName] ?? 'any';
}

function idArb(world: FuzzWorld, asker: Asker, kind: IdKind, edgy: boolean): fc.Arbitrary<FuzzValue> {
  // The pools are read when a case is generated, not when the arbitrary is built: payments,
  // issuances and cards made during the campaign join them (refreshOwnership), so a later case
  // can ask for another customer's new payment. A replay on a fresh system picks the same positions.
  const pick = (ids: () => string[]) =>
    fc.tuple(fc.nat(), fc.uuid()).map(([i, fallback]) => (ids().length > 0 ? ids()[i % ids().length] : fallback));
  const own = () => (asker === null ? world.customers.flatMap((c) => c.ids[kind]) : world.customers[asker].ids[kind]);
  const others = () => world.customers.filter((_, i) => i !== asker).flatMap((c) => c.ids[kind]);
  const anyKind = () => world.customers.flatMap((c) => Object.values(c.ids).flat());
  return fc
    .oneof(
      { weight: 8, arbitrary: pick(own) },
      { weight: 3, arbitrary: pick(others) },
      { weight: 1, arbitrary: pick(anyKind) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: edgy ? 1 : 0, arbitrary: stringEdgeArb },
    )
    .map(str);
}

const plausibleText = fc.constantFrom('永辉超市', 'Cafe', 'Starbucks 星巴克', 'manual review', '解冻', 'x');

function stringArb(world: FuzzWorld, asker: Asker, name: string, edgy: boolean): fc.Arbitrary<FuzzValue> {
  const plausible = (() => {
    switch (name) {
      case 'idempotencyKey':
        return fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/);
      case 'merchantCategoryCode':
        return edgy ? fc.constantFrom('5411', '5814', '7995', '0000', '541') : fc.constantFrom('5411', '5814', '7995');
      case 'after':
        return cursorArb(world.customers.flatMap((c) => c.ids.transaction.concat(c.ids.bill, c.ids.billItem, [c.customerId]))).map((v) =>
          v.kind === 'string' ? v.value : '',
        );
      case 'walletPlatform':
        return edgy
          ? fc.constantFrom('wechat-pay', 'unionpay-quickpass', 'jd-finance', 'unionpay', 'alipay')
          : fc.constantFrom('wechat-pay', 'unionpay-quickpass');
      case 'os':
        return edgy ? fc.constantFrom('IOS', 'ANDROID', 'WINDOWS', 'HARMONYOS', 'ios') : fc.constantFrom('IOS', 'ANDROID', 'WINDOWS');
      case 'version':
        return fc.constantFrom('iPhone 13 Pro', '12', '5.0');
      case 'stepId':
        return fc.constantFrom('face', 'sms', 'password', 'smsCode', 'unknown-step');
      default:
        return plausibleText;
    }
  })();
  return edgy
    ? fc.oneof({ weight: 8, arbitrary: plausible.map(str) }, { weight: 1, arbitrary: stringEdgeArb.map(str) })
    : plausible.map(str);
}

/** A verification field `{ name, value }`: the fields wallets and issuers ask for, with real-looking values. */
const verificationFieldArb = (edgy: boolean): fc.Arbitrary<FuzzValue> =>
  fc
    .oneof(
      fc.constantFrom(...HOLDER_NAMES).map((v) => ['name', v] as const),
      residentIdArb.map((v) => ['residentId', v] as const),
      mobileArb.map((v) => ['mobile', v] as const),
      panArb.map((v) => ['cardNumber', v] as const),
      cvv2Arb.map((v) => ['cvv2', v] as const),
      smsCodeArb.map((v) => ['smsCode', v] as const),
      ...(edgy
        ? [
            fc
              .tuple(fc.constantFrom('paymentPassword', 'faceToken', 'name', 'unknownField', ''), stringEdgeArb)
              .map(([n, v]) => [n, v] as const),
          ]
        : []),
    )
    .map(([name, value]) => ({
      kind: 'object',
      fields: [
        { name: 'name', value: str(name) },
        { name: 'value', value: str(value) },
      ],
    }));

function valueArb(
  world: FuzzWorld,
  asker: Asker,
  type: GraphQLInputType,
  name: string,
  fieldName: string,
  edgy: boolean,
  depth = 0,
  nullable = true,
): fc.Arbitrary<FuzzValue> {
  const edge = (plausible: fc.Arbitrary<FuzzValue>) =>
    !edgy
      ? plausible
      : fc.oneof(
          { weight: 16, arbitrary: plausible },
          { weight: 2, arbitrary: numberEdgeArb },
          { weight: 1, arbitrary: stringEdgeArb.map(str) },
        );
  if (isNonNullType(type)) {
    const inner = valueArb(world, asker, type.ofType, name, fieldName, edgy, depth, false);
    if (!edgy) return inner;
    return fc.oneof({ weight: 30, arbitrary: inner }, { weight: 1, arbitrary: fc.constant<FuzzValue>({ kind: 'null' }) });
  }
  const orNull = (arb: fc.Arbitrary<FuzzValue>) =>
    nullable ? fc.oneof({ weight: 12, arbitrary: arb }, { weight: 1, arbitrary: fc.constant<FuzzValue>({ kind: 'null' }) }) : arb;
  if (isListType(type)) {
    const item = name === 'fields' ? verificationFieldArb(edgy) : valueArb(world, asker, type.ofType, name, fieldName, edgy, depth + 1);
    return orNull(fc.array(item, { maxLength: name === 'fields' ? 5 : 3 }).map((items): FuzzValue => ({ kind: 'list', items })));
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const parts = fields.map((f) => {
      const v = valueArb(world, asker, f.type, f.name, fieldName, edgy, depth + 1);
      if (!edgy)
        return isNonNullType(f.type) ? v.map((value) => ({ name: f.name, value })) : fc.option(v.map((value) => ({ name: f.name, value })));
      return isNonNullType(f.type)
        ? fc.oneof({ weight: 20, arbitrary: v.map((value) => ({ name: f.name, value })) }, { weight: 1, arbitrary: fc.constant(null) })
        : fc.option(v.map((value) => ({ name: f.name, value })));
    });
    const unknown = !edgy
      ? fc.constant(null)
      : fc.option(
          fc.constantFrom('customerId', 'admin', '__proto__', 'amount').map((n) => ({ name: n, value: str('x') })),
          { freq: 15 },
        );
    return orNull(
      fc.tuple(fc.tuple(...parts), unknown).map(([ps, extra]): FuzzValue => ({
        kind: 'object',
        fields: [
          ...ps.filter((p): p is { name: string; value: FuzzValue } => p !== null),
          ...(extra && !fields.some((f) => f.name === extra.name) ? [extra] : []),
        ],
      })),
    );
  }
  if (isEnumType(type))
    return orNull(
      fc.oneof(
        {
          weight: 6,
          arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)).map((value): FuzzValue => ({ kind: 'enum', value })),
        },
        { weight: 1, arbitrary: fc.constantFrom<FuzzValue>({ kind: 'enum', value: 'NOT_A_VALUE' }, str('OPEN'), num(1)) },
      ),
    );
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        // Platform and step ids are names, not uuids.
        if (name === 'walletPlatform' || name === 'stepId') return orNull(stringArb(world, asker, name, edgy));
        return orNull(idArb(world, asker, idKindOf(name, fieldName), edgy));
      case 'String':
        return orNull(stringArb(world, asker, name, edgy));
      case 'Int':
        return orNull(
          edge(
            (edgy
              ? fc.integer({ min: name === 'first' ? 0 : -5, max: name === 'first' ? 101 : 120 })
              : fc.integer({ min: 1, max: name === 'first' ? 100 : 120 })
            ).map(num),
          ),
        );
      case 'Fen':
        return orNull(edge(fenArb));
      case 'Boolean':
        return orNull(fc.boolean().map((value): FuzzValue => ({ kind: 'boolean', value })));
      case 'DateTime':
        return orNull(
          edge(
            fc
              .constantFrom(
                '2026-11-29T08:00:00+08:00',
                '2026-10-31T16:00:00Z',
                '2099-01-01T00:00:00Z',
                '1970-01-01T00:00:00Z',
                '2026-02-30T00:00:00Z',
                'yesterday',
              )
              .map(str),
          ),
        );
      case 'Date':
        return orNull(edge(fc.constantFrom('2026-11-01', '2026-02-30', '0000-00-00', '99999-01-01').map(str)));
      default:
        return orNull(edge(stringEdgeArb.map(str)));
    }
  }
  return fc.constant({ kind: 'null' });
}

function argumentArb(
  world: FuzzWorld,
  asker: Asker,
  arg: GraphQLArgument,
  fieldName: string,
  edgy: boolean,
): fc.Arbitrary<FuzzArgument | null> {
  const value = fc
    .tuple(valueArb(world, asker, arg.type, arg.name, fieldName, edgy), fc.boolean())
    .map(([v, asVariable]): FuzzArgument => ({ name: arg.name, value: v, ...(asVariable ? { variableType: String(arg.type) } : {}) }));
  return isNonNullType(arg.type) ? value : fc.option(value, { freq: 2 });
}

/** Generation for one asker: every type's selection arbitrary built once, on first use. */
export class OperationArbitraries {
  private readonly selections = new Map<string, fc.Arbitrary<FuzzSelection[]>>();

  constructor(
    private readonly world: FuzzWorld,
    private readonly asker: Asker,
    /** false: plausible values only (what a well-behaved client sends); true: values at the edges too. */
    private readonly edgy: boolean,
  ) {}

  fieldArb(field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<FuzzSelection> {
    const named = getNamedType(field.type);
    const args = fc
      .tuple(...field.args.map((a) => argumentArb(this.world, this.asker, a, field.name, this.edgy)))
      .map((as) => as.filter((a): a is FuzzArgument => a !== null));
    const sub = isCompositeType(named) && isObjectType(named) ? this.selectionArb(named, depth - 1) : fc.constant(undefined);
    return fc
      .tuple(args, sub)
      .map(([a, s]): FuzzSelection => ({ kind: 'field', name: field.name, args: a, ...(s ? { selection: s } : {}) }));
  }

  /** A selection on `type` at most `depth` levels deep: 1 to 4 of its fields, leaves only at the last level. */
  selectionArb(type: GraphQLObjectType, depth: number): fc.Arbitrary<FuzzSelection[]> {
    const key = `${type.name}/${depth}`;
    const known = this.selections.get(key);
    if (known) return known;
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => !isCompositeType(getNamedType(f.type)));
    const candidates = depth <= 1 ? leaves : fields;
    const arb: fc.Arbitrary<FuzzSelection[]> =
      candidates.length === 0
        ? fc.constant([{ kind: 'field', name: '__typename', args: [] }])
        : fc
            .subarray(candidates, { minLength: 1, maxLength: Math.min(4, candidates.length) })
            .chain((chosen) => fc.tuple(...chosen.map((f) => this.fieldArb(f, depth))));
    this.selections.set(key, arb);
    return arb;
  }

  /** A valid operation: one to three root fields, each with a selection 1 to 6 levels deep. */
  validArb(): fc.Arbitrary<FuzzOperation> {
    const rootOf = (t: 'query' | 'mutation') => (t === 'query' ? PUBLIC_SCHEMA.getQueryType()! : PUBLIC_SCHEMA.getMutationType()!);
    return fc
      .tuple(fc.constantFrom<'query' | 'mutation'>('query', 'query', 'mutation'), fc.integer({ min: 1, max: VALID_DEPTH }))
      .chain(([type, depth]) => {
        const rootType = rootOf(type);
        const fields = Object.values(rootType.getFields()).filter((f) => !SKIPPED_ROOT_FIELDS.has(f.name));
        // Half the mutations move money (when the schema has them), so the books check has payments and repayments to weigh.
        const moneyMoving = fields.filter((f) => MONEY_MOVING.has(f.name));
        const chosen =
          type === 'query' || moneyMoving.length === 0
            ? fc.subarray(fields, { minLength: 1, maxLength: type === 'query' ? 3 : 1 })
            : fc.oneof(
                fc.subarray(fields, { minLength: 1, maxLength: 1 }),
                fc.constantFrom(...moneyMoving).map((f) => [f]),
              );
        return chosen
          .chain((chosen) => fc.tuple(...chosen.map((f) => this.fieldArb(f, depth + 1))))
          .map((selection): FuzzOperation => ({ type, selection: withDistinctAliases(selection), fragments: [] }));
      });
  }

  /** A valid operation changed in one way a client should be told about, never served as asked. */
  mutatedArb(): fc.Arbitrary<FuzzOperation> {
    return fc
      .tuple(this.validArb(), fc.constantFrom(...MUTATIONS), fc.nat(), fc.integer({ min: 2, max: Math.max(MAX_ALIASES, MAX_DEPTH) + 8 }))
      .map(([op, mutate, pick, n]) => mutate(op, pick, n));
  }
}

/** Two root fields of the same name with different arguments would conflict: the second gets an alias. */
function withDistinctAliases(selection: FuzzSelection[]): FuzzSelection[] {
  const seen = new Map<string, number>();
  return selection.map((s) => {
    if (s.kind !== 'field') return s;
    const n = seen.get(s.name) ?? 0;
    seen.set(s.name, n + 1);
    return n === 0 ? s : { ...s, alias: `${s.name}${n}` };
  });
}

/** Every field of an operation, with the list holding it. */
function fieldsOf(selection: FuzzSelection[], out: Array<{ field: FuzzField & { kind: 'field' }; holder: FuzzSelection[] }> = []) {
  for (const s of selection) {
    if (s.kind === 'field') {
      out.push({ field: s, holder: selection });
      if (s.selection) fieldsOf(s.selection, out);
    } else if (s.kind === 'inline') fieldsOf(s.selection, out);
  }
  return out;
}

const clone = (op: FuzzOperation): FuzzOperation => structuredClone(op);

type Mutation = (op: FuzzOperation, pick: number, n: number) => FuzzOperation;

/** Ways to spoil a valid operation, each named for the failure report. */
const MUTATIONS: Mutation[] = [
  function unknownField(op, pick) {
    const out = clone(op);
    const all = fieldsOf(out.selection).filter((f) => f.field.selection);
    const target = all.length ? all[pick % all.length].field.selection! : out.selection;
    target.push({
      kind: 'field',
      name: ['fullCardNumber', 'cvv2', 'password', 'residentId', '__schema', 'nonexistent'][pick % 6],
      args: [],
    });
    return out;
  },
  function unknownArgument(op, pick) {
    const out = clone(op);
    const all = fieldsOf(out.selection);
    all[pick % all.length].field.args.push({ name: ['customerId', 'asOperator', 'limit'][pick % 3], value: str('x') });
    return out;
  },
  function wrongVariableType(op, pick) {
    const out = clone(op);
    const withArgs = fieldsOf(out.selection).filter((f) => f.field.args.length > 0);
    if (!withArgs.length) return { ...out, extraVariableDefinitions: [{ name: 'unused', type: 'Int!' }] };
    const field = withArgs[pick % withArgs.length].field;
    const arg = field.args[pick % field.args.length];
    arg.variableType = ['Boolean', 'Int!', 'String', '[ID!]!', 'PayInput', 'Float'][pick % 6];
    return out;
  },
  function wrongLiteralType(op, pick) {
    const out = clone(op);
    const withArgs = fieldsOf(out.selection).filter((f) => f.field.args.length > 0);
    if (!withArgs.length) return unknownArgumentFallback(out);
    const field = withArgs[pick % withArgs.length].field;
    const arg = field.args[pick % field.args.length];
    arg.variableType = undefined;
    arg.value = (
      [
        { kind: 'boolean', value: true },
        num('1.5'),
        { kind: 'list', items: [str('a')] },
        { kind: 'enum', value: 'TRUE' },
        num('99999999999999999999999'),
      ] as FuzzValue[]
    )[pick % 5];
    return out;
  },
  function missingRequiredArgument(op, pick) {
    const out = clone(op);
    const withArgs = fieldsOf(out.selection).filter((f) => f.field.args.length > 0);
    if (!withArgs.length) return unknownArgumentFallback(out);
    withArgs[pick % withArgs.length].field.args.splice(0, 1);
    return out;
  },
  function aliasedCopies(op, _pick, n) {
    const out = clone(op);
    const first = out.selection.find((s): s is FuzzSelection & { kind: 'field' } => s.kind === 'field')!;
    // Up to past the alias limit: within it the operation is answered, past it refused whole.
    for (let i = 0; i < n; i += 1) out.selection.push({ ...structuredClone(first), alias: `copy${i}` });
    return out;
  },
  function conflictingDuplicate(op) {
    const out = clone(op);
    const first = out.selection.find((s): s is FuzzSelection & { kind: 'field' } => s.kind === 'field')!;
    out.selection.push({
      ...structuredClone(first),
      alias: first.alias ?? first.name,
      args: [...first.args, { name: 'first', value: num(1) }],
    });
    return out;
  },
  function namedFragment(op) {
    const out = clone(op);
    const typeName = out.type === 'query' ? 'Query' : 'Mutation';
    return {
      ...out,
      selection: [{ kind: 'spread', fragment: 'Root' }],
      fragments: [{ name: 'Root', typeCondition: typeName, selection: out.selection }],
    };
  },
  function fragmentOnWrongType(op, pick) {
    const out = clone(op);
    const typeName = ['Card', 'Customer', 'Payment', 'NoSuchType'][pick % 4];
    out.selection.push({ kind: 'inline', typeCondition: typeName, selection: [{ kind: 'field', name: 'id', args: [] }] });
    return out;
  },
  function fragmentCycle(op) {
    const out = clone(op);
    const f = (name: string, next: string) => ({
      name,
      typeCondition: 'Card',
      selection: [{ kind: 'field', name: 'id', args: [] } as FuzzSelection, { kind: 'spread', fragment: next } as FuzzSelection],
    });
    out.fragments.push(f('A', 'B'), f('B', 'A'));
    out.selection.push({
      kind: 'field',
      name: 'card',
      args: [{ name: 'id', value: str('00000000-0000-4000-8000-000000000000') }],
      selection: [{ kind: 'spread', fragment: 'A' }],
    });
    return out;
  },
  function undefinedFragment(op) {
    const out = clone(op);
    out.selection.push({ kind: 'spread', fragment: 'Missing' });
    return out;
  },
  function unusedFragment(op) {
    const out = clone(op);
    out.fragments.push({ name: 'Unused', typeCondition: 'Card', selection: [{ kind: 'field', name: 'id', args: [] }] });
    return out;
  },
  function undeclaredVariable(op) {
    return { ...clone(op), undeclaredVariables: ['ghost'] };
  },
  function pastTheDepthLimit(_op, pick, n) {
    // card { customer { cards { customer { … id } } } }: answered up to the depth limit, refused beyond it.
    let inner: FuzzSelection[] = [{ kind: 'field', name: 'id', args: [] }];
    for (let i = n - 1; i >= 0; i -= 1) inner = [{ kind: 'field', name: i % 2 === 0 ? 'customer' : 'cards', args: [], selection: inner }];
    const id = str(`00000000-0000-4000-8000-00000000000${pick % 10}`);
    return {
      type: 'query',
      selection: [{ kind: 'field', name: 'card', args: [{ name: 'id', value: id }], selection: inner }],
      fragments: [],
    };
  },
];

function unknownArgumentFallback(op: FuzzOperation): FuzzOperation {
  return { ...op, extraVariableDefinitions: [{ name: 'unused', type: 'Int!' }] };
}
