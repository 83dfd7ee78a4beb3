/**
 * Watches the abort signals the gateway listens on while subscribers come and go: each signal
 * given an abort listener meanwhile, with how many it held before, and every
 * MaxListenersExceededWarning Node emits. A gateway holds an abort listener per open
 * subscription on one signal of its subgraph executor; they must go when the clients do, and
 * many subscribers must not warn.
 */
import { getEventListeners } from 'node:events';

/**
 * The process Node emits its own warnings on. A test's `process` is Jest's copy, with listeners of
 * its own that a warning from Node's internals never reaches; Buffer is the outer realm's, and so
 * is the Function its constructor makes.
 */
const nodeProcess = (Buffer.constructor as FunctionConstructor)('return process')() as NodeJS.Process;

export interface AbortListenerWatch {
  /** The warnings emitted so far (MaxListenersExceededWarning only). */
  readonly warnings: Error[];
  /** The watched signals that hold at least `count` abort listeners now, each with how many it held before. */
  holding(count: number): Array<[AbortSignal, number]>;
  /** Waits up to `ms` for each of `signals` to hold no more listeners than before; whether they do. */
  settle(signals: Array<[AbortSignal, number]>, ms: number): Promise<boolean>;
  stop(): void;
}

export function watchAbortListeners(): AbortListenerWatch {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => {
    if (warning.name === 'MaxListenersExceededWarning') warnings.push(warning);
  };
  const before = new Map<AbortSignal, number>();
  const add = EventTarget.prototype.addEventListener;
  const spy = jest.spyOn(EventTarget.prototype, 'addEventListener').mockImplementation(function (
    this: EventTarget,
    ...args: Parameters<EventTarget['addEventListener']>
  ) {
    if (this instanceof AbortSignal && args[0] === 'abort' && !before.has(this)) before.set(this, getEventListeners(this, 'abort').length);
    return add.apply(this, args);
  });
  nodeProcess.on('warning', onWarning);
  const count = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;
  return {
    warnings,
    holding: (n) => [...before].filter(([signal]) => count(signal) >= n),
    async settle(signals, ms) {
      const settled = () => signals.every(([signal, held]) => count(signal) <= held);
      for (const deadline = Date.now() + ms; Date.now() < deadline && !settled();) await new Promise((r) => setTimeout(r, 25));
      // A warning is emitted on the tick after the listener that crossed the limit.
      await new Promise((r) => setImmediate(r));
      return settled();
    },
    stop() {
      nodeProcess.off('warning', onWarning);
      spy.mockRestore();
    },
  };
}
