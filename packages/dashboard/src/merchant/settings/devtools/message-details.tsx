// One message's attempts (status, latency, error, response excerpt), its payload, and resending it.
import { useState } from 'preact/hooks';
import { formatPrecise } from '../../../lib/format.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { Alert, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { listAttempts, resendMessage, type Message } from './webhooks-api.ts';

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
          <table class="table responsive attempts">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Status</th>
                <th scope="col">Latency</th>
                <th scope="col">Error</th>
                <th scope="col">Response</th>
              </tr>
            </thead>
            <tbody>
              {attempts.data.attempts.map((a) => (
                <tr key={a.attempt_no}>
                  <td data-label="#">{a.attempt_no}</td>
                  <td data-label="When">{formatPrecise(a.started_at)}</td>
                  <td data-label="Status">{a.status_code ?? '—'}</td>
                  <td data-label="Latency">{a.latency_ms} ms</td>
                  <td data-label="Error">{a.error_code ? `${a.error_code}${a.error_message ? `: ${a.error_message}` : ''}` : '—'}</td>
                  <td data-label="Response">{a.response_excerpt ? <pre class="excerpt">{a.response_excerpt}</pre> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
