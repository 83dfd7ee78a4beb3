import { normalizeError } from '../plugins/use-edge-errors';
import { localizeError } from './localize-error';
import { plainVariableMessage } from './variable-messages';

const RANGE = 'must be a whole number of fen from -9007199254740991 to 9007199254740991';

describe('plainVariableMessage', () => {
  it.each([
    [
      'Variable "$i" got invalid value "1.5" at "i.amountFen"; Fen must be a whole number of fen (e.g. 12345 for 123.45 CNY), not a fraction; got "1.5"',
      {
        message: '$i.amountFen: must be a whole number of fen (e.g. 12345 for 123.45 CNY), not a fraction; got "1.5"',
        field: '$i.amountFen',
      },
    ],
    [
      `Variable "$i" got invalid value 9007199254740994 at "i.items[2].amountFen"; Fen ${RANGE}; got 9007199254740994`,
      { message: `$i.items[2].amountFen: ${RANGE}; got 9007199254740994`, field: '$i.items[2].amountFen' },
    ],
    [`Variable "$amount" got invalid value 1.5; Fen ${RANGE}; got 1.5`, { message: `$amount: ${RANGE}; got 1.5`, field: '$amount' }],
    // A reason without the value keeps graphql-js's.
    [`Variable "$amount" got invalid value { a: 1 }; Fen ${RANGE}`, { message: `$amount: ${RANGE}; got { a: 1 }`, field: '$amount' }],
  ])('%s', (message, plain) => {
    expect(plainVariableMessage(message)).toEqual(plain);
  });

  it.each([
    'Variable "$d" got invalid value "x"; Date must be YYYY-MM-DD',
    'Variable "$i" got invalid value null at "i.bindingId"; Expected non-nullable type "ID!" not to be null.',
    `input.amountFen: ${RANGE}; got 9007199254740994`,
  ])('leaves any other message as it is: %s', (message) => {
    expect(plainVariableMessage(message)).toBeUndefined();
  });
});

describe('a Fen variable refused by a subgraph, at the edge', () => {
  const fromSubgraph = {
    message:
      'Variable "$i" got invalid value "1.5" at "i.amountFen"; Fen must be a whole number of fen (e.g. 12345 for 123.45 CNY), not a fraction; got "1.5"',
    extensions: { code: 'BAD_USER_INPUT', subgraph: 'wallet' },
    path: ['pay'],
  };

  it('names the field once, in English and zh-CN, with `field` its path', () => {
    const english = normalizeError(fromSubgraph, true, true);
    expect(english.message).toBe('$i.amountFen: must be a whole number of fen (e.g. 12345 for 123.45 CNY), not a fraction; got "1.5"');
    expect(english.extensions).toEqual({ code: 'BAD_USER_INPUT', subgraph: 'wallet', field: '$i.amountFen', http: { status: 400 } });
    expect(localizeError(english, 'zh-CN').message).toBe(
      '$i.amountFen：必须是整数分（例如 12345 表示 123.45 元），不能是小数；收到的是 "1.5"',
    );
  });
});
