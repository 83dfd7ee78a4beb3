/**
 * The embedded default database: one PGlite instance served over the PostgreSQL wire
 * protocol. Every subgraph connects to it with the same `pg` + TypeORM code it uses
 * against a real server; only the URL differs. Its multiplexer runs one transaction
 * at a time across all connections, so row locks and isolation still hold.
 */
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';

export interface EmbeddedPostgres {
  /** A `postgres://` URL any pg client can use. */
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
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  // Loaded lazily (their CommonJS builds): a run against a real server never pays for the WebAssembly build.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { PGlite } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
  const { PGLiteSocketServer } = require('@electric-sql/pglite-socket') as typeof import('@electric-sql/pglite-socket');
  /* eslint-enable @typescript-eslint/no-require-imports */

  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ?? 'memory://');
  const host = options.host ?? '127.0.0.1';
  const server = new PGLiteSocketServer({
    db,
    host,
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 64,
  });
  await server.start();
  // The server does not expose its bound port; read it from the listening socket.
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address() as AddressInfo).port;
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
