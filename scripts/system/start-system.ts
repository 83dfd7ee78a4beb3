/**
 * Starts the whole system in one process: the database (embedded unless URLs are given),
 * the three subgraphs, the demo data and the gateway. The standalone entry points
 * (subgraphs/<name>/src/main.ts, gateway/src/main.ts) run the same pieces one per process.
 */
import * as path from 'node:path';
import { loadAdapterRegistry, type AdapterRegistry, type Clock, type HttpClient } from '@cardweave/adapter-sdk';
import { startGateway, type RunningGateway } from '@cardweave/gateway';
import { PanVault } from '@cardweave/issuer-subgraph';
import { ISSUER_SCHEMA, startIssuerSubgraph, type IssuerSubgraph } from '@cardweave/issuer-subgraph';
import {
  REFERENCED_BY_WEBHOOK_DELIVERY,
  startWalletSubgraph,
  WALLET_SCHEMA,
  withActivityInbox,
  type WalletSubgraph,
} from '@cardweave/wallet-subgraph';
import { CLEARING_SCHEMA, startClearingSubgraph, type ClearingSubgraph } from '@cardweave/clearing-subgraph';
import { WebhookSecretKeys } from '@cardweave/wallet-subgraph';
import {
  clockFromEnv,
  configValue,
  generateLocalKeySet,
  installKeyring,
  keyringFromEnv,
  keyringFromLocalKeySet,
  type LocalKeySet,
} from '@cardweave/service-kit';
import {
  localDatabasePassword,
  InProcessEventBus,
  startEmbeddedPostgres,
  withEventRelay,
  type EmbeddedPostgres,
  type RunningEventRelay,
} from '@cardweave/subgraph-kit';
import { generateDemoData } from '../demo-data/generate-demo-data';
import { hasDemoData, writeDemoData } from '../demo-data/write-demo-data';
import { oneProcessHopTimeouts } from './one-process-hop-timeouts';
import { simulatedPlatforms } from './simulated-platforms';
import type { SystemConfig } from './system-config';

export interface RunningSystem {
  gateway: RunningGateway;
  issuer: IssuerSubgraph;
  wallet: WalletSubgraph;
  clearing: ClearingSubgraph;
  embedded?: EmbeddedPostgres;
  registry: AdapterRegistry;
  /**
   * How the loaded adapters reach their platforms, when this run chose (no `platformHttp`
   * given): through the simulator an adapter brings, or over real HTTP.
   */
  platforms?: { simulated: string[]; realHttp: string[] };
  /**
   * The relays publishing the issuer's, the wallet's and the clearing network's outboxes (to
   * JetStream with `natsUrl`, otherwise to one in-process bus they share, which the wallet's
   * activity inbox reads), or null when the run was started without them.
   */
  events: { issuer: RunningEventRelay; wallet: RunningEventRelay; clearing: RunningEventRelay } | null;
  stop(): Promise<void>;
}

export interface StartSystemOptions {
  registry?: AdapterRegistry;
  clock?: Clock;
  vault?: PanVault;
  /** The keys of this run; from the environment or the data folder unless given (a fresh set for --memory). */
  keys?: LocalKeySet;
  /** How often unfinished payments are looked for (0: only when an operator asks). */
  paymentRecoveryIntervalMs?: number;
  /** How adapters reach their platforms; each adapter's own simulator (if it has one) unless in production mode. */
  platformHttp?: (adapterId: string) => HttpClient;
  /** Hive's log level; false for none. */
  gatewayLogging?: boolean | 'debug' | 'info' | 'warn' | 'error';
  /**
   * Whether the issuer's, the wallet's and the clearing network's outbox relays run, as in their
   * standalone processes (default true). Without them events are still written with their
   * changes, never published.
   */
  eventRelays?: boolean;
  /** With eventRelays: the wallet's webhook worker too (default); off for a caller that runs its own. */
  webhookWorker?: boolean;
  /** The JetStream stream and subject prefix the relays publish to and the wallet reads (with NATS); the defaults unless given. */
  eventStream?: { stream: string; subjectPrefix: string };
}

