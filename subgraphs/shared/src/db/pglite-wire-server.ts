/**
 * Serves one PGlite to many client connections over the PostgreSQL wire protocol.
 *
 * PGlite is a single PostgreSQL backend: one session, so one unnamed prepared statement,
 * one unnamed portal and one transaction for everybody. Connections can share it only by
 * taking turns where a real backend would be between requests. A connection holds the
 * session from its first message until the ReadyForQuery that ends its batch (the answer
 * to Sync or to a simple Query), and keeps it while its transaction is open (ReadyForQuery
 * status 'T' or 'E'); the others wait in the order they asked.
 *
 * What turns cannot give: session state stays shared. A SET, a named prepared statement or
 * a temporary table made on one connection is there for the next. And a connection that
 * holds the session (an open transaction, or a portal read in steps with Execute + Flush)
 * while its program waits for another connection's answer waits forever, as it would on
 * a server with a single connection slot.
 *
 * Every client proves it knows the server's password with SCRAM-SHA-256 before PGlite hears
 * from it, as a `scram-sha-256` line in pg_hba.conf asks: SCRAM rather than a cleartext or MD5
 * password because the password never crosses the wire (the server speaks plaintext) and
 * what does cannot be replayed, and it is what pg prefers.
 */
import * as net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { SCRAM_SHA_256, ScramExchange, ScramRefusal, scramVerifier, type ScramVerifier } from './scram-sha-256';

export interface PGliteWireServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Clients beyond this many are refused with SQLSTATE 53300, as PostgreSQL refuses them. */
  maxConnections: number;
  /** The password every client must prove it knows (SCRAM-SHA-256), whatever user it names. */
  password: string;
}

export interface PGliteWireServer {
  port: number;
  /** Disconnects every client (rolling back what they left open) and stops listening. */
  close(): Promise<void>;
}

