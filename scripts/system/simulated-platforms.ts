/**
 * The platforms as the adapters reach them outside production: each loaded adapter that
 * brings a simulator (`PlatformAdapter.simulator`, the SDK's contract) talks to it, in
 * process, since no JD Finance is reachable from a laptop; an adapter without one talks to
 * its platform over real HTTP. No adapter is known here by name: one written outside this
 * repository and added by configuration is simulated the same way as the seed adapters.
 * One simulator per platform for the life of the system, so its state (and its dedupe by
 * order number) persists across requests.
 */
import { fetchHttpClient, type AdapterRegistry, type Clock, type HttpClient } from '@cardweave/adapter-sdk';

export interface SimulatedPlatforms {
  /** The HTTP client an adapter's operations go through. */
  http: (adapterId: string) => HttpClient;
  /** Ids of the loaded adapters answered by their simulator. */
  simulated: string[];
  /** Ids of the loaded adapters that reach their platform over real HTTP (they bring no simulator). */
  realHttp: string[];
}

export function simulatedPlatforms(registry: AdapterRegistry, clock: Clock, real: HttpClient = fetchHttpClient()): SimulatedPlatforms {
  const running = new Map<string, HttpClient>();
  const adapters = registry.all();
  return {
    http(adapterId) {
      const make = registry.has(adapterId) ? registry.get(adapterId).simulator : undefined;
      if (!make) return real;
      let client = running.get(adapterId);
      if (!client) {
        client = make(clock);
        running.set(adapterId, client);
      }
      return client;
    },
    simulated: adapters.filter((a) => a.simulator).map((a) => a.manifest.id),
    realHttp: adapters.filter((a) => !a.simulator).map((a) => a.manifest.id),
  };
}
