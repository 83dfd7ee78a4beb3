/**
 * A `customerActivity` subscriber through the gateway over SSE (the distinct connections mode of
 * GraphQL over SSE, as the card page reads it), which hands each event to `onEvent` the moment
 * its bytes arrive: the bench times arrival, so nothing waits for a reader to ask.
 */

export interface ActivityEventSeen {
  id: string;
  type: string;
  occurredAt: string;
}

export interface ActivitySubscriber {
  /** Resolves once the stream is open (the gateway answered with text/event-stream). */
  opened: Promise<void>;
  close(): void;
}

const CUSTOMER_ACTIVITY = `subscription { customerActivity { id type occurredAt } }`;

export function subscribeToActivity(
  gatewayUrl: string,
  token: string,
  onEvent: (event: ActivityEventSeen, receivedAt: number) => void,
  onError: (error: unknown) => void,
): ActivitySubscriber {
  const abort = new AbortController();
  const opened = (async () => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: CUSTOMER_ACTIVITY }),
      signal: abort.signal,
    });
    if (!String(response.headers.get('content-type')).includes('text/event-stream')) {
      throw new Error(`subscription refused (${response.status}): ${(await response.text()).slice(0, 200)}`);
    }
    return response.body!.getReader();
  })();
  void opened
    .then(async (reader) => {
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        const receivedAt = Date.now();
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          if (!lines.includes('event: next')) continue;
          const data = lines
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n');
          const result = JSON.parse(data) as { data?: { customerActivity?: ActivityEventSeen }; errors?: unknown };
          if (result.data?.customerActivity) onEvent(result.data.customerActivity, receivedAt);
          else onError(new Error(`subscription error: ${JSON.stringify(result.errors)}`));
        }
      }
    })
    .catch((error: unknown) => {
      if (!abort.signal.aborted) onError(error);
    });
  return { opened: opened.then(() => undefined), close: () => abort.abort() };
}
