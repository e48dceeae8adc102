// PostgreSQL adapter of the SQL port: the scale-out engine. Many processes share it; queue claims use
// SKIP LOCKED and wake-ups travel by LISTEN/NOTIFY, sent after the commit they announce.
import pg from 'pg';
import type { DialectCapabilities, Row, ScriptExecutor, SqlDriver, SqlExecutor, SqlParam, TransactionOptions } from '../sql-driver.ts';

const dialect: DialectCapabilities = {
  name: 'postgres',
  skipLocked: 'FOR UPDATE SKIP LOCKED',
  multiProcess: true,
  inProcess: false,
  writesInWith: true,
  settleAppends: 'LOCK TABLE events IN SHARE MODE',
  oneOf: (column) => `${column} = ANY(CAST(? AS TEXT[]))`,
  idsFrom: (alias) => `unnest(CAST(? AS TEXT[])) AS ${alias}(id)`,
};

const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** A query as pg takes it: our SQL in Postgres's placeholders, named so each connection parses it only once. */
type Prepared = { name?: string; text: string };
const prepared = new Map<string, Prepared>();
/**
 * Distinct statements given a name (a prepared statement on every connection that runs them): the
 * repositories' fixed SQL and the few dozen lengths of their `IN (…)` lists. Past the cap, statements are
 * parsed and planned on each run, so an unexpected variety cannot grow the server's memory without bound.
 */
const MAX_NAMED = 2_000;

/** Repositories write `?`; Postgres wants `$1, $2, …`. Our SQL never contains a literal `?`. */
function toPrepared(sql: string): Prepared {
  let query = prepared.get(sql);
  if (query === undefined) {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    query = prepared.size < MAX_NAMED ? { name: `realid_${prepared.size}`, text } : { text };
    prepared.set(sql, query);
  }
  return query;
}

/**
 * A schema change by another process (a rolling upgrade) makes a prepared `SELECT *` unusable ("cached plan
 * must not change result type"); it is parsed anew from then on. Inside a transaction the retry fails with the
 * transaction, which its caller sees as any other error.
 */
const isStalePlan = (error: unknown): boolean => (error as { code?: string }).code === '0A000';

