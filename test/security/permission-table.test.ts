/**
 * The permission table against the supergraph: every mutation has an entry, every entry
 * names something that exists, the policy is what the README promises (operators never pay,
 * bind, issue or repay; services need nothing over GraphQL), and the subgraph server's
 * wrapping allows and refuses exactly as the table says, for every mutation × every role.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, Kind, parse, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { assertCanActForCustomer, generateLocalKeySet, keyringFromLocalKeySet, type Identity } from '@cardweave/service-kit';
import {
  ACTORS,
  FIELD_PERMISSIONS,
  MUTATION_PERMISSIONS,
  withPermissionsTable,
  type Actor,
  type Permission,
} from '@cardweave/service-kit/permissions';
import { enforcePermissions, startSubgraphServer, subgraphSdl } from '@cardweave/subgraph-kit';

const supergraph = parse(fs.readFileSync(require.resolve('@cardweave/gateway/supergraph.graphql'), 'utf8'));

/** Every `Type.field` of the supergraph's object types, and its mutations. */
const coordinates = new Set<string>();
const supergraphMutations: string[] = [];
for (const definition of supergraph.definitions) {
  if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
  for (const field of definition.fields ?? []) {
    coordinates.add(`${definition.name.value}.${field.name.value}`);
    if (definition.name.value === 'Mutation') supergraphMutations.push(field.name.value);
  }
}

const mutationTable: Record<string, Permission> = MUTATION_PERMISSIONS;
const fieldTable: Record<string, Permission> = FIELD_PERMISSIONS;

const customerId = '00000000-0000-4000-8000-000000000001';
const identities: Record<Actor, Identity | null> = {
  CUSTOMER: { subject: `customer:${customerId}`, customerId, roles: ['CUSTOMER'] },
  OPERATOR: { subject: 'operator-1', customerId: null, roles: ['OPERATOR'] },
  SERVICE: { subject: 'wallet', customerId: null, roles: ['SERVICE'] },
  ANONYMOUS: null,
};

describe('the permission table', () => {
  it('has an entry for every mutation of the supergraph, and none for a mutation that does not exist', () => {
    expect(supergraphMutations.length).toBeGreaterThan(5);
    expect(supergraphMutations.filter((name) => !mutationTable[name])).toEqual([]);
    expect(Object.keys(mutationTable).filter((name) => !supergraphMutations.includes(name))).toEqual([]);
  });

  it('lists only fields that exist', () => {
    expect(Object.keys(fieldTable).filter((coordinate) => !coordinates.has(coordinate))).toEqual([]);
  });

  it('gives operators freezes, statement runs, payment recovery and webhooks for every customer, customers the rest, services and anonymous callers nothing', () => {
    const allowedTo = (actor: Actor) =>
      Object.entries(mutationTable)
        .filter(([, permission]) => permission.allowed.includes(actor))
        .map(([name]) => name)
        .sort();
    const operatorsOnly = ['freezeCustomer', 'recoverPayments', 'registerWebhookEndpoint', 'runStatements', 'unfreezeCustomer'];
    // An endpoint's owner resends its deliveries and rotates its secret, an operator's endpoint or a
    // customer's; operators delete any endpoint, a customer their own.
    expect(allowedTo('OPERATOR')).toEqual(
      [...operatorsOnly, 'redeliverWebhookEvent', 'deleteWebhookEndpoint', 'rotateWebhookEndpointSecret'].sort(),
    );
    expect(allowedTo('CUSTOMER')).toEqual(supergraphMutations.filter((name) => !operatorsOnly.includes(name)).sort());
    for (const name of ['pay', 'bindCard', 'issueCard', 'startCardIssuance', 'verifyCardIssuanceStep', 'repay', 'repayThroughWallet']) {
      expect([name, allowedTo('OPERATOR').includes(name)]).toEqual([name, false]);
    }
    expect(allowedTo('SERVICE')).toEqual([]);
    expect(allowedTo('ANONYMOUS')).toEqual([]);
    for (const [coordinate, permission] of Object.entries(fieldTable)) {
      expect([coordinate, permission.allowed.includes('SERVICE') || permission.allowed.includes('ANONYMOUS')]).toEqual([coordinate, false]);
    }
  });

  it('is the table in the README', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    expect(withPermissionsTable(readme)).toBe(readme);
  });
});

