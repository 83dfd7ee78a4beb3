/**
 * The embedded server must behave like one PostgreSQL server to many connections: every
 * connection's statements run whole, answers go to whoever asked, and transactions keep
 * their locks. Run against PGlite, whose single session all connections share.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { localDatabasePassword, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

let embedded: EmbeddedPostgres;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
});

afterAll(async () => {
  await embedded?.stop();
});

async function connect(): Promise<Client> {
  const client = new Client({ connectionString: embedded.url });
  await client.connect();
  return client;
}

describe('many connections at once', () => {
  const WORKERS = 8;
  const OPERATIONS = 400;
  const COUNTERS = 3;

  it('gives every statement its own rows, with no errors and no lost increments', async () => {
    const setup = await connect();
    await setup.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
    await setup.query('CREATE TABLE notes (token text PRIMARY KEY, worker int NOT NULL, seq int NOT NULL)');
    for (let id = 0; id < COUNTERS; id++) await setup.query('INSERT INTO counters (id, n) VALUES ($1, 0)', [id]);

    const errors: string[] = [];
    const mismatches: string[] = [];
    const increments = new Array<number>(COUNTERS).fill(0);
    let notesWritten = 0;

    // Each operation has a different statement shape (parameter count and types), so a Bind
    // meeting another connection's Parse fails loudly, and a unique token in the parameters
    // shows when a row reaches the wrong connection.
    async function operate(client: Client, worker: number, seq: number): Promise<void> {
      const token = `w${worker}-s${seq}`;
      const unique = worker * 100_000 + seq;
      const check = (what: string, actual: unknown, expected: unknown) => {
        if (actual !== expected) mismatches.push(`${token} ${what}: got ${JSON.stringify(actual)}, wanted ${JSON.stringify(expected)}`);
      };
      switch (seq % 5) {
        case 0: {
          const { rows } = await client.query('SELECT $1::int AS a, $2::text AS b', [unique, token]);
          check('a, b', `${rows[0]?.a},${rows[0]?.b}`, `${unique},${token}`);
          break;
        }
        case 1: {
          const { rows } = await client.query('SELECT $1::text AS x', [token]);
          check('x', rows[0]?.x, token);
          break;
        }
        case 2: {
          const { rows } = await client.query('SELECT $1::int + $2::int + $3::int AS s', [unique, 1, 2]);
          check('s', rows[0]?.s, unique + 3);
          break;
        }
        case 3: {
          const { rows } = await client.query('INSERT INTO notes (token, worker, seq) VALUES ($1, $2, $3) RETURNING token, worker, seq', [
            token,
            worker,
            seq,
          ]);
          check('note', `${rows[0]?.token},${rows[0]?.worker},${rows[0]?.seq}`, `${token},${worker},${seq}`);
          notesWritten++;
          break;
        }
        case 4: {
          // A locked read-modify-write: two of these on one counter must never both read the same n.
          const id = unique % COUNTERS;
          await client.query('BEGIN');
          try {
            const read = await client.query('SELECT n, $2::text AS token FROM counters WHERE id = $1 FOR UPDATE', [id, token]);
            check('locked read', read.rows[0]?.token, token);
            const written = await client.query('UPDATE counters SET n = $2 WHERE id = $1 RETURNING n, $3::text AS token', [
              id,
              read.rows[0].n + 1,
              token,
            ]);
            check('update', `${written.rows[0]?.n},${written.rows[0]?.token}`, `${read.rows[0].n + 1},${token}`);
            await client.query('COMMIT');
            increments[id]++;
          } catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
          }
          break;
        }
      }
    }

    const clients = await Promise.all(Array.from({ length: WORKERS }, connect));
    try {
      await Promise.all(
        clients.map(async (client, worker) => {
          for (let seq = 0; seq < OPERATIONS; seq++) {
            await operate(client, worker, seq).catch((error: Error) => errors.push(`w${worker}-s${seq}: ${error.message}`));
          }
        }),
      );

      const counters = await setup.query('SELECT id, n FROM counters ORDER BY id');
      const lostIncrements = counters.rows.reduce((lost, row) => lost + (increments[row.id] - row.n), 0);
      const notes = await setup.query('SELECT count(*)::int AS n FROM notes');
      expect({
        errors: errors.length,
        mismatchedRows: mismatches.length,
        lostIncrements,
        notesMissing: notesWritten - notes.rows[0].n,
        examples: [...errors.slice(0, 5), ...mismatches.slice(0, 5)],
      }).toEqual({ errors: 0, mismatchedRows: 0, lostIncrements: 0, notesMissing: 0, examples: [] });
      expect(increments.reduce((a, b) => a + b, 0)).toBe((WORKERS * OPERATIONS) / 5);
    } finally {
      await Promise.all([...clients, setup].map((c) => c.end().catch(() => undefined)));
    }
  });
});

/** A bare protocol client, for what pg never does on its own: split packets, pipelining, Flush, vanishing mid-batch. */
class WireClient {
  readonly closed: Promise<unknown>;
  private received = Buffer.alloc(0);
  private arrived: () => void = () => undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (data) => {
      this.received = Buffer.concat([this.received, data]);
      this.arrived();
    });
    this.closed = once(socket, 'close');
    void this.closed.then(() => this.arrived());
  }

  static async open(): Promise<WireClient> {
    const socket = net.connect(embedded.port, '127.0.0.1');
    await once(socket, 'connect');
    return new WireClient(socket);
  }

  async startUp(): Promise<void> {
    this.send(startupPacket());
    await this.authenticate(embeddedPassword());
    await this.readUntil('Z');
  }

  /**
   * Answers the server's SCRAM-SHA-256 challenge (RFC 5802, as libpq does) with `password`.
   * Returns the SQLSTATE of the ErrorResponse that refused it, or null once accepted.
   */
  async authenticate(password: string): Promise<string | null> {
    const challenge = await this.nextMessage();
    expect(challenge.type).toBe('R');
    expect(challenge.body.readInt32BE(0)).toBe(10); // AuthenticationSASL
    expect(challenge.body.subarray(4).toString()).toBe('SCRAM-SHA-256\0\0');
    const clientFirstBare = `n=*,r=${randomBytes(18).toString('base64')}`;
    const clientFirst = Buffer.from(`n,,${clientFirstBare}`);
    this.send(frame('p', text('SCRAM-SHA-256'), int32(clientFirst.length), clientFirst));
    const next = await this.nextMessage();
    if (next.type === 'E') return sqlState(next.body);
    expect(next.body.readInt32BE(0)).toBe(11); // AuthenticationSASLContinue
    const serverFirst = next.body.subarray(4).toString();
    const attributes = Object.fromEntries(serverFirst.split(',').map((a) => [a[0], a.slice(2)]));
    const salted = pbkdf2Sync(password, Buffer.from(attributes.s, 'base64'), Number(attributes.i), 32, 'sha256');
    const clientKey = createHmac('sha256', salted).update('Client Key').digest();
    const storedKey = createHash('sha256').update(clientKey).digest();
    const withoutProof = `c=biws,r=${attributes.r}`;
    const signature = createHmac('sha256', storedKey).update(`${clientFirstBare},${serverFirst},${withoutProof}`).digest();
    const proof = Buffer.from(clientKey.map((byte, i) => byte ^ signature[i]));
    this.send(frame('p', Buffer.from(`${withoutProof},p=${proof.toString('base64')}`)));
    const last = await this.nextMessage();
    if (last.type === 'E') return sqlState(last.body);
    expect(last.body.readInt32BE(0)).toBe(12); // AuthenticationSASLFinal
    return null;
  }

  /** The next whole backend message. */
  async nextMessage(): Promise<{ type: string; body: Buffer }> {
    while (this.received.length < 5 || this.received.length < 1 + this.received.readInt32BE(1)) await this.more();
    const length = 1 + this.received.readInt32BE(1);
    const message = { type: String.fromCharCode(this.received[0]), body: this.received.subarray(5, length) };
    this.received = this.received.subarray(length);
    return message;
  }

  send(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }

  /** Sends one byte per TCP segment, yielding in between so the server reads them apart. */
  async trickle(data: Buffer): Promise<void> {
    for (const byte of data) {
      this.socket.write(Buffer.from([byte]));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** The next `n` bytes as they came (for the one-byte answer to SSLRequest). */
  async bytes(n: number): Promise<string> {
    while (this.received.length < n) await this.more();
    const out = this.received.subarray(0, n).toString('latin1');
    this.received = this.received.subarray(n);
    return out;
  }

  /** Backend messages up to and including the first of `type`: their types (ReadyForQuery with its status) and first-column values. */
  async readUntil(type: string): Promise<{ types: string[]; values: string[] }> {
    const types: string[] = [];
    const values: string[] = [];
    for (;;) {
      while (this.received.length >= 5 && this.received.length >= 1 + this.received.readInt32BE(1)) {
        const t = String.fromCharCode(this.received[0]);
        const length = 1 + this.received.readInt32BE(1);
        types.push(t === 'Z' ? `Z${String.fromCharCode(this.received[5])}` : t);
        if (t === 'D') values.push(this.received.subarray(11, 11 + this.received.readInt32BE(7)).toString());
        this.received = this.received.subarray(length);
        if (t === type) return { types, values };
      }
      await this.more();
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private async more(): Promise<void> {
    if (this.socket.destroyed) throw new Error('the server closed the connection');
    await new Promise<void>((resolve) => (this.arrived = resolve));
  }
}

function frame(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(5);
  head.write(type, 'latin1');
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}
const text = (s: string) => Buffer.from(`${s}\0`);
const int16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
/** The C (SQLSTATE) field of an ErrorResponse's body. */
function sqlState(body: Buffer): string | null {
  const field = body
    .toString()
    .split('\0')
    .find((f) => f.startsWith('C'));
  return field ? field.slice(1) : null;
}
const embeddedPassword = () => decodeURIComponent(new URL(embedded.url).password);
function startupPacket(): Buffer {
  const body = Buffer.concat([int32(196608), text('user'), text('postgres'), text('database'), text('postgres'), Buffer.from([0])]);
  return Buffer.concat([int32(4 + body.length), body]);
}
const sslRequest = () => Buffer.concat([int32(8), int32(80877103)]);
const parse = (sql: string) => frame('P', text(''), text(sql), int16(0));
const bind = (params: string[]) =>
  frame(
    'B',
    text(''),
    text(''),
    int16(0),
    int16(params.length),
    ...params.flatMap((p) => [int32(Buffer.byteLength(p)), Buffer.from(p)]),
    int16(0),
  );
const execute = () => frame('E', text(''), int32(0));
const sync = () => frame('S');
const flush = () => frame('H');
const query = (sql: string) => frame('Q', text(sql));
const terminate = () => frame('X');
const statement = (sql: string, params: string[]) => Buffer.concat([parse(sql), bind(params), execute(), sync()]);

describe('the wire protocol, message by message', () => {
  let other: Client;

  beforeAll(async () => {
    other = await connect();
    await other.query('CREATE TABLE wire_notes (token text PRIMARY KEY)');
    await other.query('CREATE TABLE wire_counter (n int NOT NULL)');
    await other.query('INSERT INTO wire_counter VALUES (0)');
  });

  afterAll(async () => {
    await other?.end();
  });

  it('refuses SSL, reads packets split across segments, and answers several batches sent in one', async () => {
    const client = await WireClient.open();
    await client.trickle(sslRequest());
    expect(await client.bytes(1)).toBe('N');
    await client.trickle(startupPacket());
    expect(await client.authenticate(embeddedPassword())).toBeNull();
    expect((await client.readUntil('Z')).types).toEqual(expect.arrayContaining(['R', 'K', 'ZI']));

    client.send(
      statement('SELECT $1::text AS v', ['one']),
      statement('SELECT $1::text || $2::text AS v', ['tw', 'o']),
      query('SELECT 3 AS v'),
    );
    const answers = [await client.readUntil('Z'), await client.readUntil('Z'), await client.readUntil('Z')];
    expect(answers.map((a) => a.values)).toEqual([['one'], ['two'], ['3']]);
    expect(answers.map((a) => a.types.at(-1))).toEqual(['ZI', 'ZI', 'ZI']);
    client.close();
  });

  it('keeps the session for a batch held open with Flush until its Sync', async () => {
    const holder = await WireClient.open();
    await holder.startUp();
    holder.send(parse('SELECT $1::text AS v'), bind(['held']), execute(), flush());
    expect((await holder.readUntil('C')).values).toEqual(['held']);

    let otherAnswered = false;
    const waiting = other.query('SELECT $1::text AS v', ['waited']).then((r) => {
      otherAnswered = true;
      return r.rows[0].v;
    });
    // Round trips of the holder give the other connection's statement every chance to slip in.
    for (let i = 0; i < 10; i++) {
      holder.send(parse(`SELECT '${i}'::text AS v`), bind([]), execute(), flush());
      expect((await holder.readUntil('C')).values).toEqual([String(i)]);
    }
    expect(otherAnswered).toBe(false);

    holder.send(sync());
    expect((await holder.readUntil('Z')).types).toEqual(['ZI']);
    expect(await waiting).toBe('waited');
    holder.close();
  });

  it('rolls back the transaction of a client that goes away in the middle of it', async () => {
    const leaver = await WireClient.open();
    await leaver.startUp();
    leaver.send(query('BEGIN; UPDATE wire_counter SET n = n + 1000'));
    expect((await leaver.readUntil('Z')).types.at(-1)).toBe('ZT');

    const waiting = other.query('SELECT n FROM wire_counter');
    leaver.close();
    expect((await waiting).rows).toEqual([{ n: 0 }]);
    expect((await other.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  });

  it('undoes the unfinished batch of a client that goes away before its Sync', async () => {
    const leaver = await WireClient.open();
    await leaver.startUp();
    leaver.send(parse('INSERT INTO wire_notes (token) VALUES ($1)'), bind(['half']), execute(), flush());
    expect((await leaver.readUntil('C')).types).toEqual(['1', '2', 'C']);

    const waiting = other.query('SELECT count(*)::int AS n FROM wire_notes WHERE token = $1', ['half']);
    leaver.close();
    expect((await waiting).rows).toEqual([{ n: 0 }]);
    await other.query('INSERT INTO wire_notes (token) VALUES ($1)', ['whole']);
    expect((await other.query('SELECT token FROM wire_notes')).rows).toEqual([{ token: 'whole' }]);
  });

  it('refuses a message type PostgreSQL does not know, and the others go on', async () => {
    const client = await WireClient.open();
    await client.startUp();
    client.send(frame('Y'));
    expect((await client.readUntil('E')).types).toEqual(['E']);
    await client.closed;
    expect((await other.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  });

  it('runs what came before Terminate, then closes the connection', async () => {
    const client = await WireClient.open();
    await client.startUp();
    client.send(query("INSERT INTO wire_notes (token) VALUES ('terminated')"), terminate());
    expect((await client.readUntil('Z')).types).toEqual(['C', 'ZI']);
    await client.closed;
    expect((await other.query("SELECT count(*)::int AS n FROM wire_notes WHERE token = 'terminated'")).rows).toEqual([{ n: 1 }]);
  });
});

describe('password authentication', () => {
  const withPassword = (password: string | null) => {
    const url = new URL(embedded.url);
    url.password = password ?? '';
    return url.toString();
  };

  it('gives the URL a password of its own, different for every server started without a data folder', async () => {
    const password = embeddedPassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const another = await startEmbeddedPostgres();
    try {
      expect(decodeURIComponent(new URL(another.url).password)).not.toBe(password);
    } finally {
      await another.stop();
    }
  });

  it('lets in a client with the right password', async () => {
    const client = new Client({ connectionString: withPassword(embeddedPassword()) });
    await client.connect();
    expect((await client.query('SELECT current_user AS u')).rows).toEqual([{ u: 'postgres' }]);
    await client.end();
  });

  it('refuses a wrong password with 28P01, and the client never reaches the database', async () => {
    const client = new Client({ connectionString: withPassword('not-the-password') });
    await expect(client.connect()).rejects.toMatchObject({ code: '28P01' });

    const wire = await WireClient.open();
    wire.send(startupPacket());
    expect(await wire.authenticate('')).toBe('28P01');
    await wire.closed;
  });

  it('refuses a client that sends no password: pg gives up, and a statement instead of the answer gets 28P01 and does not run', async () => {
    const client = new Client({ connectionString: withPassword(null) });
    await expect(client.connect()).rejects.toThrow();

    const setup = await connect();
    await setup.query('CREATE TABLE IF NOT EXISTS auth_probe (n int)');
    const wire = await WireClient.open();
    wire.send(startupPacket());
    expect((await wire.nextMessage()).type).toBe('R');
    wire.send(query('INSERT INTO auth_probe VALUES (1)'));
    const refusal = await wire.nextMessage();
    expect({ type: refusal.type, code: sqlState(refusal.body) }).toEqual({ type: 'E', code: '28P01' });
    await wire.closed;
    expect((await setup.query('SELECT count(*)::int AS n FROM auth_probe')).rows).toEqual([{ n: 0 }]);
    await setup.end();
  });
});

describe('the password of a data folder', () => {
  it('is made once, readable by this user only, and kept for the next start', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-db-password-'));
    const first = localDatabasePassword(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const file = path.join(dir, 'database-password');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(localDatabasePassword(dir)).toBe(first);
    expect(localDatabasePassword(fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-db-password-')))).not.toBe(first);
  });
});
