// The account's signing secret: hidden until revealed, copyable, and rotated with an overlap during which
// deliveries carry signatures from both the old and the new secret.
import { useState } from 'preact/hooks';
import { formatDateTime } from '../../../lib/format.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { ConfirmAction, CopyButton } from '../../../ui/actions.tsx';
import { Alert, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { getSecrets, rotateSecret } from './webhooks-api.ts';

const masked = (secret: string): string => `${secret.slice(0, 6)}${'•'.repeat(24)}`;

export function SigningSecret() {
  const state = useAsync((signal) => getSecrets(signal), []);
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [rotated, setRotated] = useState(false);
  if (!state.data) return state.error ? <ErrorMessage error={state.error} /> : <Loading />;

  const { secrets, overlap_hours: overlap } = state.data;
  const current = secrets.find((s) => s.expires_at === null) ?? secrets.at(-1);
  const previous = secrets.filter((s) => s !== current);
  const rotate = async () => {
    setError(undefined);
    try {
      await rotateSecret();
      setRotated(true);
      setRevealed(true);
      await state.reload();
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <div>
      <p>
        Every delivery carries <code>X-Real-ID-Signature</code> (HMAC-SHA256 of the body) and Standard Webhooks signatures made
        with this secret. Verify them with <code>@realid/webhooks</code>.
      </p>
      <ErrorMessage error={error} />
      {rotated && <Alert tone="success">New secret created. Deploy it to your receiver; the previous one keeps signing for {overlap} hours.</Alert>}
      {current && (
        <div class="secret-row">
          <p class="label" id="current-secret">
            Current secret <span class="muted">(since {formatDateTime(current.created_at)})</span>
          </p>
          <code class="secret" aria-labelledby="current-secret" data-testid="signing-secret">
            {revealed ? current.secret : masked(current.secret)}
          </code>
          <button type="button" class="button button-secondary button-small" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
            {revealed ? 'Hide' : 'Reveal'}
          </button>
          <CopyButton text={current.secret} />
        </div>
      )}
      {previous.map((s) => (
        <div class="secret-row previous" key={s.created_at}>
          <p class="label">
            Previous secret, still signing until <strong>{formatDateTime(s.expires_at)}</strong>
          </p>
          <code class="secret">{revealed ? s.secret : masked(s.secret)}</code>
        </div>
      ))}
      <ConfirmAction
        label="Rotate secret"
        confirmLabel="Rotate now"
        question={`A new secret starts signing at once. The current one keeps signing too for ${overlap} hours, so you can deploy the new one without missing a delivery.`}
        onConfirm={rotate}
      />
    </div>
  );
}
