/** The jest face of the conformance suite: one `it` per check, failures listed in the message. */
import type { PlatformAdapter } from '@cardweave/adapter-sdk';
import { CHECK_TITLES, CONFORMANCE_CHECKS, type ConformanceExpectations } from './conformance';
import type { PlatformSimulator } from './platform-simulator';

export function describeConformance<S extends PlatformSimulator>(adapter: PlatformAdapter, expectations: ConformanceExpectations<S>): void {
  describe(`${expectations.id} conformance`, () => {
    for (const [key, check] of Object.entries(CONFORMANCE_CHECKS)) {
      it(CHECK_TITLES[key] ?? key, async () => {
        const result = await check(adapter, expectations as unknown as ConformanceExpectations);
        expect(result.failures).toEqual([]);
      });
    }
  });
}
