/**
 * One fuzzing campaign: fast-check generates cases (a token kind and an operation) from a
 * seed, each is sent through the gateway and checked (fuzz-checks.ts), and a failing case is
 * shrunk by fast-check and reported with everything needed to replay it: the seed and path,
 * the operation, its variables, the token kind, the status and the body, secrets masked.
 * Afterwards every log line is checked against every secret the campaign sent, and the three
 * databases' books must agree.
 */
import * as fc from 'fast-check';
import { maskPersonName, scrubText } from '@cardweave/adapter-sdk';
import { HOLDER_NAMES } from './edge-values';
import {
  answerProblems,
  errorCodes,
  foreignCardNumbers,
  foreignIds,
  logLineProblems,
  mergeSecrets,
  secretsOf,
  unknownIdsInData,
  type Answer,
  type SentSecrets,
} from './fuzz-checks';
import { MALFORMED_TOKENS, type FuzzSystem, type TokenKind } from './fuzz-system';
import { OperationArbitraries, type Asker } from './operation-arbitraries';
import { printOperation, verificationFieldsOf, type FuzzOperation, type PrintedOperation } from './operation-tree';

export interface FuzzCase {
  token: TokenKind;
  op: FuzzOperation;
}

export interface CampaignSummary {
  seed: number;
  /** Cases generated and sent (shrinking included). */
  operations: number;
  durationMs: number;
  byStatus: Record<string, number>;
  byErrorCode: Record<string, number>;
  byToken: Record<string, number>;
  /** Per root field: answered with data (`ok` for a mutation that said ok: true), null, or refused. */
  byRootField: Record<string, number>;
  /** The shrunk failing case, ready to print; null when every case passed. */
  failure: { seed: number; path: string; numRuns: number; numShrinks: number; report: string } | null;
  /** Problems found after the campaign: log lines and books. */
  afterwards: string[];
}

const TOKEN_KINDS: Array<{ weight: number; arbitrary: fc.Arbitrary<TokenKind> }> = [
  { weight: 6, arbitrary: fc.constantFrom<TokenKind>('customer0', 'customer1', 'customer2') },
  { weight: 2, arbitrary: fc.constant<TokenKind>('operator') },
  { weight: 1, arbitrary: fc.constant<TokenKind>('anonymous') },
  { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_TOKENS.map((m): TokenKind => `malformed:${m}`)) },
];

const askerOf = (token: TokenKind): Asker => (token.startsWith('customer') ? Number(token.slice('customer'.length)) : null);

export function caseArb(target: FuzzSystem): fc.Arbitrary<FuzzCase> {
  const generators = new Map<string, OperationArbitraries>();
  const generatorFor = (asker: Asker, edgy: boolean) => {
    const key = `${asker}/${edgy}`;
    if (!generators.has(key)) generators.set(key, new OperationArbitraries(target.world, asker, edgy));
    return generators.get(key)!;
  };
  // A third each: operations a well-behaved client sends, the same with values at the edges, and spoiled ones.
  return fc.tuple(fc.oneof(...TOKEN_KINDS), fc.constantFrom('plausible', 'edgy', 'spoiled')).chain(([token, kind]) => {
    const generator = generatorFor(askerOf(token), kind !== 'plausible');
    return (kind === 'spoiled' ? generator.mutatedArb() : generator.validArb()).map((op): FuzzCase => ({ token, op }));
  });
}

async function send(target: FuzzSystem, token: TokenKind, printed: PrintedOperation, requestId: string): Promise<Answer> {
  const bearer = target.bearer(token);
  const body = `{"query":${JSON.stringify(printed.query)},"variables":${printed.variablesJson}}`;
  try {
    const response = await fetch(target.system.gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // Every process logs it: a log line is checked against the secrets of the request that wrote it.
        'x-request-id': requestId,
        ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
      },
      body,
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let json: Answer['json'];
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Answer['json'];
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  } catch (error) {
    return { status: 0, text: (error as Error).message };
  }
}

/** Text as a failure report shows it: numbers and secrets scrubbed, the cardholder names it sent masked. */
function masked(text: string): string {
  return HOLDER_NAMES.reduce((t, name) => t.split(name).join(maskPersonName(name)), scrubText(text));
}

/** A case as a failure report shows it: nothing in it a log could not show. */
export function describeCase(c: FuzzCase, printed: PrintedOperation, answer?: Answer): string {
  const lines = [
    `token: ${c.token}`,
    `operation:\n${masked(printed.query)}`,
    `variables: ${masked(printed.variablesJson).slice(0, 4_000)}`,
  ];
  if (answer) lines.push(`status: ${answer.status}`, `body: ${masked(answer.text).slice(0, 4_000)}`);
  return lines.join('\n');
}

