// One message's attempts (status, latency, error, response excerpt), its payload, and resending it.
import { useState } from 'preact/hooks';
import { formatPrecise } from '../../../lib/format.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { Alert, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { Table, type Column } from '../../../ui/table.tsx';
import { listAttempts, resendMessage, type Attempt, type Message } from './webhooks-api.ts';

const ATTEMPT_COLUMNS: Column<Attempt>[] = [
  { label: '#', cell: (a) => a.attempt_no },
  { label: 'When', cell: (a) => formatPrecise(a.started_at) },
  { label: 'Status', cell: (a) => a.status_code ?? '—' },
  { label: 'Latency', cell: (a) => `${a.latency_ms} ms` },
  { label: 'Error', cell: (a) => (a.error_code ? `${a.error_code}${a.error_message ? `: ${a.error_message}` : ''}` : '—') },
  { label: 'Response', cell: (a) => (a.response_excerpt ? <pre class="excerpt">{a.response_excerpt}</pre> : '—') },
];

export function MessageDetails(props: { message: Message; onResent: () => Promise<void> }) {
  const attempts = useAsync(() => listAttempts(props.message.id), [props.message.id, props.message.attempts]);
  const [note, setNote] = useState<string | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const resend = async () => {
    setError(undefined);
    try {
      await resendMessage(props.message.id);
      setNote('Queued again: the new delivery appears at the top of the log.');
      await props.onResent();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div class="message-details">
      <h4>Attempts</h4>
      {attempts.data ? (
        attempts.data.attempts.length === 0 ? (
          <p class="muted">No attempt yet.</p>
        ) : (
          <Table class="attempts" rows={attempts.data.attempts} rowKey={(a) => a.attempt_no} columns={ATTEMPT_COLUMNS} />
        )
      ) : attempts.error ? (
        <ErrorMessage error={attempts.error} />
      ) : (
        <Loading label="Loading attempts…" />
      )}
      <h4>Payload</h4>
      <pre class="payload">{JSON.stringify(props.message.payload, null, 2)}</pre>
      {note && <Alert tone="success">{note}</Alert>}
      <ErrorMessage error={error} />
      <button type="button" class="button button-secondary" onClick={() => void resend()}>
        Resend
      </button>
    </div>
  );
}
