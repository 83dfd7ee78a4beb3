/**
 * Every piece of a benchmark run is its own process: each subgraph, each gateway, and the
 * load generator. A child is a TypeScript entry run by Node with tsx's loader (so its pid
 * is the Node process itself and /proc/<pid>/status is its memory), and it talks to the
 * runner over Node's IPC channel: it sends { type: 'ready', ... } once it listens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export interface Child<TReady = Record<string, unknown>> {
  name: string;
  pid: number;
  ready: TReady;
  /** Sends a message and waits for the reply with the same `type`. */
  ask<T = unknown>(message: { type: string } & Record<string, unknown>): Promise<T>;
  /** The resident set's high-water mark (VmHWM) in bytes: the peak memory so far. */
  peakRss(): number;
  stop(): Promise<void>;
}

export function readPeakRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : NaN;
}

export async function startChild<TReady = Record<string, unknown>>(
  name: string,
  entry: string,
  env: Record<string, string | undefined> = {},
  options: { timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<Child<TReady>> {
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', path.resolve(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<TReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${options.timeoutMs ?? 60_000} ms`)), options.timeoutMs ?? 60_000);
    const onMessage = (message: { type?: string; error?: string }) => {
      if (message?.type === 'ready') {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message as TReady);
      } else if (message?.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`${name} failed to start: ${message.error}`));
      }
    };
    child.on('message', onMessage);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready`));
    });
  });
  let sequence = 0;
  return {
    name,
    pid: child.pid!,
    ready,
    ask<T>(message: { type: string } & Record<string, unknown>) {
      const id = ++sequence;
      return new Promise<T>((resolve, reject) => {
        const onMessage = (reply: { type?: string; id?: number; error?: string }) => {
          if (reply?.id !== id) return;
          child.off('message', onMessage);
          if (reply.error) reject(new Error(`${name}: ${reply.error}`));
          else resolve(reply as T);
        };
        child.on('message', onMessage);
        child.send({ ...message, id });
      });
    },
    peakRss: () => readPeakRss(child.pid!),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Inside a child: answers the runner's questions with `handlers[type]`. */
export function answerParent(handlers: Record<string, (message: Record<string, unknown>) => unknown>): void {
  process.on('message', async (message: { type: string; id: number } & Record<string, unknown>) => {
    const handler = handlers[message.type];
    try {
      if (!handler) throw new Error(`no handler for ${message.type}`);
      const result = await handler(message);
      process.send!({ ...(result as object), type: message.type, id: message.id });
    } catch (error) {
      process.send!({ type: message.type, id: message.id, error: (error as Error).message });
    }
  });
  process.once('disconnect', () => process.exit(0));
}

export function tellParentReady(details: Record<string, unknown>): void {
  process.send!({ type: 'ready', ...details });
}

export function tellParentFailed(error: unknown): never {
  process.send?.({ type: 'failed', error: error instanceof Error ? error.stack ?? error.message : String(error) });
  process.exit(1);
}