/** Lets the processes' pipes deliver what they have written. */
const drain = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runCampaign(
  target: FuzzSystem,
  options: { seed: number; numRuns: number; path?: string; onProgress?: (done: number) => void },
): Promise<CampaignSummary> {
  const started = Date.now();
  const summary: CampaignSummary = {
    seed: options.seed,
    operations: 0,
    durationMs: 0,
    byStatus: {},
    byErrorCode: {},
    byToken: {},
    byRootField: {},
    failure: null,
    afterwards: [],
  };
  const bump = (record: Record<string, number>, key: string) => (record[key] = (record[key] ?? 0) + 1);
  const secretsByRequest = new Map<string, SentSecrets>();

  const property = fc.asyncProperty(caseArb(target), async (c) => {
    const printed = printOperation(c.op);
    const secrets = secretsOf(verificationFieldsOf(c.op), HOLDER_NAMES);
    const requestId = `fuzz-${options.seed}-${summary.operations}`;
    secretsByRequest.set(requestId, secrets);
    const logsBefore = target.logs.length;
    const answer = await send(target, c.token, printed, requestId);
    summary.operations += 1;
    options.onProgress?.(summary.operations);
    bump(summary.byStatus, String(answer.status));
    bump(summary.byToken, c.token);
    for (const code of errorCodes(answer)) bump(summary.byErrorCode, code);
    for (const s of c.op.selection) {
      if (s.kind !== 'field') continue;
      const value = (answer.json?.data as Record<string, unknown> | null | undefined)?.[s.alias ?? s.name];
      const outcome = value === undefined ? 'refused' : value === null ? 'null' : (value as { ok?: unknown }).ok === true ? 'ok' : 'data';
      bump(summary.byRootField, `${s.name}: ${outcome}`);
    }

    const problems = answerProblems(answer);
    const asker = askerOf(c.token);
    // Operators see every customer's objects; any other token's answer holds only its own
    // customer's (none at all for a token that is no customer's).
    if (c.token !== 'operator') {
      const requestText = printed.query + printed.variablesJson;
      const as = asker ?? -1;
      if (unknownIdsInData(answer, target.ownerOf)) await target.refreshOwnership();
      for (const id of foreignIds(answer, as, target.ownerOf, requestText)) problems.push(`another customer's id in the answer: ${id}`);
    }
    await drain(5);
    for (const { service, line } of target.logs.slice(logsBefore)) {
      for (const p of logLineProblems(line, secrets)) problems.push(`${service} logged ${masked(p)}`);
    }
    for (const pan of foreignCardNumbers(answer, c.token === 'operator' ? null : (asker ?? -1), target.pans))
      problems.push(`another customer's full card number in the answer: ${pan}`);
    if (problems.length > 0) throw new Error(`${problems.join('\n')}\nrequest id: ${requestId}\n${describeCase(c, printed, answer)}`);
  });

  const details = await fc.check(property, { seed: options.seed, numRuns: options.numRuns, path: options.path });
  if (details.failed) {
    const counterexample = details.counterexample?.[0];
    summary.failure = {
      seed: details.seed,
      path: details.counterexamplePath ?? '',
      numRuns: details.numRuns,
      numShrinks: details.numShrinks,
      report: [
        `${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
        counterexample ? '' : '(no counterexample)',
        `replay: npm run fuzz -- --seed ${details.seed} --path "${details.counterexamplePath}"`,
      ]
        .filter(Boolean)
        .join('\n'),
    };
  }

  // Every line again, late ones included (a subgraph's written after the answer left): against
  // the secrets of the request it names, or, without one, against every secret long enough to
  // tell apart (a CVV2's three digits or an SMS code's six are not, without their request).
  await drain(500);
  const distinctive = { ...mergeSecrets([...secretsByRequest.values()]), cvv2s: [], smsCodes: [] };
  for (const { service, line } of target.logs) {
    const requestId = requestIdOf(line);
    const secrets = (requestId && secretsByRequest.get(requestId)) || distinctive;
    for (const p of logLineProblems(line, secrets))
      summary.afterwards.push(`${service} logged ${masked(p)}${requestId ? ` (request ${requestId})` : ''}`);
  }
  summary.afterwards.push(...(await target.booksDisagreements()));
  summary.afterwards = [...new Set(summary.afterwards)];
  summary.durationMs = Date.now() - started;
  return summary;
}

function requestIdOf(line: string): string | undefined {
  try {
    const id = (JSON.parse(line) as { requestId?: unknown }).requestId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

export function formatSummary(s: CampaignSummary): string {
  const sorted = (r: Record<string, number>) =>
    JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))));
  return [
    `seed ${s.seed}: ${s.operations} operations in ${(s.durationMs / 1000).toFixed(1)} s`,
    `by HTTP status: ${sorted(s.byStatus)}`,
    `by error code: ${sorted(s.byErrorCode)}`,
    `by token: ${sorted(s.byToken)}`,
    `by root field: ${sorted(s.byRootField)}`,
    s.failure ? `FAILED after ${s.failure.numRuns} runs, shrunk ${s.failure.numShrinks} times:\n${s.failure.report}` : 'every case passed',
    s.afterwards.length ? `afterwards:\n${s.afterwards.join('\n')}` : 'logs clean, books agree',
  ].join('\n');
}
