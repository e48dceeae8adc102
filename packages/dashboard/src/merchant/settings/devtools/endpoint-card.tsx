// One endpoint: its events and health, enable/disable, a test event, and recovering failed messages.
import { useState } from 'preact/hooks';
import type { RealIdEventType } from '@realid/webhooks';
import { ConfirmAction } from '../../../ui/actions.tsx';
import { Alert, ErrorMessage } from '../../../ui/feedback.tsx';
import { SelectField, TextField } from '../../../ui/fields.tsx';
import { EVENT_TYPES } from '../../labels.ts';
import { HealthAdvice, HealthBadge } from './endpoint-health.tsx';
import { deleteEndpoint, recoverFailed, sendTestEvent, updateEndpoint, type Endpoint } from './webhooks-api.ts';

const localInput = (ms: number): string => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

function RecoverForm(props: { endpoint: Endpoint; onDone: (text: string) => void; onError: (e: Error) => void }) {
  const [since, setSince] = useState(localInput(Date.now() - 24 * 3600_000));
  const [preview, setPreview] = useState<number | undefined>(undefined);
  const run = async (dryRun: boolean) => {
    try {
      const { count } = await recoverFailed(props.endpoint.id, new Date(since).toISOString(), dryRun);
      if (dryRun) setPreview(count);
      else {
        setPreview(undefined);
        props.onDone(count === 0 ? 'No failed messages to recover.' : `${count} failed ${count === 1 ? 'message was' : 'messages were'} queued again.`);
      }
    } catch (e) {
      props.onError(e as Error);
    }
  };
  return (
    <form class="inline-form" onSubmit={(e) => (e.preventDefault(), void run(false))}>
      <TextField label="Recover failed messages since" type="datetime-local" required value={since} onInput={(e) => (setSince(e.currentTarget.value), setPreview(undefined))} />
      <button type="button" class="button button-secondary" onClick={() => void run(true)}>
        Count them
      </button>
      <button type="submit" class="button button-primary">
        Recover{preview !== undefined ? ` ${preview}` : ''}
      </button>
      {preview !== undefined && <span role="status">{preview} failed {preview === 1 ? 'message' : 'messages'} since then.</span>}
    </form>
  );
}

export function EndpointCard(props: { endpoint: Endpoint; onChanged: () => Promise<void> }) {
  const e = props.endpoint;
  const [testType, setTestType] = useState(e.event_types[0] ?? 'check.completed');
  const [note, setNote] = useState<string | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const run = async (action: () => Promise<unknown>, done?: string) => {
    setError(undefined);
    setNote(undefined);
    try {
      await action();
      if (done) setNote(done);
      await props.onChanged();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <li class="card endpoint" aria-label={`Endpoint ${e.url}`}>
      <div class="endpoint-head">
        <span class="url">{e.url}</span>
        <HealthBadge endpoint={e} />
      </div>
      <p class="muted">Receives: {e.event_types.join(', ')}</p>
      <HealthAdvice endpoint={e} />
      {note && <Alert tone="success">{note}</Alert>}
      <ErrorMessage error={error} />
      <div class="button-row">
        <button type="button" class="button button-secondary" onClick={() => void run(() => updateEndpoint(e.id, { enabled: !e.enabled }), e.enabled ? 'Endpoint disabled.' : 'Endpoint enabled.')}>
          {e.enabled ? 'Disable' : 'Enable'}
        </button>
        <ConfirmAction label="Delete endpoint" confirmLabel="Delete" danger question="Stop sending every event to this URL and forget it?" onConfirm={() => run(() => deleteEndpoint(e.id))} />
      </div>
      <form class="inline-form" onSubmit={(ev) => (ev.preventDefault(), void run(() => sendTestEvent(e.id, testType), `Test ${testType} event queued; see the delivery log.`))}>
        <SelectField label="Test event type" value={testType} onChange={(ev) => setTestType(ev.currentTarget.value as RealIdEventType)} options={EVENT_TYPES.map((t) => [t, t] as const)} />
        <button type="submit" class="button button-secondary" disabled={!e.enabled}>
          Send test event
        </button>
      </form>
      <RecoverForm endpoint={e} onDone={(text) => void run(async () => undefined, text)} onError={setError} />
    </li>
  );
}
