/**
 * A Fen variable's refusal as an input error like the others: its path, then why. The subgraph's
 * graphql-js words it around the scalar's own message, naming the variable and the value twice
 * (`Variable "$i" got invalid value "1.5" at "i.amountFen"; Fen must be a whole number of fen …;
 * got "1.5"`); the client reads `$i.amountFen: must be a whole number of fen …; got "1.5"`, with
 * `field` that path, as a Fen literal's refusal reads `input.amountFen: …` (use-number-literals).
 */

// graphql-js: `Variable "$<name>" got invalid value <value>[ at "<name><path>"]; <the scalar's message>`.
const FEN_VARIABLE = /^Variable "\$(\w+)" got invalid value (.*?)(?: at "([^"]+)")?; Fen (must be a whole number of fen.*)$/s;

/** The plain message and the field of a Fen variable's refusal, or undefined for any other message. */
export function plainVariableMessage(message: string): { message: string; field: string } | undefined {
  const m = FEN_VARIABLE.exec(message);
  if (!m) return undefined;
  const [, variable, value, at, reason] = m;
  // graphql-js's path starts with the variable's name (`i.amountFen`, `i.items[0].amountFen`).
  const field = `$${at ?? variable}`;
  return { message: `${field}: ${/; got /.test(reason) ? reason : `${reason}; got ${value}`}`, field };
}
