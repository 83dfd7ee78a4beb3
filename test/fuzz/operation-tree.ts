/**
 * A generated GraphQL operation as a small tree, and how it is printed into the request body.
 * The tree (not a string) is what the arbitraries build and mutate, so a failing case shrinks
 * field by field and prints the same way every time it is replayed.
 */

/** A value sent as an argument, inline in the document or as a variable. */
export type FuzzValue =
  | { kind: 'null' }
  | { kind: 'string'; value: string }
  /** A number as its text, so numbers beyond 64 bits and beyond a double reach the server as written. */
  | { kind: 'number'; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'enum'; value: string }
  | { kind: 'list'; items: FuzzValue[] }
  | { kind: 'object'; fields: Array<{ name: string; value: FuzzValue }> };

export interface FuzzArgument {
  name: string;
  value: FuzzValue;
  /** Sent as `$name` of this declared type (the schema's, or a wrong one) instead of inline. */
  variableType?: string;
}

export interface FuzzField {
  name: string;
  alias?: string;
  args: FuzzArgument[];
  selection?: FuzzSelection[];
}

/** A field, or an inline fragment on a type condition (right or wrong), or a named fragment's spread. */
export type FuzzSelection =
  | ({ kind: 'field' } & FuzzField)
  | { kind: 'inline'; typeCondition?: string; selection: FuzzSelection[] }
  | { kind: 'spread'; fragment: string };

export interface FuzzFragment {
  name: string;
  typeCondition: string;
  selection: FuzzSelection[];
}

export interface FuzzOperation {
  type: 'query' | 'mutation';
  selection: FuzzSelection[];
  fragments: FuzzFragment[];
  /** Declared variables nobody uses, or used variables nobody declares, as mutations add them. */
  extraVariableDefinitions?: Array<{ name: string; type: string }>;
  undeclaredVariables?: string[];
}

/** What goes on the wire: the document, and the variables object as JSON text (numbers as written). */
export interface PrintedOperation {
  query: string;
  variablesJson: string;
}

function printLiteral(value: FuzzValue): string {
  switch (value.kind) {
    case 'null':
      return 'null';
    case 'string':
      return JSON.stringify(value.value);
    case 'number':
      return value.text;
    case 'boolean':
      return String(value.value);
    case 'enum':
      return value.value;
    case 'list':
      return `[${value.items.map(printLiteral).join(', ')}]`;
    case 'object':
      return `{${value.fields.map((f) => `${f.name}: ${printLiteral(f.value)}`).join(', ')}}`;
  }
}

/** JSON text of a value; an enum is its name as a string, a number its text as given. */
export function valueJson(value: FuzzValue): string {
  switch (value.kind) {
    case 'null':
      return 'null';
    case 'string':
      return JSON.stringify(value.value);
    case 'number':
      // JSON has no leading '+', no Infinity; a text JSON cannot carry goes as a string.
      return /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(value.text) ? value.text : JSON.stringify(value.text);
    case 'boolean':
      return String(value.value);
    case 'enum':
      return JSON.stringify(value.value);
    case 'list':
      return `[${value.items.map(valueJson).join(',')}]`;
    case 'object':
      return `{${value.fields.map((f) => `${JSON.stringify(f.name)}:${valueJson(f.value)}`).join(',')}}`;
  }
}

export function printOperation(op: FuzzOperation): PrintedOperation {
  const variables: Array<{ name: string; type: string; value: FuzzValue }> = [];
  const printSelection = (selection: FuzzSelection[], indent: string): string => {
    const lines = selection.map((s) => {
      if (s.kind === 'spread') return `${indent}...${s.fragment}`;
      if (s.kind === 'inline')
        return `${indent}... ${s.typeCondition ? `on ${s.typeCondition} ` : ''}{\n${printSelection(s.selection, indent + '  ')}\n${indent}}`;
      const args = s.args.map((a) => {
        if (!a.variableType) return `${a.name}: ${printLiteral(a.value)}`;
        const name = `v${variables.length}`;
        variables.push({ name, type: a.variableType, value: a.value });
        return `${a.name}: $${name}`;
      });
      const head = `${s.alias ? `${s.alias}: ` : ''}${s.name}${args.length ? `(${args.join(', ')})` : ''}`;
      return s.selection ? `${indent}${head} {\n${printSelection(s.selection, indent + '  ')}\n${indent}}` : `${indent}${head}`;
    });
    return lines.join('\n');
  };
  const body = printSelection(op.selection, '  ');
  const fragments = op.fragments.map((f) => `fragment ${f.name} on ${f.typeCondition} {\n${printSelection(f.selection, '  ')}\n}`);
  const definitions = [
    ...variables.map((v) => `$${v.name}: ${v.type}`),
    ...(op.extraVariableDefinitions ?? []).map((v) => `$${v.name}: ${v.type}`),
  ];
  const undeclared = (op.undeclaredVariables ?? []).map((name) => `  undeclared_${name}: __typename @include(if: $${name})`);
  const query = [
    `${op.type}${definitions.length ? `(${definitions.join(', ')})` : ''} {\n${[body, ...undeclared].join('\n')}\n}`,
    ...fragments,
  ].join('\n');
  const variablesJson = `{${variables.map((v) => `${JSON.stringify(v.name)}:${valueJson(v.value)}`).join(',')}}`;
  return { query, variablesJson };
}

/** The `{ name, value }` pairs of verification fields in an operation (bindCard's and issuance steps'). */
export function verificationFieldsOf(op: FuzzOperation): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  const ofValue = (v: FuzzValue): void => {
    if (v.kind === 'list') v.items.forEach(ofValue);
    else if (v.kind === 'object') {
      const name = v.fields.find((f) => f.name === 'name')?.value;
      const value = v.fields.find((f) => f.name === 'value')?.value;
      if (name?.kind === 'string' && value?.kind === 'string') out.push({ name: name.value, value: value.value });
      v.fields.forEach((f) => ofValue(f.value));
    }
  };
  const ofSelection = (selection: FuzzSelection[]): void => {
    for (const s of selection) {
      if (s.kind === 'field') {
        s.args.forEach((a) => ofValue(a.value));
        if (s.selection) ofSelection(s.selection);
      } else if (s.kind === 'inline') ofSelection(s.selection);
    }
  };
  ofSelection(op.selection);
  op.fragments.forEach((f) => ofSelection(f.selection));
  return out;
}
