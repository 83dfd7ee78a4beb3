/**
 * The load generator, in its own process. Two ways to drive load:
 * - `http`: autocannon against one URL (a gateway), cycling through requests so that every
 *   request names another customer, each with that customer's token (Authorization);
 * - `replay`: the limit without a gateway: for each logical request, the subgraph
 *   requests the gateway's query plan makes, stage after stage (a stage's requests in
 *   parallel), over keep-alive connections, timed from the first to the last response.
 *   Each subgraph request is signed afresh as the gateway would sign it, for the identity
 *   the gateway sent it for (the subgraphs refuse unsigned and replayed requests and
 *   authorize against the signed identity), so the limit pays for signing too.
 * Both count responses that carry GraphQL errors, which a load run must not have.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import autocannon from 'autocannon';
import type { Identity } from '../../subgraphs/shared/src/auth/identity';
import { keyringFromEnv } from '../../subgraphs/shared/src/auth/keys';
import { signServiceRequest } from '../../subgraphs/shared/src/auth/service-auth';
import { answerParent, tellParentReady } from '../lib/child';
import { summarize, type LoadResult } from './load-result';

export interface HttpRequest {
  body: string;
  /** The Authorization header: the bearer token of the customer the request asks for. */
  authorization: string;
}

export interface HttpJob {
  kind: 'http';
  url: string;
  requests: HttpRequest[];
  /** Replaced in each request's body by a new UUID (fresh idempotency keys, whatever the number of requests). */
  freshKeyPlaceholder?: string;
  connections: number;
  durationSec: number;
  warmupSec: number;
  /** Count the responses whose body contains this text (e.g. approved payments). */
  countMatching?: string;
}

export interface PlanRequest {
  url: string;
  body: string;
  /** Whom the gateway sent it for (the identity it signed): the customer of the client request. */
  identity: Identity | null;
}

export interface ReplayJob {
  kind: 'replay';
  /** Per logical request: its stages, each a set of subgraph requests sent together. */
  plans: PlanRequest[][][];
  connections: number;
  durationSec: number;
  warmupSec: number;
}

function runAutocannon(job: HttpJob, durationSec: number): Promise<LoadResult> {
  let next = 0;
  let graphqlErrors = 0;
  let matching = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: durationSec,
        // Requests queue behind a saturated gateway; a slow answer is a latency, not a failure.
        timeout: 60,
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const { body, authorization } = job.requests[next++ % job.requests.length];
              request.body = job.freshKeyPlaceholder ? body.split(job.freshKeyPlaceholder).join(randomUUID()) : body;
              request.headers = { ...request.headers, authorization };
              return request;
            },
            onResponse: (status, body) => {
              if (status !== 200 || body.includes('"errors"')) graphqlErrors += 1;
              else if (job.countMatching && body.includes(job.countMatching)) matching += 1;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requests: result.requests.total,
          durationSec: result.duration,
          rps: result.requests.total / result.duration,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          failures: graphqlErrors + result.errors + result.timeouts,
          ...(job.countMatching ? { matching } : {}),
        });
      },
    );
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
let keyring: ReturnType<typeof keyringFromEnv> | undefined;

function post(request: PlanRequest): Promise<boolean> {
  keyring ??= keyringFromEnv(process.env, 'gateway');
  const signature = signServiceRequest({ service: 'gateway', method: 'POST', path: new URL(request.url).pathname, body: request.body, identity: request.identity, keyring });
  return new Promise((resolve) => {
    const headers = { ...signature, 'content-type': 'application/json', 'content-length': Buffer.byteLength(request.body) };
    const req = http.request(request.url, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(res.statusCode === 200 && !Buffer.concat(chunks).includes('"errors"')));
      res.on('error', () => resolve(false));
    });
    req.on('error', () => resolve(false));
    req.end(request.body);
  });
}

async function runReplay(job: ReplayJob, durationSec: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + durationSec * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const plan = job.plans[next++ % job.plans.length];
      const t0 = performance.now();
      let ok = true;
      for (const stage of plan) ok = (await Promise.all(stage.map(post))).every(Boolean) && ok;
      latencies.push(performance.now() - t0);
      if (!ok) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: job.connections }, worker));
  return summarize(latencies, (performance.now() - started) / 1000, failures);
}

function run(job: HttpJob | ReplayJob, durationSec: number): Promise<LoadResult> {
  return job.kind === 'http' ? runAutocannon(job, durationSec) : runReplay(job, durationSec);
}

answerParent({
  run: async (message) => {
    const job = message.job as HttpJob | ReplayJob;
    if (job.warmupSec > 0) await run(job, job.warmupSec);
    return { result: await run(job, job.durationSec) };
  },
});
tellParentReady({});
