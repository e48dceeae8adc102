// For each of the eight events, the URL that receives it: add, change, remove, and the URL's health.
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../../ui/feedback.tsx';
import { TextField } from '../../../ui/fields.tsx';
import { EVENT_DESCRIPTIONS, EVENT_TYPES } from '../../labels.ts';
import { HealthBadge } from './endpoint-health.tsx';
import { addUrlForEvent, changeUrlForEvent, removeUrlForEvent } from './event-url-changes.ts';
import type { Endpoint, Mode } from './webhooks-api.ts';
import type { RealIdEventType } from '@realid/webhooks';

type Editing = { eventType: RealIdEventType; endpoint?: Endpoint } | undefined;

function UrlForm(props: { eventType: RealIdEventType; initial: string; onSave: (url: string) => Promise<void>; onCancel: () => void }) {
  const [url, setUrl] = useState(props.initial);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          await props.onSave(url);
        } finally {
          setBusy(false);
        }
      }}
    >
      <TextField
        label={`URL for ${props.eventType}`}
        type="url"
        required
        placeholder="https://shop.example.com/webhooks/realid"
        value={url}
        onInput={(e) => setUrl(e.currentTarget.value)}
        autoFocus
      />
      <button type="submit" class="button button-primary" disabled={busy}>
        Save URL
      </button>
      <button type="button" class="button button-secondary" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}

export function EventUrls(props: { endpoints: Endpoint[]; mode: Mode; onChanged: () => Promise<void> }) {
  const [editing, setEditing] = useState<Editing>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const inMode = props.endpoints.filter((e) => e.mode === props.mode);

  const run = async (change: () => Promise<void>) => {
    setError(undefined);
    try {
      await change();
      setEditing(undefined);
    } catch (e) {
      setError(e as Error);
    }
    await props.onChanged();
  };

  return (
    <div>
      <ErrorMessage error={error} />
      <ul class="event-urls">
        {EVENT_TYPES.map((type) => {
          const receivers = inMode.filter((e) => e.event_types.includes(type));
          const isEditing = editing?.eventType === type;
          return (
            <li key={type} class="event-url" data-event={type}>
              <div class="event-url-head">
                <code class="event-name">{type}</code>
                <span class="muted">{EVENT_DESCRIPTIONS[type]}</span>
              </div>
              {receivers.length === 0 && !isEditing && <p class="muted">Not sent anywhere.</p>}
              {receivers.map((endpoint) =>
                isEditing && editing.endpoint?.id === endpoint.id ? (
                  <UrlForm key={endpoint.id} eventType={type} initial={endpoint.url} onCancel={() => setEditing(undefined)} onSave={(url) => run(() => changeUrlForEvent(props.endpoints, endpoint, type, url))} />
                ) : (
                  <div key={endpoint.id} class="receiver">
                    <span class="url">{endpoint.url}</span>
                    <HealthBadge endpoint={endpoint} />
                    <button type="button" class="button button-secondary button-small" aria-label={`Change the URL for ${type}`} onClick={() => setEditing({ eventType: type, endpoint })}>
                      Change
                    </button>
                    <button type="button" class="button button-secondary button-small" aria-label={`Stop sending ${type} to ${endpoint.url}`} onClick={() => void run(() => removeUrlForEvent(endpoint, type))}>
                      Remove
                    </button>
                  </div>
                ),
              )}
              {isEditing && !editing.endpoint && (
                <UrlForm eventType={type} initial="" onCancel={() => setEditing(undefined)} onSave={(url) => run(() => addUrlForEvent(props.endpoints, props.mode, type, url))} />
              )}
              {!isEditing && (
                <button type="button" class="button button-secondary button-small" aria-label={`Add a URL for ${type}`} onClick={() => setEditing({ eventType: type })}>
                  {receivers.length ? 'Add another URL' : 'Add URL'}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
