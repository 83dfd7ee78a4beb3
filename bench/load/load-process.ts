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
 *
 * Three load shapes (see LoadShape): saturation (`connections` in flight for `durationSec`),
 * a fixed offered rate (`overallRate`: autocannon's overallRate, rate × durationSec requests
 * in all, so that every request of the window is answered inside it), and sequential
 * (`sequential` requests, one at a time). With `cpu`, each process's CPU time is read from
 * /proc right before and right after the measured run (after the warm-up, once the services
 * have gone quiet), this process's own included as `load`.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import autocannon from 'autocannon';
import type { Identity } from '@cardweave/service-kit';
import { keyringFromEnv, signServiceRequest } from '@cardweave/service-kit';
import { answerParent, tellParentReady } from '../lib/child';
import { cpuCost, snapshotCpu, waitUntilQuiet, type CpuTargets } from '../lib/cpu-per-request';
import { summarize, type LoadResult, type LoadShape } from './load-result';

/** What every job says about its load; `overallRate` and `sequential` choose the shape. */
export interface LoadSettings {
  connections: number;
  durationSec: number;
  warmupSec: number;
  /** A fixed offered rate (requests per second, all connections together) for durationSec. */
  overallRate?: number;
  /** This many requests, one at a time, on one connection (no warm-up). */
  sequential?: number;
  /** Processes whose CPU time to read over the measured window. */
  cpu?: CpuTargets;
}

export interface HttpRequest {
  body: string;
  /** The Authorization header: the bearer token of the customer the request asks for. */
  authorization: string;
}

export interface HttpJob extends LoadSettings {
  kind: 'http';
  url: string;
  requests: HttpRequest[];
  /** Replaced in each request's body by a new UUID (fresh idempotency keys, whatever the number of requests). */
  freshKeyPlaceholder?: string;
  /** Count the responses whose body contains this text (e.g. approved payments). */
  countMatching?: string;
}

export interface PlanRequest {
  url: string;
  body: string;
  /** Whom the gateway sent it for (the identity it signed): the customer of the client request. */
  identity: Identity | null;
}

export interface ReplayJob extends LoadSettings {
  kind: 'replay';
  /** Per logical request: its stages, each a set of subgraph requests sent together. */
  plans: PlanRequest[][][];
}

/** How much of a run: for `seconds` (saturation, rate) or `count` requests (sequential). */
interface Span {
  shape: LoadShape;
  seconds: number;
  count?: number;
}

/** autocannon's share of `n` for connection `i` of `of`. */
const share = (n: number, i: number, of: number) => Math.floor(n / of) + (i < n % of ? 1 : 0);

function runAutocannon(job: HttpJob, span: Span): Promise<LoadResult> {
  let next = 0;
  let graphqlErrors = 0;
  let matching = 0;
  const rate = span.shape === 'rate' ? job.overallRate! : undefined;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: job.url,
        connections: job.connections,
        // At a fixed rate: rate × seconds requests in all, so the run ends once every one is answered.
        ...(rate ? { overallRate: rate, amount: Math.max(1, Math.round(rate * span.seconds)) } : { duration: span.seconds }),
        // Requests queue behind a saturated gateway; a slow answer is a latency, not a failure.
        timeout: 60,
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const { body, authorization } = nextRequest(job, next++);
              request.body = body;
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

function nextRequest(job: HttpJob, i: number): HttpRequest {
  const { body, authorization } = job.requests[i % job.requests.length];
  return { body: job.freshKeyPlaceholder ? body.split(job.freshKeyPlaceholder).join(randomUUID()) : body, authorization };
}

const sequentialAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One request at a time on one keep-alive connection, each timed on its own. */
async function runSequential(job: HttpJob, count: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let matching = 0;
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    const { body, authorization } = nextRequest(job, i);
    const t0 = performance.now();
    const response = await send(job.url, body, { 'content-type': 'application/json', authorization }, sequentialAgent);
    latencies.push(performance.now() - t0);
    if (!response.ok) failures += 1;
    else if (job.countMatching && response.body.includes(job.countMatching)) matching += 1;
  }
  return { ...summarize(latencies, (performance.now() - started) / 1000, failures), ...(job.countMatching ? { matching } : {}) };
}

