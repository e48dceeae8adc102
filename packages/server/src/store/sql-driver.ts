// The storage port's lowest layer: what our repositories need from a SQL database, and nothing more.
// Repositories write SQL once with `?` placeholders; each adapter runs it on its engine.

/**
 * A list of strings is one array parameter: on PostgreSQL a `text[]` (`= ANY(?)`, `unnest(?)`), on SQLite, which
 * has no arrays, its JSON text (`json_each(?)`); `DialectCapabilities.oneOf` spells the difference.
 */
export type SqlParam = string | number | boolean | null | Buffer | readonly string[];
export type Row = Record<string, unknown>;

export interface SqlExecutor {
  all<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
  /** Runs a statement and returns the number of rows it changed. */
  run(sql: string, params?: readonly SqlParam[]): Promise<number>;
}

/** A migration's executor: statements, plus whole scripts of several statements without parameters. */
export interface ScriptExecutor extends SqlExecutor {
  exec(script: string): Promise<void>;
}

/** Dialect differences live here and only here (and in the migration runner's spellings). */
export interface DialectCapabilities {
  readonly name: 'sqlite' | 'postgres';
  /** Row locking clause for queue claims; empty where one process owns the database. */
  readonly skipLocked: string;
  /** Several processes may claim concurrently (Postgres), or only one process runs workers (SQLite). */
  readonly multiProcess: boolean;
  /**
   * The database runs inside this process, its work on this event loop (SQLite), rather than in a server of
   * its own that may share the machine (Postgres).
   */
  readonly inProcess: boolean;
  /**
   * INSERT and UPDATE inside WITH (Postgres): one statement, one round trip, for an event and its deliveries,
   * or a claim and what its attempts need. Where the database runs in the process (SQLite) a statement costs
   * no round trip, so separate ones do as well.
   */
  readonly writesInWith: boolean;
  /**
   * A statement that, inside a transaction, waits until no transaction is appending events and keeps new ones
   * out until commit, so `MAX(seq)` read after it has no lower `seq` still in flight. Postgres hands out
   * `seq` before commit, so a lower one can become visible after a higher one; SQLite commits one writer at a
   * time in `seq` order and needs nothing ('').
   */
  readonly settleAppends: string;
  /**
   * A condition: `column` is one of a list parameter (a `readonly string[]`). One statement text for any number
   * of ids, so it is prepared once. PostgreSQL: `column = ANY(?)`, which an index on `column` serves whatever
   * the table's statistics (a join from `unnest(?)` was planned, on a table without statistics, as a hash
   * join over all of it); SQLite: `column IN (SELECT value FROM json_each(?))`.
   */
  oneOf(column: string): string;
  /** A table named `alias` of one column, `id`, from one list parameter: `unnest(?)`, `json_each(?)`. */
  idsFrom(alias: string): string;
}

export interface TransactionOptions {
  durability?: 'full' | 'relaxed';
}

export interface SqlDriver extends SqlExecutor {
  readonly dialect: DialectCapabilities;
  /**
   * Serialises transactions that touch the same keys (e.g. one check's delivery line) until commit.
   * Postgres takes advisory locks in sorted order (no deadlocks); SQLite has one writer already.
   */
  lockKeys(tx: SqlExecutor, keys: readonly string[]): Promise<void>;
  /**
   * Runs `fn` in one transaction; commits when it resolves and rolls back when it throws. `relaxed` commits
   * without waiting for the disk: only for writes whose loss on a power cut is harmless (an attempt's
   * outcome: the delivery is sent again). Everything else is `full`: on disk before the call returns.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** One statement committed with relaxed durability (see `transaction`): queue leases. */
  allRelaxed<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /**
   * One statement committed with relaxed durability that, unlike `allRelaxed`, waits for nothing else to reach
   * the disk first: counters whose loss on a power cut is harmless (request limits), on every request's path.
   */
  allCounter<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /**
   * The delivery worker's reads (payloads, endpoints, secrets). PostgreSQL runs them on a few connections of
   * their own, so API and producer transactions can never queue ahead of deliveries; on SQLite, where every
   * statement runs in this process, it is the driver itself.
   */
  readonly workerReads: SqlExecutor;
  /**
   * Runs `fn` in one transaction that holds the migration lock: a second process starting at the same time
   * waits, then sees the work done. SQLite's write lock is that lock; Postgres takes an advisory lock.
   */
  migrationTransaction(fn: (tx: ScriptExecutor) => Promise<void>): Promise<void>;
  /**
   * Wakes listeners in this and (on Postgres) other processes; sent after commit when inside `tx`, once per
   * distinct payload, and never for a transaction that rolled back. The payload says what the news is about
   * ('' for anything; under 8000 bytes). A wake-up is a hint, never a promise: on Postgres it travels after
   * the commit on a connection that does not wait for the disk, so a crash or a lost connection can drop it,
   * and listeners must look for work on their own from time to time (the delivery worker does every second).
   */
  notify(channel: string, tx?: SqlExecutor, payload?: string): Promise<void>;
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * After personal data was deleted: leaves no readable copy in the database's own files where the engine
   * allows it. SQLite zeroes freed space as it goes (secure_delete) and here truncates the WAL, which still
   * holds the pages as they were; PostgreSQL keeps dead rows until VACUUM and its WAL until recycled, which is
   * why what they held is sealed with keys that are gone.
   */
  purgeDeleted(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
