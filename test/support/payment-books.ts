/**
 * What each platform's own database says about a card's payments, read straight from the
 * three subgraphs' schemas, and whether those books agree.
 */
import type { DataSource } from 'typeorm';

/** The three subgraphs' databases as a test reaches them (a TestSystem is one). */
export interface PlatformDatabases {
  issuer: { database: { dataSource: DataSource } };
  wallet: { database: { dataSource: DataSource } };
  clearing: { database: { dataSource: DataSource } };
}

export interface CardBooks {
  /** The credit line's use at the issuer. */
  creditUsed: bigint;
  /** Sums of APPROVED legs: issuer authorizations, network transactions, wallet payments. */
  issuerApproved: bigint;
  networkApproved: bigint;
  walletApproved: bigint;
  /** The network's limit counters of the card, per window. */
  networkUsage: Array<{ rule_window: string; window_key: string; amount_fen: string; payment_count: number }>;
  /** Wallet payments still RESERVED or REVERSING. */
  openPayments: number;
}

/** What each platform's own database says about a card: used credit, network usage, approved legs. */
export async function books(system: PlatformDatabases, cardId: string): Promise<CardBooks> {
  const [line] = await system.issuer.database.dataSource.query(
    `SELECT l.used_fen FROM issuer.credit_lines l JOIN issuer.cards c ON c.credit_line_id = l.id WHERE c.id = $1`,
    [cardId],
  );
  const [issuerApproved] = await system.issuer.database.dataSource.query(
    `SELECT COALESCE(SUM(amount_fen), 0) AS total, COUNT(*) AS n FROM issuer.authorizations WHERE card_id = $1 AND status = 'APPROVED'`,
    [cardId],
  );
  const [networkApproved] = await system.clearing.database.dataSource.query(
    `SELECT COALESCE(SUM(amount_fen), 0) AS total FROM clearing.transactions WHERE card_id = $1 AND status = 'APPROVED' AND payment_id IS NOT NULL`,
    [cardId],
  );
  const networkUsage = await system.clearing.database.dataSource.query(
    `SELECT rule_window, window_key, amount_fen, payment_count FROM clearing.limit_usage WHERE scope_key = $1 ORDER BY rule_window, window_key`,
    [cardId],
  );
  const [walletApproved] = await system.wallet.database.dataSource.query(
    `SELECT COALESCE(SUM(amount_fen), 0) AS total FROM wallet.payments WHERE card_id = $1 AND status = 'APPROVED'`,
    [cardId],
  );
  const [open] = await system.wallet.database.dataSource.query(
    `SELECT COUNT(*) AS n FROM wallet.payments WHERE card_id = $1 AND status IN ('RESERVED', 'REVERSING')`,
    [cardId],
  );
  return {
    creditUsed: BigInt(line.used_fen),
    issuerApproved: BigInt(issuerApproved.total),
    networkApproved: BigInt(networkApproved.total),
    walletApproved: BigInt(walletApproved.total),
    networkUsage,
    openPayments: Number(open.n),
  };
}

/** The issuer's unbilled purchase postings of a card, with the clearing transactions they name. */
export async function unbilledPostings(
  system: PlatformDatabases,
  cardId: string,
): Promise<Array<{ amount_fen: string; transaction_id: string }>> {
  return system.issuer.database.dataSource.query(
    `SELECT amount_fen, transaction_id FROM issuer.bill_items WHERE card_id = $1 AND bill_id IS NULL AND kind = 'PURCHASE'`,
    [cardId],
  );
}

/**
 * Every way a card's books disagree, in words (empty when they agree): the credit used since
 * `creditUsedBefore` = approved at the issuer = approved at the network = approved at the
 * wallet = the network's daily counter = the issuer's unbilled postings (= `answeredFen`, the
 * sum of the approvals the clients were told of, when given), and no payment left open.
 */
export async function booksDisagreements(
  system: PlatformDatabases,
  cardId: string,
  expected: { creditUsedBefore?: bigint; answeredFen?: bigint } = {},
): Promise<string[]> {
  const b = await books(system, cardId);
  const postings = (await unbilledPostings(system, cardId)).reduce((s, p) => s + BigInt(p.amount_fen), 0n);
  const daily = b.networkUsage.filter((u) => u.rule_window === 'DAILY').reduce((s, u) => s + BigInt(u.amount_fen), 0n);
  const approved = b.issuerApproved;
  const problems: string[] = [];
  const agree = (what: string, fen: bigint) => {
    if (fen !== approved) problems.push(`${what}: ${fen} fen, the issuer approved ${approved}`);
  };
  agree('credit used', b.creditUsed - (expected.creditUsedBefore ?? 0n));
  agree('approved at the network', b.networkApproved);
  agree('approved at the wallet', b.walletApproved);
  agree("the network's daily usage", daily);
  agree('unbilled postings at the issuer', postings);
  if (expected.answeredFen !== undefined) agree('approvals answered to clients', expected.answeredFen);
  if (b.openPayments > 0) problems.push(`${b.openPayments} payments still open at the wallet`);
  return problems;
}
