import { AdapterOptionsError } from './adapter-errors';
import { fenOption, fractionOption, integerOption, orderOption, parseOptions, roundingOption } from './options';

const spec = {
  statementDay: integerOption(1, 1, 28),
  creditLineFen: fenOption(5_000_000n, 1n),
  minimumDue: fractionOption({ numerator: 10n, denominator: 100n }),
  rounding: roundingOption('HALF_UP'),
  allocation: orderOption<'PENALTY' | 'PRINCIPAL'>(['PENALTY', 'PRINCIPAL'], ['PENALTY', 'PRINCIPAL']),
};

describe('adapter options', () => {
  it('fills documented defaults', () => {
    expect(parseOptions('x', spec, {})).toEqual({
      statementDay: 1,
      creditLineFen: 5_000_000n,
      minimumDue: { numerator: 10n, denominator: 100n },
      rounding: 'HALF_UP',
      allocation: ['PENALTY', 'PRINCIPAL'],
    });
  });
  it('accepts JSON-friendly forms of fen and fractions', () => {
    expect(parseOptions('x', spec, { creditLineFen: '100', minimumDue: '5/100' })).toMatchObject({
      creditLineFen: 100n,
      minimumDue: { numerator: 5n, denominator: 100n },
    });
  });
  it('names the bad option', () => {
    expect(() => parseOptions('jd-finance', spec, { statementDay: 31 })).toThrow(
      /jd-finance: option "statementDay" is 31 \(expected an integer from 1 to 28\)/,
    );
    expect(() => parseOptions('x', spec, { rounding: 'BANKERS' })).toThrow(AdapterOptionsError);
    expect(() => parseOptions('x', spec, { creditLineFen: 12.5 })).toThrow(/"creditLineFen"/);
    expect(() => parseOptions('x', spec, { allocation: ['PRINCIPAL'] })).toThrow(/"allocation"/);
    expect(() => parseOptions('x', spec, { statmentDay: 5 })).toThrow(/option "statmentDay" is not an option/);
  });
});
