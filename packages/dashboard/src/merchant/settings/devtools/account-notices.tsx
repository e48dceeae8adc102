// What the service told this account about its webhooks: endpoints failing or disabled, and
// messages that ran out of retries.
import { formatDateTime, humanize } from '../../../lib/format.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { Badge, ErrorMessage } from '../../../ui/feedback.tsx';
import { listNotices } from './webhooks-api.ts';

const TONE: Record<string, 'warning' | 'danger'> = {
  endpoint_failing: 'warning',
  endpoint_disabled: 'danger',
  message_exhausted: 'danger',
};

export function AccountNotices(props: { refreshKey: number }) {
  const notices = useAsync((signal) => listNotices(signal), [props.refreshKey]);
  if (notices.error) return <ErrorMessage error={notices.error} />;
  const entries = notices.data?.entries ?? [];
  if (entries.length === 0) return <p class="muted">No notices. You will see here (and by email, when set) when an endpoint fails or is disabled.</p>;
  return (
    <ul class="notices">
      {entries.slice(0, 20).map((n) => (
        <li key={n.id}>
          <Badge tone={TONE[n.kind] ?? 'warning'}>{humanize(n.kind)}</Badge> {n.message} <time dateTime={n.created_at}>{formatDateTime(n.created_at)}</time>
        </li>
      ))}
    </ul>
  );
}
