// The delivery log: every message with its status, filterable, newest first; open one for its attempts.
// While anything is pending the log refreshes itself.
import { useEffect, useState } from 'preact/hooks';
import { formatPrecise } from '../../../lib/format.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { Badge, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { SelectField } from '../../../ui/fields.tsx';
import { EVENT_TYPES } from '../../labels.ts';
import { MessageDetails } from './message-details.tsx';
import { listMessages, type Endpoint, type Message, type MessageFilters } from './webhooks-api.ts';

const STATUS_TONE = { pending: 'info', delivered: 'success', failed: 'danger' } as const;

function outcome(m: Message): string {
  if (m.last_status_code) return `HTTP ${m.last_status_code}`;
  return m.last_error ?? (m.status === 'pending' ? 'Waiting' : '—');
}

export function DeliveryLog(props: { endpoints: Endpoint[]; refreshKey: number }) {
  const [filters, setFilters] = useState<MessageFilters>({});
  const [open, setOpen] = useState<string | undefined>(undefined);
  const log = useAsync((signal) => listMessages(filters, undefined, signal), [JSON.stringify(filters), props.refreshKey]);
  const urlOf = new Map(props.endpoints.map((e) => [e.id, e.url]));
  const pending = log.data?.messages.some((m) => m.status === 'pending') ?? false;

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void log.reload(), 2000);
    return () => clearInterval(timer);
  }, [pending, log.reload]);

  const set = (key: keyof MessageFilters) => (e: { currentTarget: HTMLSelectElement }) => setFilters({ ...filters, [key]: e.currentTarget.value || undefined });
  return (
    <div>
      <div class="filters" role="group" aria-label="Filter the delivery log">
        <SelectField label="Status" value={filters.status ?? ''} onChange={set('status')} options={[['', 'Any status'], ['pending', 'Pending'], ['delivered', 'Delivered'], ['failed', 'Failed']]} />
        <SelectField label="Event" value={filters.event_type ?? ''} onChange={set('event_type')} options={[['', 'Any event'], ...EVENT_TYPES.map((t) => [t, t] as const)]} />
        <SelectField label="Endpoint" value={filters.endpoint_id ?? ''} onChange={set('endpoint_id')} options={[['', 'Any endpoint'], ...props.endpoints.map((e) => [e.id, e.url] as const)]} />
        <div class="filters-actions">
          <button type="button" class="button button-secondary" onClick={() => void log.reload()}>
            Refresh
          </button>
        </div>
      </div>
      <ErrorMessage error={log.error} />
      {!log.data ? (
        <Loading label="Loading deliveries…" />
      ) : log.data.messages.length === 0 ? (
        <p class="empty">No deliveries yet.</p>
      ) : (
        <ul class="messages">
          {log.data.messages.map((m) => (
            <li key={m.id} class="message" data-message-id={m.id} data-event={m.event_type} data-status={m.status}>
              <button type="button" class="message-summary" aria-expanded={open === m.id} onClick={() => setOpen(open === m.id ? undefined : m.id)}>
                <Badge tone={STATUS_TONE[m.status]}>{m.status}</Badge>
                <code>{m.event_type}</code>
                <span class="mono">{m.check_id}</span>
                <span class="url">{urlOf.get(m.endpoint_id) ?? 'deleted endpoint'}</span>
                <span>{outcome(m)}</span>
                <span class="muted">
                  {m.attempts} {m.attempts === 1 ? 'attempt' : 'attempts'}
                </span>
                <time dateTime={m.created_at}>{formatPrecise(m.created_at)}</time>
              </button>
              {open === m.id && <MessageDetails message={m} onResent={log.reload} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