describe('the subgraph server’s enforcement', () => {
  const REACHED = 'the resolver ran';
  /** Each subgraph's schema as the server builds it, every resolver replaced by one that says it ran. */
  const schemas: Record<string, GraphQLSchema> = Object.fromEntries(
    ['issuer', 'wallet', 'clearing'].map((name) => {
      const schema = buildSubgraphSchema([{ typeDefs: parse(subgraphSdl(require.resolve(`@cardweave/${name}-subgraph/schema.graphql`))) }]);
      for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) field.resolve = () => REACHED;
      for (const coordinate of Object.keys(fieldTable)) {
        const [type, field] = coordinate.split('.');
        const found = (schema.getType(type) as { getFields?: () => Record<string, { resolve?: unknown }> } | undefined)?.getFields?.()[
          field
        ];
        if (found) found.resolve = () => REACHED;
      }
      return [name, enforcePermissions(schema, name)];
    }),
  );
  const fieldOf = (coordinate: string) => {
    const [type, field] = coordinate.split('.');
    for (const schema of Object.values(schemas)) {
      const found = (
        schema.getType(type) as { getFields?: () => Record<string, { resolve?: GraphQLFieldResolver<unknown, unknown> }> }
      )?.getFields?.()[field];
      if (found?.resolve) return found.resolve;
    }
    throw new Error(`${coordinate}: no subgraph resolves it`);
  };
  const outcome = (resolve: GraphQLFieldResolver<unknown, unknown>, actor: Actor): string => {
    try {
      return String(resolve({}, {}, { identity: identities[actor] }, {} as GraphQLResolveInfo));
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return String(error.extensions.code);
    }
  };
  const expected = (permission: Permission, actor: Actor) => (permission.allowed.includes(actor) ? REACHED : 'FORBIDDEN');

  it('covers exactly the supergraph’s mutations across the three subgraphs', () => {
    const served = Object.values(schemas).flatMap((schema) => Object.keys(schema.getMutationType()?.getFields() ?? {}));
    expect([...new Set(served)].sort()).toEqual([...supergraphMutations].sort());
  });

  it.each(supergraphMutations)('Mutation.%s: allows and refuses each role exactly as the table says', (name) => {
    const resolve = fieldOf(`Mutation.${name}`);
    const outcomes = Object.fromEntries(ACTORS.map((actor) => [actor, outcome(resolve, actor)]));
    expect(outcomes).toEqual(Object.fromEntries(ACTORS.map((actor) => [actor, expected(mutationTable[name], actor)])));
  });

  it.each(Object.keys(fieldTable))('%s: allows and refuses each role exactly as the table says', (coordinate) => {
    const resolve = fieldOf(coordinate);
    const outcomes = Object.fromEntries(ACTORS.map((actor) => [actor, outcome(resolve, actor)]));
    expect(outcomes).toEqual(Object.fromEntries(ACTORS.map((actor) => [actor, expected(fieldTable[coordinate], actor)])));
  });

  it('tells an operator why, and allows an identity holding an allowed role among others', () => {
    expect(() => fieldOf('Mutation.pay')({}, {}, { identity: identities.OPERATOR }, {} as GraphQLResolveInfo)).toThrow(
      /Mutation\.pay: operators may not do this on a customer’s behalf; only the customer may/,
    );
    const both: Identity = { subject: 'c', customerId, roles: ['CUSTOMER', 'OPERATOR'] };
    expect(fieldOf('Mutation.pay')({}, {}, { identity: both }, {} as GraphQLResolveInfo)).toBe(REACHED);
    expect(fieldOf('Mutation.runStatements')({}, {}, { identity: both }, {} as GraphQLResolveInfo)).toBe(REACHED);
  });

  it('refuses to build a schema with a mutation the table does not list', () => {
    const schema = buildSubgraphSchema([{ typeDefs: parse('type Query { a: String }\ntype Mutation { transferEverything: String }') }]);
    expect(() => enforcePermissions(schema, 'issuer')).toThrow(
      /issuer: no entry in the permission table .* for Mutation\.transferEverything/,
    );
  });

  it('does not start a subgraph server with such a mutation', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-permissions-'));
    const schemaFile = path.join(dir, 'schema.graphql');
    fs.writeFileSync(
      schemaFile,
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])\n' +
        'type Query { a: String }\ntype Mutation { transferEverything: String }',
    );
    await expect(
      startSubgraphServer({
        name: 'issuer',
        schemaFile,
        resolvers: { Mutation: { transferEverything: () => 'done' } } as never,
        context: () => ({}),
        ready: async () => true,
        keyring: keyringFromLocalKeySet(generateLocalKeySet()),
      }),
    ).rejects.toThrow(/Mutation\.transferEverything/);
  });
});

describe('the ownership check after the table', () => {
  const other = '00000000-0000-4000-8000-000000000002';
  it('lets a customer act for themself only, and answers another customer’s objects as absent', () => {
    expect(() => assertCanActForCustomer({ identity: identities.CUSTOMER }, customerId, 'binding')).not.toThrow();
    expect(() => assertCanActForCustomer({ identity: identities.CUSTOMER }, other, 'binding')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    );
  });

  it('refuses operators and services acting for a customer with FORBIDDEN', () => {
    for (const actor of ['OPERATOR', 'SERVICE'] as const) {
      expect(() => assertCanActForCustomer({ identity: identities[actor] }, customerId, 'binding')).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
      );
    }
  });
});
