// SQLite adapter of the SQL port: better-sqlite3 12, WAL, durable commits synced off the event loop; one process
// owns the queue.
import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { DialectCapabilities, Row, ScriptExecutor, SqlDriver, SqlExecutor, SqlParam, TransactionOptions } from '../sql-driver.ts';
import { startThread } from '../../runtime/start-thread.ts';
import { createPrivateFolder, PRIVATE_FILE } from '../../files/private-files.ts';

const dialect: DialectCapabilities = {
  name: 'sqlite',
  skipLocked: '',
  multiProcess: false,
  inProcess: true,
  writesInWith: false,
  settleAppends: '',
  oneOf: (column) => `${column} IN (SELECT value FROM json_each(?))`,
  idsFrom: (alias) => `(SELECT value AS id FROM json_each(?)) AS ${alias}`,
};

/** Notifications a transaction sends on commit: distinct payloads per channel. */
type Pending = Map<string, Set<string>>;

type Bindable = string | number | bigint | Buffer | null;
/** Booleans as 0 and 1; a list as its JSON text, which `json_each(?)` reads (SQLite has no arrays). */
const bind = (params: readonly SqlParam[]): Bindable[] =>
  params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : Array.isArray(p) ? JSON.stringify(p) : (p as Bindable)));

/**
 * Creates the database file, if new, with mode 0600 before SQLite opens it: SQLite gives its WAL and shared-memory
 * files the database file's mode, so they are private too (by itself it would create all three 0644).
 */
function createPrivateDatabaseFile(file: string): void {
  createPrivateFolder(path.dirname(file));
  closeSync(openSync(file, 'a', PRIVATE_FILE));
}

export class SqliteDriver implements SqlDriver {
  readonly dialect = dialect;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly bus = new EventEmitter();
  // better-sqlite3 is synchronous, but our transactions are async functions: a promise chain keeps
  // other callers from running statements inside someone else's open transaction.
  private lock: Promise<void> = Promise.resolve();
  private inTransaction = false;
  /**
   * Marks code running inside one of our transactions, which must use its `tx`, not the driver. Only under
   * tests: on Node 20 an AsyncLocalStorage puts a hook on every promise in the process, which costs the
   * delivery path about a fifth of its throughput.
   */
  private readonly insideTransaction = process.env.NODE_ENV === 'test' ? new AsyncLocalStorage<true>() : undefined;

  /**
   * Group commit. Commits write the WAL without waiting for the disk (synchronous = NORMAL); a durable one
   * then waits for an fdatasync of the WAL file, which runs on libuv's thread pool, so the event loop goes on
   * sending webhooks meanwhile, and which covers every commit before it. Undefined where there is no WAL
   * file (`:memory:`, or a file system without WAL support): there every commit syncs (FULL).
   */
  private readonly walPath: string | undefined;
  private wal: FileHandle | undefined;
  private durableCommits = 0;
  private syncedCommits = 0;
  private syncing: Promise<void> | undefined;
  private readonly checkpointer: Checkpointer | undefined;

  constructor(file: string) {
    if (file !== ':memory:') createPrivateDatabaseFile(file);
    this.db = new Database(file);
    const wal = this.db.pragma('journal_mode = WAL', { simple: true }) === 'wal';
    this.walPath = wal ? `${file}-wal` : undefined;
    this.db.pragma(wal ? 'synchronous = NORMAL' : 'synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // Deleted rows are overwritten with zeros, not left in free pages for a file scan to find.
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.bus.setMaxListeners(0);
    if (wal) this.checkpointer = new Checkpointer(file, this.db);
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private readonly direct: SqlExecutor = {
    all: async <T = Row>(sql: string, params: readonly SqlParam[] = []) =>
      this.prepare(sql).all(...bind(params)) as T[],
    get: async <T = Row>(sql: string, params: readonly SqlParam[] = []) =>
      this.prepare(sql).get(...bind(params)) as T | undefined,
    run: async (sql: string, params: readonly SqlParam[] = []) => this.prepare(sql).run(...bind(params)).changes,
  };

  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.insideTransaction?.getStore()) {
      // Waiting for our own transaction's lock would hang forever; fail loudly instead.
      throw new Error('A statement ran on the driver inside a transaction; use the transaction executor (tx).');
    }
    const previous = this.lock;
    let release!: () => void;
    this.lock = new Promise((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** Every statement runs in this process: the worker's reads wait for nothing a pool could spare them. */
  get workerReads(): SqlExecutor {
    return this;
  }

  /** A statement on its own commits by itself, durably when it writes. */
  private async autocommit<T>(sql: string, execute: () => Promise<T>): Promise<T> {
    const result = this.inTransaction ? await this.exclusive(execute) : await execute();
    if (this.prepare(sql).readonly) return result;
    this.checkpointer?.committed();
    await this.committedDurably();
    return result;
  }

  all<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.autocommit(sql, () => this.direct.all<T>(sql, params));
  }

  get<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.autocommit(sql, () => this.direct.get<T>(sql, params));
  }

  run(sql: string, params?: readonly SqlParam[]): Promise<number> {
    return this.autocommit(sql, () => this.direct.run(sql, params));
  }

  /** Resolves once the commit just made, and every one before it, is on disk. */
  private committedDurably(): Promise<void> {
    if (this.walPath === undefined) return Promise.resolve();
    this.durableCommits++;
    return this.synced();
  }

  /** Resolves once every durable commit made so far is on disk: one fdatasync serves all that came before it. */
  private async synced(): Promise<void> {
    const target = this.durableCommits;
    while (this.syncedCommits < target) {
      this.syncing ??= this.syncWal();
      await this.syncing;
    }
  }

  private async syncWal(): Promise<void> {
    const upTo = this.durableCommits;
    try {
      // The WAL exists once something was committed, and stays (reused, never replaced) while we are open.
      this.wal ??= await open(this.walPath!, 'r');
      await this.wal.datasync();
      this.syncedCommits = Math.max(this.syncedCommits, upTo);
    } finally {
      this.syncing = undefined;
    }
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const pending: Pending = new Map();
    const result = await this.exclusive(() => this.inTransactionOf(fn, pending));
    if (options.durability !== 'relaxed') await this.committedDurably();
    for (const [channel, payloads] of pending) for (const payload of payloads) this.bus.emit(channel, payload);
    return result;
  }

  private async inTransactionOf<T>(fn: (tx: SqlExecutor) => Promise<T>, pending: Pending): Promise<T> {
    const tx: SqlExecutor & { pending: Pending } = { ...this.direct, pending };
    this.inTransaction = true;
    this.prepare('BEGIN IMMEDIATE').run();
    try {
      const result = await (this.insideTransaction ? this.insideTransaction.run(true, () => fn(tx)) : fn(tx));
      this.prepare('COMMIT').run();
      this.checkpointer?.committed();
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.prepare('ROLLBACK').run();
      throw error;
    } finally {
      this.inTransaction = false;
    }
  }

  /**
   * Leases are taken only on rows already on disk: a webhook must never go out for an event that a power cut
   * could still take back. The wait happens under the lock, so no commit slips in before the statement.
   */
  allCounter<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.exclusive(() => this.inTransactionOf((tx) => tx.all<T>(sql, params), new Map()));
  }