export async function servePGlite(db: PGlite, options: PGliteWireServerOptions): Promise<PGliteWireServer> {
  if (!options.password) throw new Error('the embedded database needs a password');
  const session = new Session(db);
  const verifier = scramVerifier(options.password);
  const connections = new Set<Connection>();
  const server = net.createServer((socket) => {
    const connection = new Connection(socket, session, verifier, connections.size < options.maxConnections);
    connections.add(connection);
    void connection.done.then(() => connections.delete(connection));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    async close() {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      const leaving = [...connections].map((c) => c.disconnect());
      await Promise.all(leaving);
      await stopped;
    },
  };
}

// Message types (frontend unless noted).
const QUERY = 0x51; // Q
const SYNC = 0x53; // S
const FLUSH = 0x48; // H
const FUNCTION_CALL = 0x46; // F
const TERMINATE = 0x58; // X
const PASSWORD_MESSAGE = 0x70; // p: SASLInitialResponse, SASLResponse
// Every type PostgreSQL accepts after startup: Bind, Close, CopyData, CopyDone, CopyFail,
// Describe, Execute, Flush, FunctionCall, Parse, Query, Sync. PGlite hangs on any other.
const FRONTEND_TYPES = new Set([...'BCdcfDEHFPQS'].map((c) => c.charCodeAt(0)));
const AUTHENTICATION = 'R'; // backend
const AUTH_SASL = 10;
const AUTH_SASL_CONTINUE = 11;
const AUTH_SASL_FINAL = 12;
const READY_FOR_QUERY = 0x5a; // Z, backend
const NOTICE = 0x4e; // N, backend
const NOTIFICATION = 0x41; // A, backend
const PARAMETER_STATUS = 0x53; // S, backend

// Codes in the place of a protocol version in an untyped startup-phase packet.
const PROTOCOL_3_0 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const MAX_STARTUP_PACKET = 10_000; // PostgreSQL's own limit
const MAX_MESSAGE = 1 << 30; // PostgreSQL cannot allocate more for one message either

/** PGlite's one session, lent to one connection at a time in the order they asked for it. */
class Session {
  private lent = false;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly db: PGlite) {}

  acquire(): Promise<void> {
    if (!this.lent) {
      this.lent = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.lent = false;
  }

  /** Runs protocol messages as the current holder and returns all PGlite answered. */
  async exec(messages: Uint8Array): Promise<Buffer> {
    const chunks: Buffer[] = [];
    // runExclusive keeps PGlite's own API (query, close) out of a lent session. The streaming
    // call, because the buffered one also parses every answer and keeps it for execProtocol's
    // callers, which here would only accumulate. Each chunk is a view of PGlite's memory that
    // the next call overwrites, hence the copy.
    await this.db.runExclusive(() => this.db.execProtocolRawStream(messages, { onRawData: (data) => chunks.push(Buffer.from(data)) }));
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  }
}

/** A failure to report to the client with a FATAL ErrorResponse before closing its connection. */
class FatalError extends Error {
  constructor(
    readonly sqlState: string,
    message: string,
  ) {
    super(message);
  }
}

class Connection {
  readonly done: Promise<void>;
  /** Bytes received and not yet taken as whole messages. */
  private input: Buffer = Buffer.alloc(0);
  private socketClosed = false;
  private wake: (() => void) | null = null;
  private holdsSession = false;
  /** Messages went to PGlite since its last ReadyForQuery: the batch is not over. */
  private inBatch = false;
  /** The last ReadyForQuery said 'I': no transaction open. */
  private idle = true;

  constructor(
    private readonly socket: net.Socket,
    private readonly session: Session,
    private readonly verifier: ScramVerifier,
    private readonly admitted: boolean,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.input = this.input.length === 0 ? chunk : Buffer.concat([this.input, chunk]);
      this.wakeUp();
    });
    socket.on('close', () => {
      this.socketClosed = true;
      this.wakeUp();
    });
    socket.on('error', () => undefined); // 'close' follows; leave() does the rest
    this.done = this.serve();
  }

  async disconnect(): Promise<void> {
    this.socket.destroy();
    await this.done;
  }

  private async serve(): Promise<void> {
    try {
      if (await this.startUp()) {
        for (let batch = await this.nextBatch(); batch; batch = await this.nextBatch()) await this.run(batch.messages, batch.flushOnly);
      }
    } catch (error) {
      // A malformed stream, or PGlite itself failing (COPY FROM STDIN takes it down, for one).
      const fatal = error instanceof FatalError ? error : new FatalError('XX000', `embedded database failed: ${(error as Error).message}`);
      this.send(errorResponse(fatal.sqlState, fatal.message));
    } finally {
      await this.leave();
    }
  }

  /**
   * Refuses encryption, reads the startup packet, checks the client's password and lets
   * PGlite greet the client. PGlite never sees a client that has not proved the password:
   * its greeting starts with AuthenticationOk, so it follows the SCRAM exchange unchanged.
   */
  private async startUp(): Promise<boolean> {
    for (;;) {
      const packet = await this.nextStartupPacket();
      if (!packet) return false;
      const code = packet.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
        // Plaintext only: clients that merely prefer encryption go on without it.
        this.send(Buffer.from('N'));
        continue;
      }
      // PGlite runs a statement synchronously on this thread, so nothing could interrupt it;
      // PostgreSQL too closes a cancel request's connection without an answer.
      if (code === CANCEL_REQUEST) return false;
      if (code !== PROTOCOL_3_0) throw new FatalError('0A000', `unsupported frontend protocol ${code >>> 16}.${code & 0xffff}`);
      if (!this.admitted) throw new FatalError('53300', 'sorry, too many clients already');
      if (!(await this.authenticate(packet))) return false;
      await this.run(packet, false);
      return true;
    }
  }

  /**
   * SCRAM-SHA-256 as PostgreSQL runs it: AuthenticationSASL, the client's SASLInitialResponse,
   * AuthenticationSASLContinue, its SASLResponse, AuthenticationSASLFinal. Anything else from
   * the client, or a proof that does not hold, is refused with 28P01 as PostgreSQL refuses a
   * wrong password. False when the client leaves before the end.
   */
  private async authenticate(startupPacket: Buffer): Promise<boolean> {
    const refused = new FatalError('28P01', `password authentication failed for user "${startupUser(startupPacket)}"`);
    const exchange = new ScramExchange(this.verifier);
    this.send(message(AUTHENTICATION, Buffer.concat([int32(AUTH_SASL), Buffer.from(`${SCRAM_SHA_256}\0\0`)])));
    try {
      const initial = await this.nextPasswordMessage(refused);
      if (!initial) return false;
      // SASLInitialResponse: the mechanism's name, then the length of the client-first-message and the message.
      const nameEnd = initial.indexOf(0);
      if (nameEnd < 0 || initial.toString('latin1', 0, nameEnd) !== SCRAM_SHA_256 || initial.length < nameEnd + 5) throw refused;
      const clientFirst = initial.subarray(nameEnd + 5).toString('utf8');
      const serverFirst = exchange.serverFirstMessage(clientFirst);
      this.send(message(AUTHENTICATION, Buffer.concat([int32(AUTH_SASL_CONTINUE), Buffer.from(serverFirst)])));
      const response = await this.nextPasswordMessage(refused);
      if (!response) return false;
      const serverFinal = exchange.serverFinalMessage(response.toString('utf8'));
      if (!serverFinal) throw refused;
      this.send(message(AUTHENTICATION, Buffer.concat([int32(AUTH_SASL_FINAL), Buffer.from(serverFinal)])));
      return true;
    } catch (error) {
      throw error instanceof ScramRefusal ? refused : error;
    }
  }

  /** The body of the client's next PasswordMessage ('p'); `refused` for any other message; null once the client is gone. */
  private async nextPasswordMessage(refused: FatalError): Promise<Buffer | null> {
    for (;;) {
      if (this.input.length >= 5) {
        if (this.input[0] !== PASSWORD_MESSAGE) throw refused;
        const length = 1 + this.input.readInt32BE(1);
        if (length < 5 || length > MAX_STARTUP_PACKET) throw new FatalError('08P01', 'invalid message length');
        if (this.input.length >= length) return this.take(length).subarray(5);
      }
      if (this.socketClosed) return null;
      await this.nextChunk();
    }
  }

  /** The next startup-phase packet (no type byte: int32 length, int32 code, body); null once the client is gone. */
  private async nextStartupPacket(): Promise<Buffer | null> {
    for (;;) {
      if (this.input.length >= 8) {
        const length = this.input.readInt32BE(0);
        if (length < 8 || length > MAX_STARTUP_PACKET) throw new FatalError('08P01', 'invalid length of startup packet');
        if (this.input.length >= length) return this.take(length);
      }
      if (this.socketClosed) return null;
      await this.nextChunk();
    }
  }

  /**
   * The client's next whole messages, up to and including one that ends a batch (Sync,
   * Query, FunctionCall), or as many as have arrived. Null at Terminate, or once the client
   * is gone and no whole message is left (what it sent before going still runs, as on a
   * real server, and leave() undoes what it left unfinished).
   */
  private async nextBatch(): Promise<{ messages: Buffer; flushOnly: boolean } | null> {
    for (;;) {
      let end = 0;
      let flushOnly = true;
      while (this.input.length - end >= 5) {
        const type = this.input[end];
        const length = 1 + this.input.readInt32BE(end + 1);
        if (length < 5 || length > MAX_MESSAGE) throw new FatalError('08P01', 'invalid message length');
        if (this.input.length - end < length) break;
        // Never passed on: PGlite would take it as the end of its one session.
        if (type === TERMINATE) {
          if (end === 0) return null;
          break;
        }
        if (!FRONTEND_TYPES.has(type)) {
          if (end === 0) throw new FatalError('08P01', `invalid frontend message type ${type}`);
          break; // what came before it still runs
        }
        end += length;
        if (type !== FLUSH) flushOnly = false;
        if (type === SYNC || type === QUERY || type === FUNCTION_CALL) break;
      }
      if (end > 0) return { messages: this.take(end), flushOnly };
      if (this.socketClosed) return null;
      await this.nextChunk();
    }
  }

  /** Runs messages with the session held, and lets it go when the batch and any transaction are over. */
  private async run(messages: Buffer, flushOnly: boolean): Promise<void> {
    if (!this.holdsSession) {
      await this.session.acquire();
      this.holdsSession = true;
    }
    const reply = await this.session.exec(messages);
    this.send(reply);
    const status = readyStatus(reply);
    if (status) {
      this.inBatch = false;
      this.idle = status === 'I';
    } else if (!flushOnly) {
      // Flush alone asks only for what is pending: it neither starts nor ends a batch.
      this.inBatch = true;
    }
    if (!this.inBatch && this.idle) {
      this.holdsSession = false;
      this.session.release();
    }
  }

  /** Closes the connection and hands the session on in the state a new client expects. */
  private async leave(): Promise<void> {
    this.socket.destroySoon();
    if (!this.holdsSession) return;
    try {
      // Sync would commit an unfinished batch; a failing Execute first makes it roll back,
      // as a real server aborts the work of a client that went away.
      if (this.inBatch) this.idle = readyStatus(await this.session.exec(Buffer.concat([EXECUTE_MISSING_PORTAL, SYNC_MESSAGE]))) === 'I';
      if (!this.idle) await this.session.exec(ROLLBACK);
    } catch {
      // PGlite itself has failed; there is nothing left to tidy.
    } finally {
      this.holdsSession = false;
      this.session.release();
    }
  }

  private take(length: number): Buffer {
    const taken = this.input.subarray(0, length);
    this.input = this.input.subarray(length);
    return taken;
  }

  private nextChunk(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private send(data: Buffer): void {
    if (data.length > 0 && this.socket.writable) this.socket.write(data);
  }
}

