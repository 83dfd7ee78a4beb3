/** A GraphQL-over-SSE client (distinct connections mode) for the gateway, as a browser's EventSource reads it. */

export interface SseMessage {
  event: string;
  data: { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
}

export interface SseSubscription {
  status: number;
  /** The next message, or null when none comes within `timeoutMs` (or the stream ended). */
  next(timeoutMs: number): Promise<SseMessage | null>;
  close(): void;
}

export async function subscribeOverSse(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const abort = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  // A refusal before any stream starts is a plain GraphQL response.
  if (!String(response.headers.get('content-type')).includes('text/event-stream')) {
    const refusal: SseMessage = { event: 'response', data: (await response.json()) as SseMessage['data'] };
    let taken = false;
    return {
      status: response.status,
      next: () => Promise.resolve(taken ? null : ((taken = true), refusal)),
      close: () => abort.abort(),
    } satisfies SseSubscription;
  }
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const messages: SseMessage[] = [];
  let ended = false;
  let pending: Promise<void> | null = null;
  const pump = () =>
    (pending ??= reader
      .read()
      .then(({ done, value }) => {
        if (done) ended = true;
        else buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines
            .find((l) => l.startsWith('event:'))
            ?.slice(6)
            .trim();
          const data = lines
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n');
          if (event) messages.push({ event, data: data ? (JSON.parse(data) as SseMessage['data']) : null });
        }
      })
      .catch(() => void (ended = true))
      .finally(() => (pending = null)));
  const subscription: SseSubscription = {
    status: response.status,
    async next(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!messages.length && !ended) {
        const left = deadline - Date.now();
        if (left <= 0) return null;
        await Promise.race([pump(), new Promise((resolve) => setTimeout(resolve, left))]);
      }
      return messages.shift() ?? null;
    },
    close: () => abort.abort(),
  };
  return subscription;
}