export async function startSystem(config: SystemConfig, options: StartSystemOptions = {}): Promise<RunningSystem> {
  const registry = options.registry ?? loadAdapterRegistry();
  // One process holds every service here, so it holds every service's signing key.
  const keyring = options.keys
    ? keyringFromLocalKeySet(options.keys)
    : config.dataDir || configValue('SERVICE_PUBLIC_KEYS') || configValue('CARDWEAVE_KEYS')
      ? keyringFromEnv(config.dataDir ? { ...process.env, CARDWEAVE_DATA_DIR: config.dataDir } : process.env)
      : keyringFromLocalKeySet(generateLocalKeySet());
  installKeyring(keyring);
  const clock = options.clock ?? clockFromEnv();
  const embedded = config.databaseUrls.issuer
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: config.dataDir && path.join(config.dataDir, 'pglite'),
        // The data folder's own password, beside its keys; an in-memory run's lives and dies with it.
        password: config.dataDir ? localDatabasePassword(config.dataDir) : undefined,
      });
  const url = (name: 'issuer' | 'wallet' | 'clearing') => config.databaseUrls[name] ?? embedded!.url;
  const common = { registry, clock, host: config.host };

  // Started one after another: on the embedded server, migrations share one connection queue.
  const vault = options.vault ?? PanVault.fromEnv(process.env, config.dataDir);
  const simulated = options.platformHttp || config.production ? undefined : simulatedPlatforms(registry, clock);
  const platformHttp = options.platformHttp ?? simulated?.http;
  const platforms = options.platformHttp
    ? undefined
    : { simulated: simulated?.simulated ?? [], realHttp: simulated?.realHttp ?? registry.all().map((a) => a.manifest.id) };
  const servedIssuer = await startIssuerSubgraph({
    ...common,
    databaseUrl: url('issuer'),
    port: config.subgraphPorts.issuer,
    vault,
    platformHttp,
  });
  // Payments run wallet → clearing → issuer, so each starts after the hop it calls.
  const hopTimeouts = oneProcessHopTimeouts();
  const servedClearing = await startClearingSubgraph({
    ...common,
    databaseUrl: url('clearing'),
    port: config.subgraphPorts.clearing,
    issuerUrl: servedIssuer.url,
    hopTimeoutMs: hopTimeouts.clearing,
  });
  const servedWallet = await startWalletSubgraph({
    ...common,
    databaseUrl: url('wallet'),
    port: config.subgraphPorts.wallet,
    clearingUrl: servedClearing.url,
    issuerUrl: servedIssuer.url,
    hopTimeoutMs: hopTimeouts.wallet,
    platformHttp,
    recoveryIntervalMs: options.paymentRecoveryIntervalMs ?? 10_000,
    recoveryAfterMs: 30_000,
    // Webhook deliveries run with the relays (as the wallet's main.ts starts both).
    webhookWorker: (options.eventRelays ?? true) && (options.webhookWorker ?? true) ? {} : undefined,
    // Kept in the data folder beside the other keys; a run in memory seals with a key of its own.
    webhookSecrets: WebhookSecretKeys.fromEnv(process.env, config.dataDir),
  });
  // Each subgraph's relay beside it, as its standalone runner (main.ts) starts it; stopped before its subgraph.
  let issuer: IssuerSubgraph = servedIssuer;
  let wallet: WalletSubgraph = servedWallet;
  let clearing: ClearingSubgraph = servedClearing;
  let events: RunningSystem['events'] = null;
  if (options.eventRelays ?? true) {
    // Without NATS one bus carries every service's events in this process, so the wallet's
    // activity inbox hears the issuer's and the clearing network's; it listens before the relays
    // publish what is pending.
    const bus = config.natsUrl ? undefined : new InProcessEventBus();
    const broker = { bus, stream: options.eventStream?.stream, subjectPrefix: options.eventStream?.subjectPrefix };
    const inboxed = await withActivityInbox(servedWallet, { natsUrl: config.natsUrl, ...broker });
    const relayedIssuer = await withEventRelay(servedIssuer, ISSUER_SCHEMA, config.natsUrl, broker);
    // Outbox rows older deliveries were queued from stay while those deliveries do.
    const relayedWallet = await withEventRelay(inboxed, WALLET_SCHEMA, config.natsUrl, {
      ...broker,
      keepPublished: REFERENCED_BY_WEBHOOK_DELIVERY('o'),
    });
    const relayedClearing = await withEventRelay(servedClearing, CLEARING_SCHEMA, config.natsUrl, broker);
    [issuer, wallet, clearing] = [relayedIssuer, relayedWallet, relayedClearing];
    events = { issuer: relayedIssuer.events, wallet: relayedWallet.events, clearing: relayedClearing.events };
  }

  const sources = { issuer: issuer.database.dataSource, wallet: wallet.database.dataSource, clearing: clearing.database.dataSource };
  if (config.demoData && !(await hasDemoData(sources))) {
    await writeDemoData(sources, generateDemoData({ registry, now: clock.now(), encrypt: (p) => vault.encrypt(p) }));
  }

  const gateway = await startGateway({
    port: config.gatewayPort,
    host: config.host,
    production: config.production,
    logging: options.gatewayLogging,
    keyring,
    subgraphUrls: { issuer: issuer.url, wallet: wallet.url, clearing: clearing.url },
  });

  return {
    gateway,
    issuer,
    wallet,
    clearing,
    embedded,
    registry,
    platforms,
    events,
    async stop() {
      await gateway.stop();
      // In the reverse of the order they started: each stops while the services it calls (the
      // wallet: clearing and the issuer; clearing: the issuer) and whose events it stores still run.
      await wallet.stop();
      await clearing.stop();
      await issuer.stop();
      await embedded?.stop();
    },
  };
}
