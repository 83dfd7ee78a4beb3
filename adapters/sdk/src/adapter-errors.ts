/**
 * Faults: things that are not a platform's answer about the customer. They are thrown
 * (a subgraph turns them into GraphQL errors with `extensions.code`); declines never are.
 */
export type AdapterErrorCode =
  | 'PLATFORM_UNAVAILABLE'
  | 'BAD_SIGNATURE'
  | 'UNPARSEABLE_RESPONSE'
  | 'INVALID_OPTIONS'
  | 'INVALID_ADAPTER'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INVALID_CONTEXT'
  | 'OPERATION_NOT_SUPPORTED'
  | 'INTERNAL';

/**
 * Marks every AdapterError, whichever copy of the SDK made it: an adapter installed in a folder
 * of its own brings its own copy, and the system must still recognise its faults.
 */
const ADAPTER_ERROR = Symbol.for('@cardweave/adapter-sdk/AdapterError');

export class AdapterError extends Error {
  constructor(
    readonly code: AdapterErrorCode,
    /** Adapter id, or the module spec when the id is not known yet. */
    readonly adapter: string,
    message: string,
  ) {
    super(`${adapter}: ${message}`);
    this.name = new.target.name;
    Object.defineProperty(this, ADAPTER_ERROR, { value: true });
  }

  /**
   * `x instanceof AdapterError` holds for an AdapterError of any copy of the SDK (by the
   * registered symbol); a subclass keeps the ordinary prototype check.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this === AdapterError) return typeof value === 'object' && value !== null && ADAPTER_ERROR in value;
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

export class PlatformUnreachableError extends AdapterError {
  constructor(adapter: string, detail: string) {
    super('PLATFORM_UNAVAILABLE', adapter, `platform unreachable (${detail})`);
  }
}

export class BadSignatureError extends AdapterError {
  constructor(adapter: string) {
    super('BAD_SIGNATURE', adapter, 'the platform answer carries a bad or missing signature');
  }
}

export class UnparseableResponseError extends AdapterError {
  constructor(adapter: string, detail: string) {
    super('UNPARSEABLE_RESPONSE', adapter, `the platform answer cannot be parsed (${detail})`);
  }
}

/** A bad option, named: thrown when an adapter factory is called. */
export class AdapterOptionsError extends AdapterError {
  constructor(
    adapter: string,
    readonly option: string,
    problem: string,
  ) {
    super('INVALID_OPTIONS', adapter, `option "${option}" ${problem}`);
  }
}

export class IdempotencyKeyReusedError extends AdapterError {
  constructor(
    adapter: string,
    readonly idempotencyKey: string,
  ) {
    super('IDEMPOTENCY_KEY_REUSED', adapter, `idempotency key "${idempotencyKey}" was already used with different input`);
  }
}

export function isAdapterError(error: unknown): error is AdapterError {
  return error instanceof AdapterError;
}