function executor(client: pg.Pool | pg.PoolClient, named: boolean): SqlExecutor {
  const query = async (sql: string, params: readonly SqlParam[]) => {
    const statement = named ? toPrepared(sql) : { text: toPrepared(sql).text };
    try {
      return await client.query({ ...statement, values: params as unknown[] });
    } catch (error) {
      if (statement.name === undefined || !isStalePlan(error)) throw error;
      prepared.set(sql, { text: statement.text });
      return client.query({ text: statement.text, values: params as unknown[] });
    }
  };
  return {
    all: async <T = Row>(sql: string, params: readonly SqlParam[] = []) => (await query(sql, params)).rows as T[],
    get: async <T = Row>(sql: string, params: readonly SqlParam[] = []) => (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params: readonly SqlParam[] = []) => (await query(sql, params)).rowCount ?? 0,
  };
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export interface PostgresDriverOptions {
  url: string;
  /** A schema of its own (tests give each file one); defaults to the connection's search_path. */
  schema?: string;
  poolSize?: number;
  /** Connections for the delivery worker's reads (default 3), opened on first use: none in an API-only process. */
  workerPoolSize?: number;
  /**
   * Named prepared statements (default true). A pooler that hands each transaction a different server
   * connection (PgBouncer in transaction mode before 1.21, or without `max_prepared_statements`) needs false.
   */
  preparedStatements?: boolean;
}

export class PostgresDriver implements SqlDriver {
  readonly dialect = dialect;
  private readonly pool: pg.Pool;
  private readonly pooled: SqlExecutor;
  /** A few connections that commit without waiting for the WAL flush, for writes whose loss is harmless. */
  private readonly relaxedPool: pg.Pool;
  private readonly relaxed: SqlExecutor;
  /** The delivery worker's reads, on connections no API or producer transaction can hold (see `workerReads`). */
  private readonly workerPool: pg.Pool;
  readonly workerReads: SqlExecutor;
  /**
   * One connection, synchronous_commit=off, that sends wake-ups after the commits they announce. A commit
   * that notifies holds a cluster-wide lock (async.c, PreCommit_Notify) until it is done, WAL flush
   * included: notifying inside the producers' durable transactions made their commits queue one behind the
   * other, each waiting for its own flush. Sent here, the producers' commits share flushes again, and the
   * lock is held for no flush at all.
   */
  private readonly wakeupPool: pg.Pool;
  /** Wake-ups not yet sent, `channel\npayload`; the transactions that will send theirs when they commit. */
  private readonly unsent = new Set<string>();
  private sending: Promise<void> | undefined;
  private readonly toWake = new WeakMap<SqlExecutor, Set<string>>();
  private readonly channelPrefix: string;
  /** Backends of `wakeupPool`: what they send, this process's listeners were told already (see `wake`). */
  private readonly ownSenders = new Set<number>();
  private listener: pg.Client | undefined;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private closed = false;
  private readonly named: boolean;

  constructor(private readonly options: PostgresDriverOptions) {
    this.named = options.preparedStatements ?? true;
    const searchPath = options.schema ? `-c search_path=${quoteIdent(options.schema)}` : '';
    this.pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, types, ...(searchPath ? { options: searchPath } : {}) });
    const relaxed = `${searchPath} -c synchronous_commit=off`.trim();
    this.relaxedPool = new pg.Pool({ connectionString: options.url, max: 2, types, options: relaxed });
    this.workerPool = new pg.Pool({ connectionString: options.url, max: options.workerPoolSize ?? 3, types, ...(searchPath ? { options: searchPath } : {}) });
    // A wake-up that hangs (a connection gone silent) is given up after a few seconds, not waited for by every
    // one after it.
    this.wakeupPool = new pg.Pool({ connectionString: options.url, max: 1, types, options: relaxed, connectionTimeoutMillis: 5_000, query_timeout: 5_000 });
    for (const pool of [this.pool, this.relaxedPool, this.workerPool, this.wakeupPool]) {
      pool.on('error', () => {
        // An idle client lost its connection; the pool replaces it on the next checkout.
      });
    }
    this.wakeupPool.on('connect', (client) => {
      const pid = (client as pg.Client & { processID?: number }).processID;
      if (pid !== undefined) this.ownSenders.add(pid);
    });
    // A backend's id may later be another process's.
    this.wakeupPool.on('remove', (client) => this.ownSenders.delete((client as pg.Client & { processID?: number }).processID ?? -1));
    this.pooled = executor(this.pool, this.named);
    this.relaxed = executor(this.relaxedPool, this.named);
    this.workerReads = executor(this.workerPool, this.named);
    this.channelPrefix = options.schema ? `${options.schema}_` : 'realid_';
  }

  all<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.pooled.all<T>(sql, params);
  }
  get<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.pooled.get<T>(sql, params);
  }
  run(sql: string, params?: readonly SqlParam[]): Promise<number> {
    return this.pooled.run(sql, params);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    // Relaxed transactions run on the connections opened with synchronous_commit=off: no extra round trip.
    const client = await (options.durability === 'relaxed' ? this.relaxedPool : this.pool).connect();
    const tx = executor(client, this.named);
    const wakeups = new Set<string>();
    this.toWake.set(tx, wakeups);
    try {
      await client.query('BEGIN');
      const result = await fn(tx);
      await client.query('COMMIT');
      // Not awaited: the commit is what the caller waits for; a wake-up lost on the way costs a listener at
      // most its next look at the queue.
      if (wakeups.size) void this.wake(wakeups);
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  allRelaxed<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.relaxed.all<T>(sql, params);
  }

  allCounter<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    // One round trip on the relaxed connections: no WAL flush to wait for.
    return this.relaxed.all<T>(sql, params);
  }

  async purgeDeleted(): Promise<void> {
    // Dead rows wait for autovacuum; what they held is sealed with a data key that no longer exists.
  }

  async lockKeys(tx: SqlExecutor, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    if (keys.length === 1) return void (await tx.run('SELECT pg_advisory_xact_lock(7341, hashtext(?))', [keys[0]!]));
    // One round trip for many keys, taken in hash order by every caller, so two transactions cannot deadlock.
    await tx.run(
      'SELECT pg_advisory_xact_lock(7341, h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(string_to_array(?, chr(31))) AS k ORDER BY h) AS keys',
      [[...new Set(keys)].join('\u001f')],
    );
  }

  async migrationTransaction(fn: (tx: ScriptExecutor) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      // A transaction-scoped advisory lock: a second process starting at the same time waits, then sees the work done.
      await client.query('BEGIN');
      await client.query("SELECT pg_advisory_xact_lock(hashtext('realid_migrations'))");
      if (this.options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(this.options.schema)}`);
      // Unnamed statements: the schema changes under them, so no plan may be kept.
      await fn({ ...executor(client, false), exec: async (script) => void (await client.query(script)) });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async notify(channel: string, tx?: SqlExecutor, payload = ''): Promise<void> {
    const key = `${this.channelPrefix + channel}\n${payload}`;
    // Inside one of our transactions: sent once it commits (see `wakeupPool`), once per channel and payload
    // however many times the transaction asks, and never if it rolls back.
    const wakeups = tx && this.toWake.get(tx);
    if (wakeups) return void wakeups.add(key);
    if (tx) {
      // Another transaction (a migration's): Postgres holds the notification until its commit.
      await tx.run('SELECT pg_notify(?, ?)', [this.channelPrefix + channel, payload]);
      return;
    }
    await this.wake([key]);
  }

  /**
   * Sends wake-ups, one statement at a time: those that arrive while one is under way go together in the
   * next, each distinct one once. Resolves when these were sent (or given up on: a wake-up is a hint, and
   * every listener also looks for work on its own).
   */
  private wake(keys: Iterable<string>): Promise<void> {
    for (const key of keys) {
      this.unsent.add(key);
      // Listeners in this process (`npm start` runs the API and the worker together) hear it now, not after a
      // round trip to the server and back on the LISTEN connection, which under load cost the tail several
      // milliseconds; the NOTIFY itself is for the other processes, and this one ignores it (`ownSenders`).
      const cut = key.indexOf('\n');
      this.deliver(key.slice(0, cut), key.slice(cut + 1));
    }
    this.sending ??= this.sendWakeups();
    return this.sending;
  }

  private async sendWakeups(): Promise<void> {
    try {
      while (this.unsent.size > 0) {
        const channels: string[] = [];
        const payloads: string[] = [];
        for (const key of this.unsent) {
          const cut = key.indexOf('\n');
          channels.push(key.slice(0, cut));
          payloads.push(key.slice(cut + 1));
        }
        this.unsent.clear();
        try {
          await this.wakeupPool.query({
            ...(this.named ? { name: 'realid_wakeups' } : {}),
            text: 'SELECT pg_notify(c, p) FROM unnest($1::text[], $2::text[]) AS n(c, p)',
            values: [channels, payloads],
          });
        } catch {
          // Lost: the listeners find the work when they next look.
        }
      }
    } finally {
      this.sending = undefined;
    }
  }

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    const name = this.channelPrefix + channel;
    let set = this.handlers.get(name);
    if (!set) {
      set = new Set();
      this.handlers.set(name, set);
      const client = await this.listenerClient();
      await client.query(`LISTEN ${quoteIdent(name)}`);
    }
    set.add(onNotify);
    return async () => {
      set.delete(onNotify);
    };
  }

  private async listenerClient(): Promise<pg.Client> {
    if (this.listener) return this.listener;
    const client = new pg.Client({ connectionString: this.options.url });
    client.on('notification', (message) => {
      if (!this.ownSenders.has(message.processId)) this.deliver(message.channel, message.payload ?? '');
    });
    client.on('error', () => {
      // Lost the LISTEN connection: reconnect, and wake everyone once since notifications may have been missed.
      this.listener = undefined;
      if (this.closed) return;
      setTimeout(() => void this.relisten(), 1000).unref();
    });
    await client.connect();
    this.listener = client;
    return client;
  }

  private deliver(channel: string, payload: string): void {
    for (const handler of this.handlers.get(channel) ?? []) {
      try {
        handler(payload);
      } catch {
        // A listener's own failure is no sender's: the listener looks for work on its own too.
      }
    }
  }

  private async relisten(): Promise<void> {
    try {
      const client = await this.listenerClient();
      for (const name of this.handlers.keys()) await client.query(`LISTEN ${quoteIdent(name)}`);
      for (const set of this.handlers.values()) for (const handler of set) handler('');
    } catch {
      if (!this.closed) setTimeout(() => void this.relisten(), 1000).unref();
    }
  }

  async ping(): Promise<void> {
    await this.pooled.get('SELECT 1');
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.sending;
    await this.listener?.end().catch(() => undefined);
    await Promise.all([this.pool.end(), this.relaxedPool.end(), this.workerPool.end(), this.wakeupPool.end()]);
  }
}
