/**
 * The I/O half of an adapter, shared: send a request through the injected client, tell
 * "never reached" from "answer lost", check the answer's signature, parse it, and turn
 * a platform code into a result through the error table. Transformers stay pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadSignatureError, PlatformUnreachableError, UnparseableResponseError } from './adapter-errors';
import { mapPlatformError } from './canonical-error';
import type { ErrorTableRow } from './contract';
import { HttpTransportError, type HttpClient, type HttpRequest, type HttpResponse } from './http';
import type { OperationName, OperationResult } from './operations';

export function hmacSignature(key: string, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}

export function signatureMatches(key: string, text: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(hmacSignature(key, text));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type Exchange = { kind: 'ANSWERED'; response: HttpResponse } | { kind: 'ANSWER_LOST'; detail: string };

/**
 * Sends a request. A failure before the platform saw it is a fault (thrown); a failure
 * after sending is reported as ANSWER_LOST so money-moving operations can answer
 * INDETERMINATE and settle by a status query.
 */
export async function sendToPlatform(adapterId: string, http: HttpClient, request: HttpRequest): Promise<Exchange> {
  try {
    return { kind: 'ANSWERED', response: await http.send(request) };
  } catch (error) {
    if (error instanceof HttpTransportError && error.phase === 'RESPONSE') return { kind: 'ANSWER_LOST', detail: error.message };
    throw new PlatformUnreachableError(adapterId, error instanceof Error ? error.message : String(error));
  }
}

/** Throws BadSignatureError unless the body carries the platform's signature in `header`. */
export function verifyResponseSignature(adapterId: string, key: string, response: HttpResponse, header: string): void {
  if (!signatureMatches(key, response.body, response.headers[header])) throw new BadSignatureError(adapterId);
}

export function parseJsonObject(adapterId: string, body: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new UnparseableResponseError(adapterId, `not JSON: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UnparseableResponseError(adapterId, 'not a JSON object');
  return parsed as Record<string, unknown>;
}

/** Reads a required string field of a parsed answer, or throws UnparseableResponseError naming it. */
export function requireString(adapterId: string, data: Record<string, unknown>, field: string): string {
  const value = data[field];
  if (typeof value !== 'string') throw new UnparseableResponseError(adapterId, `field "${field}" missing or not a string`);
  return value;
}

/**
 * A platform's non-success answer as a result, through the error table: a decline, or
 * pending / indeterminate when the row says the code means "not finished".
 */
export function resultFromPlatformCode<T>(
  adapterId: string,
  table: readonly ErrorTableRow[],
  flow: OperationName,
  platformCode: string,
  platformMessage: string,
  reference: string,
  retryAfterSeconds?: number,
): OperationResult<T> {
  const { row, error } = mapPlatformError(adapterId, table, flow, platformCode, platformMessage, retryAfterSeconds);
  if (row?.outcome === 'PENDING') {
    const wait = retryAfterSeconds ?? row.retryAfterSeconds;
    return wait === undefined ? { status: 'PENDING', reference } : { status: 'PENDING', reference, retryAfterSeconds: wait };
  }
  if (row?.outcome === 'INDETERMINATE') return { status: 'INDETERMINATE', reference, reason: `${platformCode} ${platformMessage}` };
  return { status: 'DECLINED', error };
}

export type JsonExchange =
  | { kind: 'ANSWERED'; status: number; headers: Record<string, string>; data: Record<string, unknown> }
  | { kind: 'ANSWER_LOST'; detail: string };

/** Send, then check the signature and parse the JSON answer: the whole I/O of a typical platform call. */
export async function exchangeJson(
  adapterId: string,
  http: HttpClient,
  request: HttpRequest,
  signature: { key: string; header: string },
): Promise<JsonExchange> {
  const exchange = await sendToPlatform(adapterId, http, request);
  if (exchange.kind === 'ANSWER_LOST') return exchange;
  const { response } = exchange;
  verifyResponseSignature(adapterId, signature.key, response, signature.header);
  return { kind: 'ANSWERED', status: response.status, headers: response.headers, data: parseJsonObject(adapterId, response.body) };
}

/** Signs an outgoing JSON body the way the simulators and our platform contracts expect. */
export function signedJsonRequest(
  method: HttpRequest['method'],
  url: string,
  body: unknown,
  signature: { key: string; header: string },
): HttpRequest {
  const text = body === undefined ? '' : JSON.stringify(body);
  return {
    method,
    url,
    headers: { 'content-type': 'application/json', accept: 'application/json', [signature.header]: hmacSignature(signature.key, text) },
    ...(body === undefined ? {} : { body: text }),
  };
}
