// What a merchant can do to a check: approve or reject it by hand (the verdict's webhook is sent again),
// and delete its personal data and photos for good.
import { useState } from 'preact/hooks';
import { ConfirmAction } from '../../ui/actions.tsx';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { approveCheck, deleteCheckData, rejectCheck, type CheckDetail } from './check-api.ts';

export function CheckActions(props: { check: CheckDetail; onChanged: () => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const { check } = props;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      setReason('');
      await props.onChanged();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  if (check.deleted) return <p class="muted">The personal data of this check was deleted; nothing more can be done with it.</p>;
  // A verdict can be overturned, not repeated: a completed check can be rejected, a failed one approved.
  const canApprove = check.step !== 'completed';
  const canReject = check.step !== 'failed';
  return (
    <div class="actions">
      <ErrorMessage error={error} />
      <div class="decision-form">
        <TextField
          label="Reason for your decision"
          value={reason}
          maxLength={500}
          onInput={(e) => setReason(e.currentTarget.value)}
          hint="Required to reject; kept with the check. Your decision is sent as check.completed or check.failed."
        />
        <div class="button-row">
          {canApprove && (
            <button type="button" class="button button-primary" disabled={busy} onClick={() => void run(() => approveCheck(check.id, reason.trim() || undefined))}>
              Approve
            </button>
          )}
          {canReject && (
            <button
              type="button"
              class="button button-danger"
              disabled={busy}
              onClick={() => (reason.trim() ? void run(() => rejectCheck(check.id, reason.trim())) : setError(new Error('Give a reason to reject the check.')))}
            >
              Reject
            </button>
          )}
        </div>
      </div>
      <ConfirmAction
        label="Delete personal data"
        confirmLabel="Delete for good"
        danger
        question="This permanently deletes the customer’s details, extracted data and photos of this check. The check’s id and verdict remain."
        onConfirm={() => run(() => deleteCheckData(check.id))}
      />
    </div>
  );
}
