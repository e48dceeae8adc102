// Buttons that do something lasting: a two-step confirm instead of a browser dialog, and copy-to-clipboard.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export function ConfirmAction(props: {
  label: string;
  confirmLabel: string;
  question: ComponentChildren;
  onConfirm: () => Promise<void> | void;
  danger?: boolean;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  const tone = props.danger ? 'button-danger' : 'button-secondary';
  if (!asking) {
    return (
      <button ref={opener} type="button" class={`button ${tone}`} disabled={props.disabled} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  const close = () => {
    setAsking(false);
    queueMicrotask(() => opener.current?.focus());
  };
  return (
    <div class="confirm" role="group" aria-label={props.label}>
      <p>{props.question}</p>
      <button
        type="button"
        class={`button ${props.danger ? 'button-danger' : 'button-primary'}`}
        disabled={busy}
        ref={confirm}
        onClick={async () => {
          setBusy(true);
          try {
            await props.onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {props.confirmLabel}
      </button>
      <button type="button" class="button button-secondary" onClick={close}>
        Cancel
      </button>
    </div>
  );
}

export function CopyButton(props: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2500);
  };
  return (
    <>
      <button type="button" class="button button-secondary button-small" onClick={copy}>
        {props.label ?? 'Copy'}
      </button>
      <span class="copy-state" role="status">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text and copy it' : ''}
      </span>
    </>
  );
}
