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
