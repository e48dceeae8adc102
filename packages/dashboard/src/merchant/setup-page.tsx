// First run: create the first account and its owner, then show the account's API keys once.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, post, setCsrfToken } from '../lib/api.ts';
import { navigate } from '../lib/router.ts';
import { CopyButton } from '../ui/actions.tsx';
import { Alert, ErrorMessage } from '../ui/feedback.tsx';
import { TextField } from '../ui/fields.tsx';
import type { SessionInfo } from './session.ts';

type SetupAnswer = SessionInfo & { api_keys: { test: string; live: string } };

function KeysOnce(props: { answer: SetupAnswer; onContinue: () => void }) {
  return (
    <div class="card auth-card">
      <h1>Your account is ready</h1>
      <Alert tone="warning" title="Copy these keys now">
        <p>They are shown once; only their hashes are stored. You can create more under Settings › API keys.</p>
      </Alert>
      {(['test', 'live'] as const).map((mode) => (
        <div class="secret-row" key={mode}>
          <p class="label">{mode === 'test' ? 'Test key' : 'Live key'}</p>
          <code class="secret">{props.answer.api_keys[mode]}</code>
          <CopyButton text={props.answer.api_keys[mode]} />
        </div>
      ))}
      <button type="button" class="button button-primary button-block" onClick={props.onContinue}>
        Continue to the dashboard
      </button>
    </div>
  );
}

export function SetupPage(props: { onSignedIn: (session: SessionInfo) => void }) {
  const [form, setForm] = useState({ account_name: '', email: '', password: '' });
  const [error, setError] = useState<Error | undefined>(undefined);
  const [answer, setAnswer] = useState<SetupAnswer | undefined>(undefined);
  useEffect(() => {
    document.title = 'Set up · realid';
  }, []);
  const fieldError = (field: string) => (error instanceof ApiError ? error.fields.find((f) => f.field === field)?.message : undefined);
  const set = (key: keyof typeof form) => (e: { currentTarget: HTMLInputElement }) => setForm({ ...form, [key]: e.currentTarget.value });

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      const created = await post<SetupAnswer>('/auth/setup', form);
      setCsrfToken(created.csrf_token);
      setAnswer(created);
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <main id="main" class="auth-page">
      {answer ? (
        <KeysOnce
          answer={answer}
          onContinue={() => {
            props.onSignedIn(answer);
            navigate('/', { replace: true });
          }}
        />
      ) : (
        <form class="card auth-card" onSubmit={submit} aria-labelledby="setup-title">
          <p class="brand">realid</p>
          <h1 id="setup-title">Set up realid</h1>
          <p>Create the first merchant account and the user who owns it. This page closes once anyone can sign in.</p>
          {error && !(error instanceof ApiError && error.fields.length) && <ErrorMessage error={error} />}
          <TextField label="Business name" required value={form.account_name} onInput={set('account_name')} autoComplete="organization" />
          <TextField label="Your email" type="email" required value={form.email} onInput={set('email')} autoComplete="username" error={fieldError('email')} />
          <TextField
            label="Password"
            type="password"
            required
            minLength={10}
            value={form.password}
            onInput={set('password')}
            autoComplete="new-password"
            hint="At least 10 characters."
            error={fieldError('password')}
          />
          <button type="submit" class="button button-primary button-block">
            Create account
          </button>
        </form>
      )}
    </main>
  );
}
