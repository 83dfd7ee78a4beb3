/**
 * Calls a sibling subgraph's internal route (`POST /internal/<route>`) for the payment
 * chain. Never through the gateway; signed as this service. Any answer other than a 2xx
 * with JSON — a refusal, a crash, a timeout — is a HopUnavailable fault: the caller
 * cannot know what happened downstream and must reverse.
 */
import type { Identity } from '@cardweave/service-kit';

export class HopUnavailable extends Error {
  constructor(
    readonly route: string,
    readonly reason: string,
  ) {
    super(`${route}: ${reason}`);
    this.name = 'HopUnavailable';
  }
}

/** Produces the headers that authenticate one request as this service, acting for `identity`. */
export type RequestSigner = (request: { method: string; path: string; body: string; identity: Identity | null }) => Record<string, string>;

export interface SiblingClientOptions {
  /** The sibling's base URL, e.g. http://127.0.0.1:4003 (a /graphql suffix is ignored). */
  baseUrl: string;
  sign: RequestSigner;
  timeoutMs: number;
}

export class SiblingClient {
  private readonly origin: string;

  constructor(private readonly options: SiblingClientOptions) {
    this.origin = new URL(options.baseUrl).origin;
  }

  /** `identity`: the customer the call acts for; null when the service acts for itself (recovery). */
  async post<T>(route: string, payload: unknown, identity: Identity | null = null): Promise<T> {
    const path = `/internal/${route}`;
    const body = JSON.stringify(payload);
    let response: Response;
    try {
      response = await fetch(`${this.origin}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.options.sign({ method: 'POST', path, body, identity }) },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new HopUnavailable(route, (error as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable');
    }
    if (!response.ok) throw new HopUnavailable(route, `answered ${response.status}`);
    try {
      return (await response.json()) as T;
    } catch {
      throw new HopUnavailable(route, 'answered with something that is not JSON');
    }
  }
}
