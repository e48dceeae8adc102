// Writes attempt outcomes in batches (group commit: one transaction, one fsync, for many attempts), together
// with what they mean for the endpoint: failing since when, disabled after days of failure or a 410.
import type { Services } from '../../core/services.ts';
import type { Endpoint } from '../../store/endpoints-repo.ts';
import type { Outcome } from '../../store/deliveries-repo.ts';
import type { SqlExecutor } from '../../store/sql-driver.ts';
import { emailNotices, logNotice, type Notice } from './account-notices.ts';

export interface OutcomeWithContext {
  outcome: Outcome;
  endpoint: Endpoint;
  /** The receiver answered 410 Gone. */
  gone: boolean;
}

const DAY = 24 * 3600_000;

async function applyHealth(s: Services, tx: SqlExecutor, item: OutcomeWithContext, notices: Notice[]): Promise<void> {
  const { outcome, endpoint } = item;
  const at = outcome.attempt.startedAt + outcome.attempt.latencyMs;
  const base = { accountId: endpoint.accountId, at, data: { endpoint_id: endpoint.id, mode: endpoint.mode, url: endpoint.url } };
  if (outcome.result === 'delivered') {
    // The snapshot may be a little old; a stale "failing" only costs one no-op update.
    if (endpoint.failingSince !== null) await s.store.endpoints.markHealthy(tx, endpoint.id);
    return;
  }
  if (item.gone) {
    if (await s.store.endpoints.disable(tx, endpoint.id, 'gone', at)) {
      notices.push({ ...base, kind: 'endpoint_disabled', message: `The endpoint ${endpoint.url} answered 410 Gone, so it was disabled. Re-enable it to resume deliveries.` });
    }
    return;
  }
  if (await s.store.endpoints.markFailing(tx, endpoint.id, at)) {
    notices.push({ ...base, kind: 'endpoint_failing', message: `Deliveries to ${endpoint.url} started failing (${outcome.attempt.errorCode ?? 'error'}). They will be retried.` });
  } else if (endpoint.failingSince !== null && at - endpoint.failingSince >= s.config.webhooks.disableAfterDays * DAY) {
    if (await s.store.endpoints.disable(tx, endpoint.id, 'failing', at)) {
      notices.push({ ...base, kind: 'endpoint_disabled', message: `Deliveries to ${endpoint.url} have failed for ${s.config.webhooks.disableAfterDays} days, so it was disabled. Fix it and re-enable it; pending messages resume.` });
    }
  }
  if (outcome.result === 'failed') {
    notices.push({
      ...base,
      kind: 'message_exhausted',
      message: `The ${outcome.delivery.eventType} event for check ${outcome.delivery.checkId} could not be delivered to ${endpoint.url} after ${outcome.delivery.attempts + 1} attempts.`,
      data: { ...base.data, message_id: outcome.delivery.id, event_id: outcome.delivery.eventId },
    });
  }
}

interface Entry {
  item: OutcomeWithContext;
  done: (error?: unknown) => void;
}

/** Collects outcomes while a write is under way and writes them all in the next transaction. */
export class OutcomeWriter {
  private queue: Entry[] = [];
  private writing: Promise<void> | undefined;

  constructor(private readonly s: Services) {}

  record(item: OutcomeWithContext): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, done: (error) => (error ? reject(error) : resolve()) });
      this.writing ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    // Let the answers that arrived in this turn of the event loop join the first transaction too.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length) {
      const batch = this.queue;
      this.queue = [];
      const error = await this.write(batch);
      if (error === undefined) for (const entry of batch) entry.done();
      else await this.writeEach(batch, error);
    }
    this.writing = undefined;
  }

  /**
   * After a batch failed: one outcome the database refuses must not cost the others theirs (their deliveries
   * would go out again, and one merchant's receiver would stall everyone sharing the worker). Each is written on
   * its own; one that still fails is given up on here, and its lease expiring sends that delivery again.
   */
  private async writeEach(batch: Entry[], batchError: unknown): Promise<void> {
    const failed: { entry: Entry; error: unknown }[] = [];
    if (batch.length === 1) failed.push({ entry: batch[0]!, error: batchError });
    else {
      for (const entry of batch) {
        const error = await this.write([entry]);
        if (error === undefined) entry.done();
        else failed.push({ entry, error });
      }
    }
    if (failed.length === 0) return;
    // An endpoint deleted while its delivery was in flight takes the delivery with it: that attempt has nothing
    // left to be recorded on, which is no failure.
    const exist = await this.s.store.deliveries.existing(failed.map(({ entry }) => entry.item.outcome.delivery.id)).catch(() => undefined);
    for (const { entry, error } of failed) {
      if (exist && !exist.has(entry.item.outcome.delivery.id)) entry.done();
      else entry.done(error);
    }
  }

  /** Writes a batch in one transaction; resolves with the error if that failed. */
  private async write(batch: { item: OutcomeWithContext }[]): Promise<unknown> {
    if (batch.length === 0) return undefined;
    const notices: Notice[] = [];
    try {
      await this.s.store.driver.transaction(async (tx) => {
        notices.length = 0;
        await this.s.store.deliveries.recordOutcomes(tx, batch.map(({ item }) => item.outcome));
        for (const { item } of batch) await applyHealth(this.s, tx, item, notices);
        for (const notice of notices) await logNotice(this.s, tx, notice);
        // Losing an outcome to a power cut only means sending that delivery again (at least once).
      }, { durability: 'relaxed' });
    } catch (error) {
      return error ?? new Error('the outcomes could not be written');
    }
    // Only now can other connections see the endpoint disabled: forgetting it earlier could cache it enabled.
    if (notices.some((n) => n.kind === 'endpoint_disabled')) this.s.store.events.recipientsChanged();
    if (notices.length) void emailNotices(this.s, notices);
    return undefined;
  }

  /** Resolves when everything recorded so far is written. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }
}
