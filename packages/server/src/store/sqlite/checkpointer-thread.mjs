// The SQLite checkpointer's thread: copies what the WAL holds back into the database file, and syncs both, on a
// connection of its own, so the main connection's commits never do it on the event loop. Plain JavaScript:
// it needs no TypeScript loader. `state` is shared with the driver: [commits so far, stop requested].
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const COMMITS = 0;
const STOP = 1;
/** At most one checkpoint per this many milliseconds: each syncs the WAL and the database file. */
const PACE_MS = 25;

const { file, state } = workerData;
const db = new Database(file);
db.pragma('synchronous = NORMAL');
let seen = 0;
while (Atomics.load(state, STOP) === 0) {
  // Woken by a commit; after a second without one, it looks again (and finds nothing to do).
  if (Atomics.wait(state, COMMITS, seen, 1_000) === 'timed-out') continue;
  if (Atomics.load(state, STOP) !== 0) break;
  seen = Atomics.load(state, COMMITS);
  // PASSIVE: copies what no reader still needs and never waits for, or blocks, the main connection.
  db.pragma('wal_checkpoint(PASSIVE)');
  Atomics.wait(state, STOP, 0, PACE_MS);
}
db.close();
