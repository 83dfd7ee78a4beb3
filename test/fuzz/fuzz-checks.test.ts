/**
 * The fuzzer's checks catch what they are for: a 5xx, an unknown or internal error code,
 * another customer's id in an answer (an id the request carried is only echoed in an error),
 * and a card number, a secret sent or an unmasked cardholder name in a log line.
 */
import { answerProblems, foreignCardNumbers, foreignIds, logLineProblems, NO_SECRETS, secretsOf, type Answer } from './fuzz-checks';
import { HOLDER_NAMES, withLuhn } from './edge-values';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const owners = new Map([
  [A, 0],
  [B, 1],
]);
const ownerOf = (id: string) => owners.get(id);
const answer = (status: number, json: Answer['json']): Answer => ({ status, text: JSON.stringify(json), json });

describe('answerProblems', () => {
  it('flags a 5xx, a missing or unknown code and an internal error; passes coded refusals', () => {
    expect(answerProblems(answer(502, { errors: [{ message: 'x', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] }))).toEqual(['HTTP 502']);
    expect(answerProblems(answer(200, { errors: [{ message: 'x' }] }))).toHaveLength(1);
    expect(answerProblems(answer(200, { errors: [{ message: 'x', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } }] }))).toHaveLength(1);
    expect(answerProblems(answer(200, { errors: [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }))).toHaveLength(1);
    expect(answerProblems({ status: 400, text: '<html>' })).toHaveLength(1);
    expect(answerProblems({ status: 0, text: 'ECONNRESET' })).toHaveLength(1);
    expect(answerProblems(answer(400, { errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }] }))).toEqual([]);
    expect(answerProblems(answer(200, { data: { card: null } }))).toEqual([]);
  });
});

describe('foreignIds', () => {
  it("finds another customer's id in the data, and in an error only when the request did not carry it", () => {
    expect(foreignIds(answer(200, { data: { card: { id: B } } }), 0, ownerOf, `{ card(id: "${B}") { id } }`)).toEqual([
      `${B} (customer1's)`,
    ]);
    expect(foreignIds(answer(200, { data: { card: { id: A } } }), 0, ownerOf, '')).toEqual([]);
    expect(foreignIds(answer(200, { data: null, errors: [{ message: `card ${B} not found` }] }), 0, ownerOf, `"${B}"`)).toEqual([]);
    expect(foreignIds(answer(200, { data: null, errors: [{ message: `owned by ${B}` }] }), 0, ownerOf, `"${A}"`)).toHaveLength(1);
    // No customer at all (anonymous, malformed token): every customer's id is foreign.
    expect(foreignIds(answer(200, { data: { card: { id: A } } }), -1, ownerOf, '')).toHaveLength(1);
  });
});

describe('foreignCardNumbers', () => {
  it("finds another customer's full card number, whole or spaced; an operator sees none", () => {
    const pans = [[withLuhn('625350000000001')], [withLuhn('625350000000002')]];
    const spaced = pans[1][0].replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(foreignCardNumbers({ status: 200, text: `{"n":"${spaced}"}` }, 0, pans)).toHaveLength(1);
    expect(foreignCardNumbers({ status: 200, text: `{"n":"${pans[0][0]}"}` }, 0, pans)).toEqual([]);
    expect(foreignCardNumbers({ status: 200, text: `{"n":"${pans[0][0]}"}` }, null, pans)).toHaveLength(1);
  });
});

describe('logLineProblems', () => {
  const pan = withLuhn('622202123456789');
  it('finds a card number anywhere, not a uuid nor the fraction of a float', () => {
    expect(logLineProblems(`{"errors":["Int cannot represent ${pan}"]}`, NO_SECRETS)).toHaveLength(1);
    expect(logLineProblems(`{"errors":["card ${pan.replace(/(\d{4})(?=\d)/g, '$1 ')}"]}`, NO_SECRETS)).toHaveLength(1);
    expect(logLineProblems(`{"errors":["value 1.${pan}e+58"],"requestId":"${A}"}`, NO_SECRETS)).toEqual([]);
  });
  it('finds the secrets the request sent and an unmasked cardholder name, not their masks', () => {
    const secrets = secretsOf(
      [
        { name: 'residentId', value: '11010519491231002X' },
        { name: 'mobile', value: '13812345678' },
        { name: 'cvv2', value: '739' },
        { name: 'smsCode', value: '480615' },
        { name: 'name', value: HOLDER_NAMES[0] },
        { name: 'name', value: 'Zebulon Quackenbush' },
      ],
      HOLDER_NAMES,
    );
    const leaked = `{"v":{"id":"11010519491231002X","m":"13812345678","c":"739","s":"480615","n":"${HOLDER_NAMES[0]}","q":"Z. Quackenbush"}}`;
    expect(logLineProblems(leaked, secrets)).toHaveLength(6);
    const masked = `{"v":{"id":"110105********002X","m":"138****5678","cvv2":"[REDACTED]","smsCode":"[REDACTED]","name":"欧***","n2":"Z****** Q**********"}}`;
    expect(logLineProblems(masked, secrets)).toEqual([]);
  });
});