function send(url: string, body: string, headers: Record<string, string>, via: http.Agent): Promise<{ ok: boolean; body: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      url,
      { method: 'POST', agent: via, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ ok: res.statusCode === 200 && !text.includes('"errors"'), body: text });
        });
        res.on('error', () => resolve({ ok: false, body: '' }));
      },
    );
    req.on('error', () => resolve({ ok: false, body: '' }));
    req.end(body);
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
let keyring: ReturnType<typeof keyringFromEnv> | undefined;

async function post(request: PlanRequest): Promise<boolean> {
  keyring ??= keyringFromEnv(process.env, 'gateway');
  const signature = signServiceRequest({
    service: 'gateway',
    method: 'POST',
    path: new URL(request.url).pathname,
    body: request.body,
    identity: request.identity,
    keyring,
  });
  return (await send(request.url, request.body, { ...signature, 'content-type': 'application/json' }, agent)).ok;
}

/**
 * Replays plans: at saturation, `connections` workers for `seconds`; at a fixed rate, as
 * autocannon's overallRate does it (min(connections, rate) workers, each sending its share of
 * the rate at the start of every second, rate × seconds logical requests in all); sequential,
 * one worker for `count` requests.
 */
async function runReplay(job: ReplayJob, span: Span): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + span.seconds * 1000;
  const one = async () => {
    const plan = job.plans[next++ % job.plans.length];
    const t0 = performance.now();
    let ok = true;
    for (const stage of plan) ok = (await Promise.all(stage.map(post))).every(Boolean) && ok;
    latencies.push(performance.now() - t0);
    if (!ok) failures += 1;
  };
  if (span.shape === 'saturation') {
    await Promise.all(
      Array.from({ length: job.connections }, async () => {
        while (performance.now() < deadline) await one();
      }),
    );
  } else if (span.shape === 'sequential') {
    for (let i = 0; i < span.count!; i += 1) await one();
  } else {
    const rate = job.overallRate!;
    const workers = Math.min(job.connections, rate);
    const total = Math.max(1, Math.round(rate * span.seconds));
    await Promise.all(
      Array.from({ length: workers }, async (_, i) => {
        let left = share(total, i, workers);
        const perSecond = share(rate, i, workers);
        for (let second = 0; left > 0; second += 1) {
          const wait = started + second * 1000 - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          for (let k = 0; k < perSecond && left > 0; k += 1, left -= 1) await one();
        }
      }),
    );
  }
  return summarize(latencies, (performance.now() - started) / 1000, failures);
}

function run(job: HttpJob | ReplayJob, span: Span): Promise<LoadResult> {
  if (job.kind === 'replay') return runReplay(job, span);
  return span.shape === 'sequential' ? runSequential(job, span.count!) : runAutocannon(job, span);
}

/** The warm-up (not for a sequential run), then the measured run with each process's CPU time around it. */
export async function measure(job: HttpJob | ReplayJob): Promise<LoadResult> {
  const shape: LoadShape = job.sequential ? 'sequential' : job.overallRate ? 'rate' : 'saturation';
  if (shape !== 'sequential' && job.warmupSec > 0) await run(job, { shape, seconds: job.warmupSec });
  const targets = job.cpu && { ...job.cpu, processes: { ...job.cpu.processes, load: process.pid } };
  // Requests a warm-up left in flight are finished before the window opens.
  if (job.cpu) await waitUntilQuiet(job.cpu);
  const before = targets && snapshotCpu(targets);
  const result = await run(job, { shape, seconds: job.durationSec, count: job.sequential });
  const after = targets && snapshotCpu(targets);
  return {
    shape,
    ...(shape === 'rate' ? { offeredRps: job.overallRate } : {}),
    ...result,
    ...(before && after ? { cpu: cpuCost(before, after, result.requests) } : {}),
  };
}

answerParent({
  run: async (message) => ({ result: await measure(message.job as HttpJob | ReplayJob) }),
});
tellParentReady({});
