// What the pool answers for one task. A timeout or a crash is an outcome, never a pass: the analyzer maps
// both to manual review.

export type TaskFailure =
  /** The task's code threw (an undecodable image, say). */
  | 'task_error'
  /** The worker thread died while running it (out of memory, a native crash); the thread was replaced. */
  | 'worker_crashed'
  /** No worker thread could start (a model failed to load). */
  | 'worker_start_failed'
  /** The pool was closed before the task ran. */
  | 'pool_closed';

export type TaskOutcome<O> =
  | { status: 'done'; value: O; /** Time in the worker, milliseconds. */ ms: number }
  | { status: 'timeout'; ms: number }
  | { status: 'failed'; failure: TaskFailure; message: string };

/** A message from a worker thread: ready, or one task's answer. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; value: unknown; ms: number }
  | { type: 'error'; id: number; message: string; ms: number };

/** A message to a worker thread: one task. */
export interface TaskMessage {
  id: number;
  kind: string;
  input: unknown;
}
