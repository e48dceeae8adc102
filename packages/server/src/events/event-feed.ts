// Wakes the event streams of this process when events are committed (in this process or, on PostgreSQL,
// another), and shares one reading of the settled horizon among the streams that woke together.
import type { Store } from '../store/store.ts';
import { EVENTS_CHANNEL } from '../store/events-repo.ts';

export type Wake = (accountId: string) => void;

export class EventFeed {
  private readonly wakes = new Set<Wake>();
  private unlisten: Promise<() => Promise<void>> | undefined;
  private running: Promise<number> | undefined;
  private next: Promise<number> | undefined;

  constructor(private readonly store: Store) {}

  /** Calls `wake` with the account's id after each commit that appended events ('' when it may be any). */
  async subscribe(wake: Wake): Promise<() => void> {
    this.wakes.add(wake);
    this.unlisten ??= this.store.driver.listen(EVENTS_CHANNEL, (accountId) => {
      for (const w of this.wakes) w(accountId);
    });
    await this.unlisten;
    return () => this.wakes.delete(wake);
  }

  /**
   * The settled horizon (EventsRepo.settledSeq), read after the call began: a caller that arrives while a
   * reading is running waits for the one after it, which starts late enough to cover the caller's news.
   */
  horizon(): Promise<number> {
    if (!this.running) return this.start();
    this.next ??= this.running.then(
      () => this.start(),
      () => this.start(),
    );
    return this.next;
  }

  private start(): Promise<number> {
    this.next = undefined;
    const reading = this.store.events.settledSeq();
    this.running = reading;
    const clear = () => {
      if (this.running === reading) this.running = undefined;
    };
    reading.then(clear, clear);
    return reading;
  }

  async close(): Promise<void> {
    this.wakes.clear();
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    if (unlisten) await (await unlisten)();
  }
}
