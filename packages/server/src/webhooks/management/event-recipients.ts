// Who receives an account's events: its enabled endpoints of the event's mode that subscribed to the event's
// type, on the Enterprise plan only. The one place this rule lives, with the cache that spares reading it
// for every event, and what clears that cache.
import type { EventType } from '../../events/event-types.ts';
import type { Plan } from '../../store/accounts-repo.ts';
import { recipientCandidates, type RecipientCandidate } from '../../store/endpoints-repo.ts';
import type { Recipient, RecipientsPort } from '../../store/events-repo.ts';
import type { SqlExecutor } from '../../store/sql-driver.ts';
import { fromJson } from '../../store/json-column.ts';

/** Webhooks are an Enterprise feature: other plans neither manage endpoints nor receive events. */
export function hasWebhooks(account: { plan: Plan }): boolean {
  return account.plan === 'enterprise';
}

/** How long a list of recipients is reused for the events that follow (see `forget`). */
const RECIPIENTS_TTL_MS = 1_000;

interface Cached {
  /** performance.now() past which the list is read again. */
  until: number;
  recipients: readonly Recipient[];
}

export class EventRecipients implements RecipientsPort {
  /** Per account and mode: the endpoints that receive its events, read once for the events of the next second. */
  private readonly cached = new Map<string, Cached>();
  /** Each endpoint's event types, parsed once per distinct list (there are only so many) instead of per event. */
  private readonly typeSets = new Map<string, ReadonlySet<string>>();

  /**
   * The store calls this after every write that can change who receives events (endpoints, account plans), so
   * in this process a change applies to the very next event; other processes (PostgreSQL) pick it up within a second.
   */
  forget(): void {
    this.cached.clear();
  }

  async of(tx: SqlExecutor, accountId: string, mode: 'live' | 'test'): Promise<readonly Recipient[]> {
    const key = `${accountId}\n${mode}`;
    const now = performance.now();
    const cached = this.cached.get(key);
    if (cached && cached.until > now) return cached.recipients;
    const recipients = (await recipientCandidates(tx, accountId, mode)).filter(receivesAny).map((c) => this.recipient(c));
    if (this.cached.size >= 10_000) this.cached.clear();
    this.cached.set(key, { until: now + RECIPIENTS_TTL_MS, recipients });
    return recipients;
  }

  private recipient(c: RecipientCandidate): Recipient {
    const types = this.typesOf(c.eventTypes);
    return { id: c.id, receives: (type: EventType) => types.has(type) };
  }

  private typesOf(eventTypes: string): ReadonlySet<string> {
    let set = this.typeSets.get(eventTypes);
    if (set === undefined) {
      set = new Set(fromJson<string[]>(eventTypes, []));
      if (this.typeSets.size >= 1_000) this.typeSets.clear();
      this.typeSets.set(eventTypes, set);
    }
    return set;
  }
}

const receivesAny = (c: RecipientCandidate): boolean => c.enabled && hasWebhooks(c);
