/**
 * Real service processes for tests that need them: several replicas sharing one database,
 * and processes a test can kill or freeze. Each runs its standalone entry point
 * (subgraphs/<name>/src/main.ts, gateway/src/main.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Identity } from '@cardweave/service-kit';
import { signServiceRequest } from '@cardweave/service-kit';

const root = path.resolve(__dirname, '../..');

export interface ServiceProcess {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** SIGKILL: no shutdown, open transactions die with the connection. */
  kill(): Promise<void>;
  /** SIGSTOP: the process keeps its sockets but answers nothing until `resume`. */
  pause(): void;
  /** SIGCONT. */
  resume(): void;
  stop(): Promise<void>;
}

export type ServiceName = 'issuer' | 'wallet' | 'clearing' | 'gateway';

/** A port that was free a moment ago, so a killed process can come back on the same one. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

export async function startServiceProcess(name: ServiceName, port: number, env: Record<string, string>): Promise<ServiceProcess> {
  const entry = name === 'gateway' ? path.join(root, 'gateway', 'src', 'main.ts') : path.join(root, 'subgraphs', name, 'src', 'main.ts');
  // One node process (tsx as a loader, not its CLI wrapper), so a kill hits the process that holds the port.
  const child = spawn(process.execPath, ['--conditions=cardweave-source', '--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, ...env, [`${name.toUpperCase()}_PORT`]: String(port), HOST: '127.0.0.1', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"listening"')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} while starting:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    name,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    pause() {
      child.kill('SIGSTOP');
    },
    resume() {
      child.kill('SIGCONT');
    },
    async stop() {
      // A frozen process cannot act on SIGTERM.
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

/** A GraphQL request to a subgraph, signed as the gateway would sign it, acting for `identity`. */
export async function gatewaySignedQuery<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  identity: Identity | null,
): Promise<{ status: number; data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> {
  const body = JSON.stringify({ query, variables });
  const headers = signServiceRequest({ service: 'gateway', method: 'POST', path: '/graphql', body, identity });
  const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
  const json = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  return { status: response.status, ...json };
}
