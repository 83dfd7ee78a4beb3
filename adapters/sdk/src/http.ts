/**
 * The HTTP client adapters talk through. Injected, so tests swap in a simulator and
 * production swaps in fetch or undici with its own timeouts and TLS settings.
 */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/**
 * What an HTTP client throws when the exchange fails. `phase` matters for money: a
 * failure while connecting means the platform never saw the request; a failure while
 * waiting for the answer means it may have acted, so the result is indeterminate.
 */
export class HttpTransportError extends Error {
  constructor(
    readonly phase: 'CONNECT' | 'RESPONSE',
    message: string,
  ) {
    super(message);
    this.name = 'HttpTransportError';
  }
}

/** An HttpClient over the platform's fetch; timeouts abort as RESPONSE-phase failures. */
export function fetchHttpClient(timeoutMs = 10_000): HttpClient {
  return {
    async send(request) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: controller.signal,
        });
      } catch (error) {
        clearTimeout(timer);
        const aborted = (error as Error).name === 'AbortError';
        throw new HttpTransportError(aborted ? 'RESPONSE' : 'CONNECT', (error as Error).message);
      }
      try {
        const body = await response.text();
        const headers: Record<string, string> = {};
        response.headers.forEach((value, key) => {
          headers[key] = value;
        });
        return { status: response.status, headers, body };
      } catch (error) {
        throw new HttpTransportError('RESPONSE', (error as Error).message);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
