// The customer's three privacy requests: a copy of their data, a manual review, deletion.
import { useState } from 'preact/hooks';
import { formatDateTime } from '../lib/format.ts';
import { Alert, ErrorMessage } from '../ui/feedback.tsx';
import { filePrivacyRequest, type CustomerCheck, type PrivacyKind } from './customer-api.ts';

const KINDS: { kind: PrivacyKind; label: string; sent: string }[] = [
  { kind: 'data_request', label: 'Send me a copy of my data', sent: 'You asked for a copy of your data' },
  { kind: 'manual_review', label: 'Ask a person to review my check', sent: 'You asked for a manual review' },
  { kind: 'data_deletion', label: 'Delete my data', sent: 'You asked for your data to be deleted' },
];

export function PrivacyPanel(props: { token: string; check: CustomerCheck; onFiled: () => Promise<void> }) {
  const [kind, setKind] = useState<PrivacyKind>('data_request');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<Error | undefined>(undefined);
  const [sent, setSent] = useState<string | undefined>(undefined);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setSent(undefined);
    try {
      await filePrivacyRequest(props.token, kind, message);
      setSent(`Your request was sent to ${props.check.merchant || 'the business'}. They will reply by email or phone.`);
      setMessage('');
      await props.onFiled();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section class="privacy" id="privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Your data and privacy</h2>
      {props.check.privacy_requests.length > 0 && (
        <ul class="privacy-sent">
          {props.check.privacy_requests.map((r) => (
            <li key={r.created_at + r.kind}>
              {KINDS.find((k) => k.kind === r.kind)?.sent ?? r.kind} on {formatDateTime(r.created_at)}.
            </li>
          ))}
        </ul>
      )}
      {sent && <Alert tone="success">{sent}</Alert>}
      <ErrorMessage error={error} />
      <form onSubmit={submit}>
        <fieldset>
          <legend>What would you like to ask?</legend>
          {KINDS.map((k) => (
            <label key={k.kind} class="radio">
              <input type="radio" name="privacy-kind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} />
              {k.label}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="privacy-message">Message (optional)</label>
          <textarea id="privacy-message" maxLength={2000} rows={3} value={message} onInput={(e) => setMessage(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button button-secondary button-block">
          Send request
        </button>
      </form>
    </section>
  );
}
