// What every pipeline of the peers bench implements (realid, each peer, the bare loop), and what they share:
// the events, the clock, and the settings every queue is given alike.
import type { EventType } from '../../packages/server/src/events/event-types.ts';

/** One event to commit: the check it belongs to and its type (the payload is realid's, built by each pipeline). */
export interface EventSpec {
  checkId: string;
  type: EventType;
}

export interface PipelineEnv {
  receiverUrl: string;
  pgUrl: string;
  redisUrl: string;
  /** Names this run's PostgreSQL schema or Redis key prefix, dropped when the pipeline closes. */
  tag: string;
  /** Attempts in flight at once (realid: its 64 per endpoint; the peers: their concurrency). */
  concurrency: number;
  /** Delay between attempts while the receiver fails, wherever the queue lets us choose it. */
  retryDelayMs: number;
  /** Attempts before an event is given up. */
  maxAttempts: number;
}

export interface Pipeline {
  /** The secret its deliveries are signed with (the receiver verifies a sample). */
  readonly secret: string;
  /**
   * Commits the events durably in one transaction, as an outbox does (BullMQ: one atomic call), and
   * resolves with their webhook-ids, in order, once committed.
   */
  commit(events: readonly EventSpec[]): Promise<string[]>;
  /** A burst of its own instead of commits of `perCommit` (the bare loop has nothing to commit). */
  burst?(events: readonly EventSpec[]): Promise<void>;
  close(): Promise<void>;
}

export type PipelineFactory = (env: PipelineEnv) => Promise<Pipeline>;

/** The system-wide monotonic clock (CLOCK_MONOTONIC), in ms: comparable between the bench's processes. */
export const monoMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** The steps of one check, in the order its events must reach the receiver. */
export const CHECK_STEPS: readonly EventType[] = ['check.delivered', 'check.opened', 'check.submitted-photo', 'check.completed'];
