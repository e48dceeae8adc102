// Before any photo: who is asking, what will be asked, what happens to the photos, and the customer's choice.
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../ui/feedback.tsx';
import type { CustomerCheck } from './customer-api.ts';
import { PHOTO_TEXT, allSteps } from './photo-steps.ts';

export function ConsentStep(props: { check: CustomerCheck; onStart: () => Promise<void> }) {
  const [error, setError] = useState<Error | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onStart();
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="consent-title">
      <h1 id="consent-title" tabIndex={-1}>
        Verify your identity
      </h1>
      <p>
        <strong>{props.check.merchant || 'The business'}</strong> asks you to confirm your identity. It takes about two minutes.
      </p>
      {props.check.intro_content && <p class="intro-content">{props.check.intro_content}</p>}
      <h2>You will be asked for</h2>
      <ul class="ask-list">
        {allSteps(props.check).map((kind) => (
          <li key={kind}>{PHOTO_TEXT[kind].title}</li>
        ))}
      </ul>
      <h2>What happens to your photos</h2>
      <p>
        Your photos are sent over an encrypted connection, stored encrypted, and used only to check that the ID is valid and
        belongs to you. {props.check.merchant || 'The business'} sees the result and the details read from your ID. You can ask for
        a copy of your data or for its deletion at any time from this page.
      </p>
      <ErrorMessage error={error} />
      <button type="button" class="button button-primary button-block" disabled={busy} onClick={() => void start()}>
        I agree, start
      </button>
    </section>
  );
}
