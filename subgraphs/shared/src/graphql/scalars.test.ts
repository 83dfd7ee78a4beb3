/** Fen holds the same amounts however it is written: in variables or as a literal in the document. */
import { GraphQLError, parseValue } from 'graphql';
import { FenScalar } from './scalars';

describe('Fen', () => {
  it('reads a literal JSON carries exactly, as a variable would be', () => {
    for (const text of ['0', '12345', '-100', '9007199254740991', '-9007199254740991']) {
      expect(FenScalar.parseLiteral(parseValue(text))).toBe(BigInt(text));
      expect(FenScalar.parseValue(Number(text))).toBe(BigInt(text));
    }
  });

  it('refuses a literal beyond what it holds as BAD_USER_INPUT, as it refuses such a variable', () => {
    for (const text of ['9007199254740992', '-9007199254740992', '9223372036854775808', '99999999999999999999999']) {
      let refused: unknown;
      try {
        FenScalar.parseLiteral(parseValue(text));
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(GraphQLError);
      expect((refused as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('Fen refusals say the range', () => {
  const refusal = (read: () => unknown): GraphQLError => {
    try {
      read();
    } catch (error) {
      return error as GraphQLError;
    }
    throw new Error('accepted');
  };

  it('refuses 2^53 + 2, a whole number, by its range and not as a fraction, in a variable and a literal', () => {
    const range = 'Fen must be a whole number of fen from -9007199254740991 to 9007199254740991; got 9007199254740994';
    for (const error of [
      refusal(() => FenScalar.parseValue(2 ** 53 + 2)),
      refusal(() => FenScalar.parseValue('9007199254740994')),
      refusal(() => FenScalar.parseLiteral(parseValue('9007199254740994'))),
    ]) {
      expect(error.message).toBe(range);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('reads a string of digits exactly, whatever its length, and refuses it past the range by the range', () => {
    expect(FenScalar.parseValue('9007199254740991')).toBe(9007199254740991n);
    expect(refusal(() => FenScalar.parseValue('123456789012345678901234')).message).toMatch(
      /from -9007199254740991 to 9007199254740991; got 123456789012345678901234$/,
    );
  });

  it('calls a fraction a fraction, and anything else not an amount', () => {
    expect(refusal(() => FenScalar.parseValue(1.5)).message).toMatch(/not a fraction; got 1\.5$/);
    expect(refusal(() => FenScalar.parseLiteral(parseValue('1.5'))).message).toMatch(/not a fraction; got 1\.5$/);
    expect(refusal(() => FenScalar.parseValue('12.50')).message).toMatch(/not a fraction; got "12\.50"$/);
    expect(refusal(() => FenScalar.parseValue(true)).message).toMatch(/as a JSON number or a string of digits; got true$/);
  });
});