  allRelaxed<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.exclusive(async () => {
      await this.synced();
      return this.inTransactionOf((tx) => tx.all<T>(sql, params), new Map());
    });
  }

  async purgeDeleted(): Promise<void> {
    // Copies the WAL into the database file and truncates it; a reader holding an old snapshot may keep some
    // frames a little longer, and the checkpointer takes care of them after it.
    if (this.walPath) await this.exclusive(async () => void this.db.pragma('wal_checkpoint(TRUNCATE)'));
  }

  async lockKeys(): Promise<void> {
    // BEGIN IMMEDIATE already made this transaction the only writer.
  }

  async migrationTransaction(fn: (tx: ScriptExecutor) => Promise<void>): Promise<void> {
    // BEGIN IMMEDIATE takes the write lock, so a second process starting at the same time waits here.
    await this.transaction(async (tx) => {
      await fn({ ...tx, exec: async (script) => void this.db.exec(script) });
      // Statements prepared before a schema change may describe tables that no longer look the same.
      this.statements.clear();
    });
  }

  async notify(channel: string, tx?: SqlExecutor, payload = ''): Promise<void> {
    const pending = (tx as { pending?: Pending } | undefined)?.pending;
    if (!pending) this.bus.emit(channel, payload);
    else if (pending.has(channel)) pending.get(channel)!.add(payload);
    else pending.set(channel, new Set([payload]));
  }

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    this.bus.on(channel, onNotify);
    return async () => {
      this.bus.off(channel, onNotify);
    };
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.exclusive(async () => {
      await this.syncing;
      await this.checkpointer?.stop();
      await this.wal?.close();
      this.db.close();
    });
  }
}

/**
 * Checkpoints on a thread of their own. SQLite's automatic checkpoint runs inside the `COMMIT` that crosses a
 * thousand WAL pages: it copies them into the database file and syncs both, and stalled the event loop for
 * 5–20 ms each time (about half of all commit time in a busy delivery run). Once the database is busy, the
 * main connection only appends to the WAL and this thread checkpoints behind it, at most every 25 ms.
 *
 * SQLite starts the WAL over at a write that finds every page in it checkpointed. A writer that never pauses
 * always leaves pages the last checkpoint could not see, so the WAL would grow for as long as the load lasts:
 * past `MAX_WAL_PAGES`, the main connection's automatic checkpoint copies what is left itself (little: the thread
 * has copied the rest). Should the thread die, the main connection goes back to the usual thousand pages.
 */
class Checkpointer {
  /** Commits before the thread starts: a database this quiet is served well by the automatic checkpoint. */
  static readonly BUSY_AFTER = 256;
  /** 16 MiB of 4 KiB pages. */
  static readonly MAX_WAL_PAGES = 4096;
  /** [commits so far, stop requested], shared with the thread. */
  private readonly state = new Int32Array(new SharedArrayBuffer(8));
  private commits = 0;
  private thread: { worker: Worker; exited: Promise<void> } | undefined;

  constructor(private readonly file: string, private readonly db: Database.Database) {}

  committed(): void {
    if (++this.commits === Checkpointer.BUSY_AFTER) this.start();
    Atomics.store(this.state, 0, this.commits);
    Atomics.notify(this.state, 0);
  }

  private start(): void {
    const worker = startThread(new URL('./checkpointer-thread.mjs', import.meta.url), { workerData: { file: this.file, state: this.state } });
    // Idle, it must not keep the process alive; a process that exits without closing loses nothing by it.
    worker.unref();
    this.db.pragma(`wal_autocheckpoint = ${Checkpointer.MAX_WAL_PAGES}`);
    const exited = new Promise<void>((resolve) => {
      worker.on('error', () => undefined);
      worker.on('exit', (code) => {
        if (code !== 0 && this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
        resolve();
      });
    });
    this.thread = { worker, exited };
  }

  async stop(): Promise<void> {
    Atomics.store(this.state, 1, 1);
    Atomics.notify(this.state, 0);
    Atomics.notify(this.state, 1);
    // Waiting for it to finish must keep the process alive.
    this.thread?.worker.ref();
    await this.thread?.exited;
  }
}
