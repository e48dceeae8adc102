// Creating a check from the dashboard: who to verify, what to ask for, test or live; shows the link once.
import { useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.ts';
import { Link } from '../../lib/router.ts';
import { CopyButton } from '../../ui/actions.tsx';
import { Card } from '../../ui/card.tsx';
import { Alert, ErrorMessage } from '../../ui/feedback.tsx';
import { useMode } from '../../lib/mode.ts';
import { CheckboxField, SelectField, TextField } from '../../ui/fields.tsx';
import { createCheck, type CheckSummary } from './check-api.ts';

const EMPTY = { email: '', phone: '', first_name: '', last_name: '', order: '' };

export function NewCheckForm(props: { onCreated: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const mode = useMode();
  const [idCheckType, setIdCheckType] = useState<'idv' | 'id'>('idv');
  const [includeBack, setIncludeBack] = useState(false);
  const [turnedSelfie, setTurnedSelfie] = useState(false);
  const [signature, setSignature] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [created, setCreated] = useState<(CheckSummary & { link: string }) | undefined>(undefined);
  const set = (key: keyof typeof EMPTY) => (e: { currentTarget: HTMLInputElement }) => setForm({ ...form, [key]: e.currentTarget.value });
  const fieldError = (field: string) => (error instanceof ApiError ? error.fields.find((f) => f.field === field)?.message : undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    const customer = Object.fromEntries(
      (['email', 'phone', 'first_name', 'last_name'] as const).filter((k) => form[k].trim()).map((k) => [k, form[k].trim()]),
    );
    const rules = {
      id_check_type: idCheckType,
      include_back_of_id: includeBack,
      selfie_liveness: turnedSelfie ? ('turn' as const) : ('straight' as const),
      signature_required: signature,
    };
    try {
      const { check } = await createCheck(
        { customer, ...(form.order.trim() ? { order: { name: form.order.trim() } } : {}), rules },
      );
      setCreated(check);
      setForm(EMPTY);
      props.onCreated();
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <Card id="new-check-title" title="New ID check">
      {created && (
        <Alert tone="success" title={`Check ${created.id} created`}>
          <p>The customer was emailed this link (when an email was given). You can also send it yourself:</p>
          <p class="link-row">
            <code class="customer-link">{created.link}</code>
            <CopyButton text={created.link} label="Copy link" />
          </p>
          <p>
            <Link href={`/checks/${created.id}`}>Open check {created.id}</Link>
          </p>
        </Alert>
      )}
      <form onSubmit={submit} class="form-grid">
        {error && !(error instanceof ApiError && error.fields.length) && <ErrorMessage error={error} />}
        <TextField label="Customer email" type="email" value={form.email} onInput={set('email')} error={fieldError('customer.email')} hint="Email or phone is required." />
        <TextField label="Customer phone" type="tel" value={form.phone} onInput={set('phone')} error={fieldError('customer.phone')} />
        <TextField label="First name" value={form.first_name} onInput={set('first_name')} />
        <TextField label="Last name" value={form.last_name} onInput={set('last_name')} />
        <TextField label="Order reference" value={form.order} onInput={set('order')} />
        <SelectField
          label="Ask for"
          value={idCheckType}
          onChange={(e) => setIdCheckType(e.currentTarget.value as 'idv' | 'id')}
          options={[['idv', 'ID and selfie'], ['id', 'ID only']]}
        />
        <CheckboxField label="Also ask for the back of the ID" checked={includeBack} onChange={setIncludeBack} />
        {idCheckType === 'idv' && (
          <CheckboxField
            label="Also ask for a selfie with the head turned"
            checked={turnedSelfie}
            onChange={setTurnedSelfie}
            hint="A side chosen at random: a photo taken in advance is less likely to fit."
          />
        )}
        <CheckboxField label="Ask for a drawn signature" checked={signature} onChange={setSignature} />
        <p class="hint">
          {mode === 'test'
            ? 'A test check: judged by the simulator, marked testing: true in webhooks. Switch to live mode in the top bar for a real one.'
            : 'A live check: a real customer’s ID, judged by the live analyzer.'}
        </p>
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            Create check
          </button>
        </div>
      </form>
    </Card>
  );
}
