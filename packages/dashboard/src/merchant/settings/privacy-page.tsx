// Settings › Privacy: how long finished checks keep their personal data, and the access log for an auditor.
import { useState } from 'preact/hooks';
import type { AccountAnswer } from '@realid/server/http/schemas/api-types.ts';
import { download, get, patch } from '../../lib/api.ts';
import { useMode } from '../../lib/mode.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Card } from '../../ui/card.tsx';
import { Alert, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { PageTitle } from '../app-shell.tsx';


function Retention(props: { days: number; onSaved: () => Promise<void> }) {
  const [days, setDays] = useState(String(props.days));
  const [error, setError] = useState<Error | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await patch('/api/v1/account', { retention_days: Number(days) });
      setSaved(true);
      await props.onSaved();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <form onSubmit={submit} class="form-grid">
      <TextField
        label="Keep personal data for (days after a check finishes)"
        inputMode="numeric"
        value={days}
        onInput={(e) => setDays(e.currentTarget.value)}
        hint="Then the customer's details, what was read from their ID, the photos and the signature are deleted for good. 1 to 3650 days."
      />
      <ErrorMessage error={error} />
      {saved && <Alert tone="success">Saved. Checks past the new period are deleted within ten minutes.</Alert>}
      <div class="form-actions">
        <button type="submit" class="button button-primary">
          Save
        </button>
      </div>
    </form>
  );
}

function AccessLogExport() {
  const mode = useMode();
  const [error, setError] = useState<Error | undefined>(undefined);
  const save = async () => {
    setError(undefined);
    try {
      const url = URL.createObjectURL(await download('/api/v1/access-log?format=csv'));
      const link = Object.assign(document.createElement('a'), { href: url, download: `realid-access-log-${mode}.csv` });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <>
      <p>
        Every time an API key or a user created, listed, opened, decided or deleted a check, with who (by id) and when. It holds no
        personal data; each check's page shows its own entries.
      </p>
      <ErrorMessage error={error} />
      <button type="button" class="button button-secondary" onClick={() => void save()}>
        Download the {mode} access log (CSV)
      </button>
    </>
  );
}

export function PrivacyPage() {
  const account = useAsync((signal) => get<AccountAnswer>('/api/v1/account', { signal }), []);
  return (
    <section>
      <PageTitle>Privacy</PageTitle>
      <Card id="retention" title="Data retention">
        {account.data ? <Retention days={account.data.account.retention_days} onSaved={account.reload} /> : account.error ? <ErrorMessage error={account.error} /> : <Loading />}
      </Card>
      <Card id="access-log" title="Access log">
        <AccessLogExport />
      </Card>
    </section>
  );
}
