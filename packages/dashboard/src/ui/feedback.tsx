// Messages, badges and loading states, announced to screen readers where they change.
import type { ComponentChildren } from 'preact';
import { ApiError } from '../lib/api.ts';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export function Alert(props: { tone: Tone; title?: string; children?: ComponentChildren }) {
  // Errors interrupt (role=alert); everything else waits its turn (role=status).
  return (
    <div class={`alert alert-${props.tone}`} role={props.tone === 'danger' ? 'alert' : 'status'}>
      {props.title && <p class="alert-title">{props.title}</p>}
      {props.children}
    </div>
  );
}

export function Badge(props: { tone: Tone; children: ComponentChildren; title?: string }) {
  return (
    <span class={`badge badge-${props.tone}`} {...(props.title ? { title: props.title } : {})}>
      {props.children}
    </span>
  );
}

export function Loading(props: { label?: string }) {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? 'Loading…'}
    </p>
  );
}

export function ErrorMessage(props: { error: Error | undefined; retry?: () => void }) {
  if (!props.error) return null;
  const fields = props.error instanceof ApiError ? props.error.fields : [];
  return (
    <Alert tone="danger">
      <p>{props.error.message}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.field}>
              {f.field}: {f.message}
            </li>
          ))}
        </ul>
      )}
      {props.retry && (
        <button type="button" class="button button-small" onClick={props.retry}>
          Try again
        </button>
      )}
    </Alert>
  );
}
