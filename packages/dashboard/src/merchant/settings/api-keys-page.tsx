// Settings › API keys: the account's keys by prefix, a new key shown exactly once, and revocation.
import { useState } from 'preact/hooks';
import type { CreatedKeyAnswer, ListKeysAnswer } from '@realid/server/http/schemas/api-types.ts';
import { del, get, post } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ConfirmAction, CopyButton } from '../../ui/actions.tsx';
import { Card } from '../../ui/card.tsx';
import { Alert, Badge, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { Table } from '../../ui/table.tsx';
import { PageTitle } from '../app-shell.tsx';


function CreateKey(props: { onCreated: () => Promise<void> }) {
  const [label, setLabel] = useState('');
  const [mode, setMode] = useState<'test' | 'live'>('test');
  const [error, setError] = useState<Error | undefined>(undefined);
  const [shown, setShown] = useState<{ key: string; label: string } | undefined>(undefined);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      const created = await post<CreatedKeyAnswer>('/api/v1/api-keys', { mode, label: label.trim() });
      setShown({ key: created.key, label: label.trim() });
      setLabel('');
      await props.onCreated();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <Card id="new-key" title="Create a key">
      {shown && (
        <Alert tone="warning" title={`Your new key “${shown.label}”`}>
          <p>Copy it now: it is shown once, and only its hash is stored.</p>
          <p class="link-row">
            <code class="secret" data-testid="new-api-key">
              {shown.key}
            </code>
            <CopyButton text={shown.key} />
          </p>
        </Alert>
      )}
      <ErrorMessage error={error} />
      <form class="inline-form" onSubmit={submit}>
        <TextField label="Label" required maxLength={100} value={label} onInput={(e) => setLabel(e.currentTarget.value)} hint="Where the key is used, e.g. “shop backend”." />
        <SelectField label="Key mode" value={mode} onChange={(e) => setMode(e.currentTarget.value as 'test' | 'live')} options={[['test', 'Test'], ['live', 'Live']]} />
        <button type="submit" class="button button-primary">
          Create key
        </button>
      </form>
    </Card>
  );
}

export function ApiKeysPage() {
  const keys = useAsync((signal) => get<ListKeysAnswer>('/api/v1/api-keys', { signal }), []);
  const [error, setError] = useState<Error | undefined>(undefined);
  const revoke = async (id: string) => {
    try {
      await del(`/api/v1/api-keys/${encodeURIComponent(id)}`);
      await keys.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  const list = [...(keys.data?.api_keys ?? [])].sort((a, b) => Number(a.revoked_at !== null) - Number(b.revoked_at !== null));
  return (
    <section>
      <PageTitle>API keys</PageTitle>
      <p>
        Call the API with <code>Authorization: Bearer sk_…</code>. Test keys create test checks; live keys create real ones.
      </p>
      <CreateKey onCreated={keys.reload} />
      <ErrorMessage error={error ?? keys.error} />
      {keys.loading && !keys.data ? (
        <Loading />
      ) : (
        <Table
          caption="Keys of this account"
          rows={list}
          rowKey={(k) => k.id}
          columns={[
            { label: 'Label', cell: (k) => k.label ?? '—' },
            { label: 'Key', cell: (k) => <code>{k.prefix}…</code> },
            { label: 'Mode', cell: (k) => (k.mode === 'test' ? <Badge tone="warning">Test</Badge> : <Badge tone="neutral">Live</Badge>) },
            { label: 'Created', cell: (k) => formatDateTime(k.created_at) },
            {
              label: 'Status',
              cell: (k) =>
                k.revoked_at ? (
                  <span class="muted">Revoked {formatDateTime(k.revoked_at)}</span>
                ) : (
                  <ConfirmAction
                    label={`Revoke ${k.label ?? k.prefix}`}
                    confirmLabel="Revoke now"
                    danger
                    question="Requests with this key will be refused at once. This cannot be undone."
                    onConfirm={() => revoke(k.id)}
                  />
                ),
            },
          ]}
        />
      )}
    </section>
  );
}
