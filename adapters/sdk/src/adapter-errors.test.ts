import { AdapterError, PlatformUnreachableError } from './adapter-errors';

/** A second copy of this module, as an adapter installed in its own folder brings its own SDK. */
function foreignCopy(): typeof import('./adapter-errors') {
  let copy: typeof import('./adapter-errors') | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module instance is the point
    copy = require('./adapter-errors');
  });
  return copy!;
}

describe('AdapterError across copies of the SDK', () => {
  const foreign = foreignCopy();

  it('loads a distinct class (the situation being tested)', () => {
    expect(foreign.AdapterError).not.toBe(AdapterError);
  });

  it("recognises another copy's faults as AdapterError, code and adapter included", () => {
    const fault = new foreign.PlatformUnreachableError('acme-wallet', 'ECONNREFUSED');
    expect(fault instanceof AdapterError).toBe(true);
    expect(fault).toMatchObject({ code: 'PLATFORM_UNAVAILABLE', adapter: 'acme-wallet' });
  });

  it('does not take a plain Error or a look-alike object for one', () => {
    expect(new Error('x') instanceof AdapterError).toBe(false);
    expect({ code: 'PLATFORM_UNAVAILABLE', adapter: 'a', message: 'm' } instanceof AdapterError).toBe(false);
    expect((null as unknown) instanceof AdapterError).toBe(false);
  });

  it('keeps the prototype check for subclasses', () => {
    const own = new PlatformUnreachableError('acme-wallet', 'timeout');
    expect(own instanceof PlatformUnreachableError).toBe(true);
    expect(new AdapterError('INTERNAL', 'acme-wallet', 'boom') instanceof PlatformUnreachableError).toBe(false);
  });
});
