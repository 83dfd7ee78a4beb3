/**
 * The request log keeps an error's message without the values GraphQL prints in it: a refused
 * input object's cardholder name, CVV2 or SMS code must not reach the log through the message.
 */
import { errorMessageForLog } from './use-access-log';

describe('errorMessageForLog', () => {
  it("cuts the values of a refused variable, a cardholder's name and secrets included", () => {
    const message =
      'Variable "$v0" got invalid value { fields: [{ name: "name", value: "欧阳修远" }, { name: "cvv2", value: "739" }], ' +
      'idempotencyKey: "aaaaaaaa", stepId: null, customerId: "x" }; Field "customerId" is not defined by type "VerifyCardIssuanceStepInput". Did you mean "stepId"?';
    const logged = errorMessageForLog(message);
    expect(logged).not.toMatch(/欧阳修远|阳修远|739|aaaaaaaa/);
    expect(logged).toBe(
      'Variable "$v0" got invalid value { fields: [{ name: "…", value: "…" }, { name: "…", value: "…" }], ' +
        'idempotencyKey: "…", stepId: null, customerId: "…" }; Field "customerId" is not defined by type "VerifyCardIssuanceStepInput". Did you mean "stepId"?',
    );
  });

  it('cuts a string value refused whole, a literal found in the document and an escaped quote inside one', () => {
    expect(errorMessageForLog('Variable "$name" got invalid value "John \\"J\\" Smith"; String cannot represent it')).toBe(
      'Variable "$name" got invalid value "…"; String cannot represent it',
    );
    expect(errorMessageForLog('Expected value of type "Int!", found "Zebulon Quackenbush".')).toBe(
      'Expected value of type "Int!", found "…".',
    );
    expect(errorMessageForLog('Enum "BillStatus" cannot represent non-enum value: "司马徽音".')).toBe(
      'Enum "BillStatus" cannot represent non-enum value: "…".',
    );
  });

  it('keeps what names the fault: variables, paths, types and fields', () => {
    const message = 'Variable "$v0" got invalid value null at "v0.stepId"; Expected non-nullable type "ID!" not to be null.';
    expect(errorMessageForLog(message)).toBe(message);
    expect(errorMessageForLog('Cannot query field "cvv2" on type "Card".')).toBe('Cannot query field "cvv2" on type "Card".');
  });
});