/**
 * The transaction status of the ReadyForQuery that ends `reply` ('I', 'T' or 'E'), or null
 * when the reply does not end a batch. Notices, notifications and parameter changes may
 * trail it; they are sent whenever PostgreSQL has them.
 */
function readyStatus(reply: Buffer): string | null {
  let status: string | null = null;
  for (let at = 0; at + 5 <= reply.length; at += 1 + reply.readInt32BE(at + 1)) {
    const type = reply[at];
    if (type === READY_FOR_QUERY) status = String.fromCharCode(reply[at + 5]);
    else if (type !== NOTICE && type !== NOTIFICATION && type !== PARAMETER_STATUS) status = null;
  }
  return status;
}

function message(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(5 + body.length);
  out.write(type, 0, 'latin1');
  out.writeInt32BE(4 + body.length, 1);
  body.copy(out, 5);
  return out;
}

function int32(n: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeInt32BE(n);
  return out;
}

/** The user a startup packet names (its parameters are name\0value\0 pairs after the version). */
function startupUser(packet: Buffer): string {
  const parameters = packet.toString('utf8', 8).split('\0');
  for (let i = 0; i + 1 < parameters.length; i += 2) if (parameters[i] === 'user') return parameters[i + 1].slice(0, 63);
  return '';
}

function errorResponse(sqlState: string, text: string): Buffer {
  return message('E', Buffer.from(`SFATAL\0VFATAL\0C${sqlState}\0M${text}\0\0`, 'utf8'));
}

const SYNC_MESSAGE = message('S', Buffer.alloc(0));
const ROLLBACK = message('Q', Buffer.from('ROLLBACK\0'));
// Execute (all rows) of a portal that does not exist: always an error, in any state.
const EXECUTE_MISSING_PORTAL = message('E', Buffer.from('pglite-wire-server: no such portal\0\0\0\0\0', 'latin1'));
