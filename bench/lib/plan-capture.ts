/**
 * Records the subgraph requests a gateway makes for one client request, so that the load
 * generator can replay them straight to the subgraphs (the no-gateway limit). A recording
 * proxy stands in front of each subgraph; client requests are sent one at a time, and each
 * subgraph request is put in the first stage after every request that had answered before
 * it was sent (the plan's dependency order as the gateway ran it). Each request keeps the
 * identity the gateway signed it for (the x-cardweave-identity header).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeIdentity, HEADER } from '@cardweave/service-kit';
import type { PlanRequest } from '../load/load-process';

interface Recorded extends PlanRequest {
  startedAt: number;
  endedAt: number;
}

export interface CaptureProxies {
  /** Proxy URL per subgraph name, for the gateway under capture. */
  urls: Record<string, string>;
  /** Runs `send` and returns the subgraph requests it caused, in stages. */
  capture(send: () => Promise<void>): Promise<PlanRequest[][]>;
  close(): Promise<void>;
}

export function toStages(recorded: Recorded[]): PlanRequest[][] {
  const sorted = [...recorded].sort((a, b) => a.startedAt - b.startedAt);
  const stageOf: number[] = [];
  sorted.forEach((request, i) => {
    let stage = 0;
    for (let j = 0; j < i; j += 1) if (sorted[j].endedAt <= request.startedAt) stage = Math.max(stage, stageOf[j] + 1);
    stageOf[i] = stage;
  });
  const stages: PlanRequest[][] = [];
  sorted.forEach((request, i) => (stages[stageOf[i]] ??= []).push({ url: request.url, body: request.body, identity: request.identity }));
  return stages;
}

export async function startCaptureProxies(targets: Record<string, string>): Promise<CaptureProxies> {
  let recorded: Recorded[] = [];
  const servers: http.Server[] = [];
  const urls: Record<string, string> = {};
  for (const [name, target] of Object.entries(targets)) {
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        // The identity the gateway signed for, so the replay signs for the same one.
        const identityHeader = request.headers[HEADER.identity];
        const identity = decodeIdentity(typeof identityHeader === 'string' ? identityHeader : '');
        const entry: Recorded = { url: target, body, identity, startedAt: performance.now(), endedAt: Infinity };
        recorded.push(entry);
        // The gateway's headers go on as they came: its signature covers method, path and body, all unchanged.
        const headers = Object.fromEntries(
          Object.entries(request.headers).filter(([k]) => k.startsWith('x-') || k === 'content-type' || k === 'accept'),
        ) as Record<string, string>;
        const upstream = await fetch(target, { method: 'POST', headers, body });
        const text = await upstream.text();
        entry.endedAt = performance.now();
        response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
        response.end(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    urls,
    async capture(send) {
      recorded = [];
      await send();
      return toStages(recorded);
    },
    async close() {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
