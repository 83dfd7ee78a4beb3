/**
 * A payment hop's time is nested inside its caller's: the gateway waits GATEWAY_SUBGRAPH_TIMEOUT_MS
 * for the wallet, the wallet HOP_TIMEOUT_MS for clearing, clearing its own, shorter,
 * HOP_TIMEOUT_MS for the issuer. A hop whose next hop failed reverses it, but waits for that
 * reversal only within the same budget: past it, the hop answers its caller (the payment did
 * not happen, nothing is charged) and the reversal goes on behind the answer, so the caller
 * never times out first and never loses the canonical answer to its own timeout.
 */

/** Waits for `work` until `deadline` (epoch ms) at the latest; true when it settled by then. It goes on either way. */
export async function settledWithin(work: Promise<unknown>, deadline: number): Promise<boolean> {
  const left = deadline - Date.now();
  if (left <= 0) return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), left);
    timer.unref?.();
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
