/**
 * Captures what code writes past its logger: console.log / info / warn / error / debug /
 * trace and process.stdout / stderr writes, each line labelled with the scenario running
 * when it was written. The conformance suite searches it for the secrets it passed in,
 * since a `console.log` of a card number reaches the machine's logs unscrubbed.
 */
import { format } from 'node:util';

export interface CapturedOutput {
  /** `console.log`, `console.error`, `process.stdout`, … */
  channel: string;
  /** The scenario that was running, as set on the capture. */
  scenario: string;
  text: string;
}

export interface OutputCapture {
  readonly lines: CapturedOutput[];
  /** Labels the lines written from now on. */
  scenario: string;
  /** Puts console and the process streams back as they were. */
  restore(): void;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Starts capturing; nothing captured is printed. Always `restore()` (in a finally). */
export function captureOutput(): OutputCapture {
  const lines: CapturedOutput[] = [];
  const capture: OutputCapture = {
    lines,
    scenario: '',
    restore: () => undefined,
  };
  const record = (channel: string, text: string) => lines.push({ channel, scenario: capture.scenario, text });

  const target = console as unknown as Record<string, unknown>;
  const savedConsole = CONSOLE_METHODS.map((m) => [m, target[m]] as const);
  for (const method of CONSOLE_METHODS) {
    target[method] = (...args: unknown[]) => record(`console.${method}`, format(...args));
  }

  const streams = [
    ['process.stdout', process.stdout],
    ['process.stderr', process.stderr],
  ] as const;
  const savedWrites = streams.map(([, stream]) => stream.write);
  for (const [channel, stream] of streams) {
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      record(channel, typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof stream.write;
  }

  capture.restore = () => {
    for (const [method, original] of savedConsole) target[method] = original;
    streams.forEach(([, stream], i) => {
      stream.write = savedWrites[i];
    });
  };
  return capture;
}
