/**
 * The public schema states the ranges this package enforces, from the same constants: the page
 * size of every `first`/`last`, Fen's own range and a range on every Fen input; and every custom
 * scalar names its specification.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, getNamedType, isInputObjectType, isObjectType, isScalarType } from 'graphql';
import { MAX_PAGE_SIZE } from './pagination';
import { MAX_FEN } from './scalars';

const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../../../schema/public-api.graphql'), 'utf8'));
const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__'));

it('states the page size, 1 to MAX_PAGE_SIZE, on every first and last argument', () => {
  const pages = types
    .filter(isObjectType)
    .flatMap((type) => Object.values(type.getFields()).map((field) => ({ coordinate: `${type.name}.${field.name}`, args: field.args })))
    .flatMap(({ coordinate, args }) =>
      args.filter((a) => a.name === 'first' || a.name === 'last').map((a) => [`${coordinate}(${a.name})`, a.description]),
    );
  expect(pages.length).toBeGreaterThanOrEqual(6);
  for (const [coordinate, description] of pages)
    expect([coordinate, description]).toEqual([coordinate, expect.stringContaining(`1 to ${MAX_PAGE_SIZE}`)]);
});

it('states a range on every Fen input, on the field or its input type', () => {
  const inputs = types.filter(isInputObjectType).flatMap((type) =>
    Object.values(type.getFields())
      .filter((field) => getNamedType(field.type).name === 'Fen')
      .map((field) => [`${type.name}.${field.name}`, `${field.description} ${type.description}`]),
  );
  expect(inputs.length).toBeGreaterThan(0);
  for (const [coordinate, text] of inputs)
    expect([coordinate, text]).toEqual([coordinate, expect.stringMatching(/\d+ to \d+|\d+ or more/)]);
});

it("states Fen's range and names a specification for every custom scalar", () => {
  expect(schema.getType('Fen')?.description).toContain(`from -${MAX_FEN} to ${MAX_FEN}`);
  const custom = types.filter(isScalarType).filter((t) => !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name));
  expect(custom.map((t) => t.name).sort()).toEqual(['Date', 'DateTime', 'Fen']);
  for (const type of custom) expect([type.name, type.specifiedByURL]).toEqual([type.name, `/docs/scalars.md#${type.name.toLowerCase()}`]);
});
