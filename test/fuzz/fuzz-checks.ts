/**
 * What every answer and every log line must satisfy, whatever was sent: no 5xx (nor a request
 * left unanswered), every error with a code from the typed list and none an internal error,
 * no id of another customer's object in an answer (operators excepted), and no card number,
 * resident ID number, mobile number, CVV2, SMS code or unmasked cardholder name in any log.
 */
import { isClientErrorCode } from '@cardweave/service-kit';
import { luhnValid } from './edge-values';

export interface Answer {
  status: number;
  text: string;
  json?: { data?: unknown; errors?: Array<{ message?: string; extensions?: { code?: unknown } }> };
}

export const UUID_PATTERN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The error codes of an answer; `(none)` for an error without one. */
export function errorCodes(answer: Answer): string[] {
  return (answer.json?.errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : '(none)'));
}

export function answerProblems(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status === 0) problems.push(`no answer: ${answer.text}`);
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  if (answer.status > 0 && !answer.json) problems.push(`HTTP ${answer.status} with a body that is not GraphQL JSON`);
  for (const e of answer.json?.errors ?? []) {
    const code = e.extensions?.code;
    if (!isClientErrorCode(code)) problems.push(`error without a known code: ${JSON.stringify(e).slice(0, 300)}`);
    else if (code === 'INTERNAL_SERVER_ERROR') problems.push(`internal error: ${JSON.stringify(e).slice(0, 300)}`);
  }
  return problems;
}

/**
 * Ids of objects owned by another customer than `asker` in the answer. In the data every id
 * counts; in errors only ids the request did not carry itself (an id echoed back tells the
 * client nothing it did not send).
 */
export function foreignIds(answer: Answer, asker: number, ownerOf: (id: string) => number | undefined, requestText: string): string[] {
  const sent = new Set((requestText.match(UUID_PATTERN) ?? []).map((id) => id.toLowerCase()));
  const inData = JSON.stringify(answer.json?.data ?? null).match(UUID_PATTERN) ?? [];
  const inErrors = (JSON.stringify(answer.json?.errors ?? []).match(UUID_PATTERN) ?? []).filter((id) => !sent.has(id.toLowerCase()));
  const found = new Set<string>();
  for (const id of [...inData, ...inErrors]) {
    const owner = ownerOf(id.toLowerCase());
    if (owner !== undefined && owner !== asker) found.add(`${id} (customer${owner}'s)`);
  }
  return [...found];
}

/**
 * Full card numbers of another customer than `asker` in an answer (`asker` null: an operator,
 * who sees no full number either; -1: no customer at all).
 */
export function foreignCardNumbers(answer: Answer, asker: number | null, pans: string[][]): string[] {
  const digits = new Set((answer.text.match(/\d(?:[ -]?\d){15,18}/g) ?? []).map((run) => run.replace(/[ -]/g, '')));
  return pans.flatMap((own, owner) =>
    owner === asker ? [] : own.filter((pan) => digits.has(pan)).map((pan) => `${pan.slice(0, 6)}…${pan.slice(-4)} (customer${owner}'s)`),
  );
}

/** Ids in an answer's data that no known customer owns (yet): objects made since ownership was read. */
export function unknownIdsInData(answer: Answer, ownerOf: (id: string) => number | undefined): boolean {
  return (JSON.stringify(answer.json?.data ?? null).match(UUID_PATTERN) ?? []).some((id) => ownerOf(id.toLowerCase()) === undefined);
}

/** The secrets one request carried, by kind, as they must never show in a log. */
export interface SentSecrets {
  residentIds: string[];
  mobiles: string[];
  cvv2s: string[];
  smsCodes: string[];
  holderNames: string[];
}

export function secretsOf(fields: Array<{ name: string; value: string }>, holderNames: string[]): SentSecrets {
  const of = (name: RegExp, valid: RegExp) => fields.filter((f) => name.test(f.name) && valid.test(f.value)).map((f) => f.value);
  return {
    residentIds: of(/^residentId$/, /^\d{17}[\dXx]$/),
    mobiles: of(/^mobile$/, /^1[3-9]\d{9}$/),
    cvv2s: of(/^cvv2$/, /^\d{3}$/),
    smsCodes: of(/^smsCode$/, /^\d{6}$/),
    holderNames: fields.filter((f) => f.name === 'name' && holderNames.includes(f.value)).map((f) => f.value),
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Card numbers: Luhn-valid runs of 16–19 digits, spaces or dashes between them allowed. Left out: UUIDs (an id is no card number) and
 * the digits of a float's fraction (`1.2658635015104346e+58`, a number sent at the edge).
 */
function cardNumbersIn(line: string): string[] {
  const text = line.replace(UUID_PATTERN, '-');
  // Spaced or dashed as people write them ("6253 5012 3456 7897") too.
  const runs = text.match(/(?<![\d.])\d(?:[ -]?\d){15,18}(?![\dA-Za-z])/g) ?? [];
  return runs.map((run) => run.replace(/[ -]/g, '')).filter((digits) => digits.length >= 16 && digits.length <= 19 && luhnValid(digits));
}

/** What a log line shows that it must not: any card number, and the secrets this request sent. */
export function logLineProblems(line: string, secrets: SentSecrets): string[] {
  const text = line.replace(UUID_PATTERN, '-');
  const problems: string[] = [];
  /** What was found, and where: the line around it, the secret itself left out. */
  const found = (what: string, pattern: RegExp) => {
    const match = pattern.exec(text);
    if (!match) return;
    const before = text.slice(Math.max(0, match.index - 120), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 60);
    problems.push(`${what} in …${before}[${what}]${after}…`);
  };
  for (const pan of cardNumbersIn(line)) found(`card number ${pan.slice(0, 6)}…${pan.slice(-4)}`, new RegExp(pan.split('').join('[ -]?')));
  for (const id of secrets.residentIds)
    found(`resident ID ${id.slice(0, 6)}…`, new RegExp(`(?<![\\dA-Za-z])${escape(id)}(?![\\dA-Za-z])`, 'i'));
  for (const m of secrets.mobiles) found(`mobile ${m.slice(0, 3)}…`, new RegExp(`(?<!\\d)${m}(?!\\d)`));
  for (const c of secrets.cvv2s) found('CVV2', new RegExp(`\\\\?"${c}\\\\?"`));
  for (const code of secrets.smsCodes) found('SMS code', new RegExp(`(?<!\\d)${code}(?!\\d)`));
  for (const name of secrets.holderNames) {
    // The whole name, or all of it but the first character (a mask keeps only that), or any word of four letters or more.
    const parts = [name, ...(name.length >= 3 ? [name.slice(1)] : []), ...name.split(/[\s·-]+/).filter((w) => /^[A-Za-z]{4,}$/.test(w))];
    found(`cardholder name ${name[0]}…`, new RegExp(parts.map(escape).join('|')));
  }
  return problems;
}

export const NO_SECRETS: SentSecrets = { residentIds: [], mobiles: [], cvv2s: [], smsCodes: [], holderNames: [] };

export function mergeSecrets(all: SentSecrets[]): SentSecrets {
  return {
    residentIds: [...new Set(all.flatMap((s) => s.residentIds))],
    mobiles: [...new Set(all.flatMap((s) => s.mobiles))],
    cvv2s: [...new Set(all.flatMap((s) => s.cvv2s))],
    smsCodes: [...new Set(all.flatMap((s) => s.smsCodes))],
    holderNames: [...new Set(all.flatMap((s) => s.holderNames))],
  };
}
