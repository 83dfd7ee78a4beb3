/**
 * `@cardweave/gateway/identity-plugins`: who the caller is and how the gateway vouches for
 * it to the subgraphs, without the rest of the gateway. A peer gateway in the benchmarks
 * runs these alone, so its process holds none of Cardweave's other modules.
 */
export { identityOf, useIdentity, type UseIdentityOptions } from './plugins/use-identity';
export { useServiceSignature, type UseServiceSignatureOptions } from './plugins/use-service-signature';
