/**
 * The embedded default database: one PGlite instance served over the PostgreSQL wire
 * protocol (pglite-wire-server.ts). Every subgraph connects to it with the same `pg` +
 * TypeORM code it uses against a real server; only the URL differs.
 *
 * PGlite is one session, so connections take turns: each holds it for a whole request
 * (Parse/Bind/Execute up to Sync, or a simple query) and for as long as its transaction is
 * open. Statements of different connections therefore never mix, and transactions run one
 * at a time, so row locks and isolation hold. Session state (SET, named prepared
 * statements, temporary tables) is shared by all connections, and a transaction held open
 * stalls every other connection until it ends.
 *
 * Clients must know the server's password (SCRAM-SHA-256): a random one per data folder,
 * kept beside its keys (localDatabasePassword), or per run for an in-memory database. It
 * travels in `url` only: log the server by `port`, never by its URL.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { servePGlite } from './pglite-wire-server';

export interface EmbeddedPostgres {
  /** A `postgres://` URL any pg client can use; it carries the password. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder the data persists in between runs; omit for a throwaway in-memory database. */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  maxConnections?: number;
  /** The password clients must give; a fresh random one, kept in memory only, when omitted. */
  password?: string;
}

const newPassword = () => randomBytes(24).toString('base64url');

/**
 * The embedded database's password of a data folder (`<dataDir>/database-password`, mode
 * 0600, beside keys.json), made on first use. Only this user can read it, so only this
 * user's processes can reach the database.
 */
export function localDatabasePassword(dataDir: string): string {
  const file = path.join(dataDir, 'database-password');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, newPassword(), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const password = fs.readFileSync(file, 'utf8').trim();
  if (!password) throw new Error(`${file} is empty: remove it to have a new password made`);
  return password;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  // Loaded lazily (its CommonJS build): a run against a real server never pays for the WebAssembly build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PGlite } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');

  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ?? 'memory://');
  const host = options.host ?? '127.0.0.1';
  const password = options.password ?? newPassword();
  const server = await servePGlite(db, { host, port: options.port ?? 0, maxConnections: options.maxConnections ?? 64, password });
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@${host}:${server.port}/postgres`,
    port: server.port,
    async stop() {
      await server.close();
      await db.close();
    },
  };
}
