/** The breaking-change check passes today and catches a break that is not recorded. */
import { buildSchema } from 'graphql';
import { checkAgainstRelease, compareSchemas } from './breaking-changes';

const released = buildSchema(`
  "q" type Query { "c" card(id: ID!): Card }
  "c" type Card { "i" id: ID! "e" expiry: String! "s" status: CardStatus! }
  "s" enum CardStatus { ACTIVE LOCKED }
`);

describe('the breaking-change check', () => {
  it('finds nothing unrecorded between the last release and the current schema', async () => {
    const report = await checkAgainstRelease();
    expect(report.unexpected.map((c) => `${c.type} ${c.path}`)).toEqual([]);
  });

  it('fails on a removed field unless the removal is recorded as intended', async () => {
    const current = buildSchema(`
      "q" type Query { "c" card(id: ID!): Card }
      "c" type Card { "i" id: ID! "s" status: CardStatus! }
      "s" enum CardStatus { ACTIVE LOCKED }
    `);
    const report = await compareSchemas(released, current);
    expect(report.unexpected.map((c) => `${c.type} ${c.path}`)).toEqual(['FIELD_REMOVED Card.expiry']);

    const allowed = await compareSchemas(released, current, [
      { type: 'FIELD_REMOVED', path: 'Card.expiry', reason: 'moved to Card.validity' },
    ]);
    expect(allowed.unexpected).toEqual([]);
    expect(allowed.intended).toHaveLength(1);
  });

  it('lets additions through and flags a new enum value as dangerous, not breaking', async () => {
    const current = buildSchema(`
      "q" type Query { "c" card(id: ID!): Card "n" cards: [Card!]! }
      "c" type Card { "i" id: ID! "e" expiry: String! "s" status: CardStatus! "m" maskedNumber: String }
      "s" enum CardStatus { ACTIVE LOCKED FROZEN }
    `);
    const report = await compareSchemas(released, current);
    expect(report.breaking).toEqual([]);
    expect(report.dangerous.map((c) => c.type)).toEqual(['ENUM_VALUE_ADDED']);
    expect(report.safe.length).toBeGreaterThanOrEqual(2);
  });

  it('reports a recorded break that no longer happens', async () => {
    const report = await compareSchemas(released, released, [{ type: 'FIELD_REMOVED', path: 'Card.expiry', reason: 'x' }]);
    expect(report.unusedAllowances).toHaveLength(1);
  });
});
