/**
 * How often a platform's one-time code (an SMS code) may be sent and tried. The caller keeps
 * the count (the issuer subgraph, in its database), so the limits hold across its replicas;
 * the code itself stays the platform's.
 */
export interface OneTimeCodePolicy {
  /** Least time between two sends for the same verification, in seconds. */
  resendAfterSeconds: number;
  /** Most sends for one verification (one issuance). */
  maxSends: number;
  /** How long a sent code can be used, in seconds. */
  validForSeconds: number;
  /** Tries of one code, right or wrong; after that many wrong ones the code is locked. */
  maxAttempts: number;
}

/**
 * Common practice where a platform states nothing (the source gives no figures): one code a
 * minute, five per verification, each valid five minutes and locked after five wrong tries.
 */
export const DEFAULT_ONE_TIME_CODE_POLICY: OneTimeCodePolicy = {
  resendAfterSeconds: 60,
  maxSends: 5,
  validForSeconds: 300,
  maxAttempts: 5,
};
