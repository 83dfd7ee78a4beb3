/**
 * Shared machinery for the in-process platform simulators each adapter ships: an
 * HttpClient-compatible fake that records every call, signs its answers like the
 * platform does, enforces the platform's limits, dedupes by order number, and can be
 * told to fail in the ways real platforms fail.
 */
import {
  hmacSignature,
  HttpTransportError,
  type Clock,
  type Fen,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
} from '@cardweave/adapter-sdk';
import { LimitLedger, type LimitSubject, type PlatformLimit } from './limit-ledger';

export type SimulatorFault =
  /** Connection refused: the platform never sees the request. */
  | { kind: 'UNREACHABLE' }
  /** The platform acts, then the answer is lost in transit. */
  | { kind: 'ANSWER_LOST' }
  /** The answer's signature does not verify. */
  | { kind: 'BAD_SIGNATURE' }
  /** A proxy's HTML error page instead of the platform's JSON. */
  | { kind: 'GARBLED' }
  /** The platform answers with this code and message in its own error shape. */
  | { kind: 'PLATFORM_ERROR'; platformCode: string; platformMessage: string };

/** What the conformance suite needs of a simulator. */
export interface PlatformSimulator extends HttpClient {
  readonly calls: readonly HttpRequest[];
  /** Queues a fault for the next call. */
  failNext(fault: SimulatorFault): void;
  /** Pre-loads usage of a limit rule in its current window for a scope reference. */
  seedUsage(ruleId: string, scopeRef: string, amountFen: Fen, count?: number): void;
}

/**
 * A documented input that makes a simulator answer one row of its error table by itself, the
 * way card platforms publish test card numbers: a request to `on` whose `field` equals `value`
 * gets `platformCode` / `platformMessage` in the platform's error shape. Each simulator exports
 * its list; adapters/README.md documents them.
 */
export interface TestTrigger {
  /** The operation the simulator names it by (e.g. `bind`, `verify`). */
  on: string;
  /** The request field compared, by the name the simulator reads it under. */
  field: string;
  value: string;
  platformCode: string;
  platformMessage: string;
}

export interface SimulatorAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface SimulatorSettings {
  signingKey: string;
  /** Header the platform's answer signature travels in. */
  signatureHeader: string;
  /**
   * The limits the platform itself enforces, written from its documentation: never read
   * from the adapter's declaration, which is what the conformance suite checks against them.
   */
  limits: readonly PlatformLimit[];
  /** The documented inputs that make it answer a row of its error table by itself. */
  triggers?: readonly TestTrigger[];
}

export abstract class PlatformSimulatorBase implements PlatformSimulator {
  readonly calls: HttpRequest[] = [];
  protected readonly ledger: LimitLedger;
  /** Answers by the platform's order number: the platform's own idempotency. */
  protected readonly answered = new Map<string, SimulatorAnswer>();
  private readonly faults: SimulatorFault[] = [];

  constructor(
    protected readonly clock: Clock,
    protected readonly settings: SimulatorSettings,
  ) {
    this.ledger = new LimitLedger(settings.limits, clock);
  }

  failNext(fault: SimulatorFault): void {
    this.faults.push(fault);
  }

  seedUsage(ruleId: string, scopeRef: string, amountFen: Fen, count = 1): void {
    this.ledger.seed(ruleId, scopeRef, amountFen, count);
  }

  /** The platform's normal behaviour for a request. */
  protected abstract handle(request: HttpRequest, body: Record<string, unknown>): SimulatorAnswer;

  /** The platform's error shape for a code and message (the recorded form of its failures). */
  protected abstract errorAnswer(platformCode: string, platformMessage: string, request: HttpRequest): SimulatorAnswer;

  /**
   * The first of the platform's limits a payment would break (in the order the simulator
   * lists them), or undefined when it fits them all: lets a simulator answer a per-payment
   * breach and a used-up window in the platform's own different words.
   */
  protected limitBreach(subject: LimitSubject, amountFen: Fen): PlatformLimit | undefined {
    const id = this.ledger.check(subject, amountFen).violated[0]?.ruleId;
    return id === undefined ? undefined : this.ledger.rules.find((r) => r.id === id);
  }

  /**
   * The answer a documented test trigger asks for, when a request to `on` carries one of them;
   * `values` are the request's fields by the names the triggers use.
   */
  protected triggered(on: string, values: Record<string, unknown>, request: HttpRequest): SimulatorAnswer | undefined {
    const trigger = this.settings.triggers?.find((t) => t.on === on && values[t.field] === t.value);
    return trigger ? this.errorAnswer(trigger.platformCode, trigger.platformMessage, request) : undefined;
  }

  /** Runs `act` once per order number; a repeat gets the first answer, as the platform would give it. */
  protected once(orderNo: string, act: () => SimulatorAnswer): SimulatorAnswer {
    const previous = this.answered.get(orderNo);
    if (previous) return previous;
    const answer = act();
    this.answered.set(orderNo, answer);
    return answer;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    this.calls.push({ ...request, headers: { ...request.headers } });
    const fault = this.faults.shift();
    if (fault?.kind === 'UNREACHABLE') throw new HttpTransportError('CONNECT', 'connect ECONNREFUSED (simulated)');
    let body: Record<string, unknown> = {};
    try {
      body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
    } catch {
      return this.sign(this.errorAnswer('BAD_REQUEST_BODY', 'request body is not JSON', request), false);
    }
    const answer =
      fault?.kind === 'PLATFORM_ERROR' ? this.errorAnswer(fault.platformCode, fault.platformMessage, request) : this.handle(request, body);
    if (fault?.kind === 'ANSWER_LOST') throw new HttpTransportError('RESPONSE', 'socket hang up after the request was sent (simulated)');
    if (fault?.kind === 'GARBLED') {
      const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
      return {
        status: 502,
        headers: { 'content-type': 'text/html', [this.settings.signatureHeader]: hmacSignature(this.settings.signingKey, html) },
        body: html,
      };
    }
    return this.sign(answer, fault?.kind === 'BAD_SIGNATURE');
  }

  private sign(answer: SimulatorAnswer, tamper: boolean): HttpResponse {
    const text = JSON.stringify(answer.body);
    const signature = tamper ? hmacSignature('not-the-platform-key', text) : hmacSignature(this.settings.signingKey, text);
    return {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers, [this.settings.signatureHeader]: signature },
      body: text,
    };
  }
}
