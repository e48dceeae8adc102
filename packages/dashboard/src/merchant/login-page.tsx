// Sign-in. One message for every wrong email or password, by design: the page never says which was wrong.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get } from '../lib/api.ts';
import { Link } from '../lib/router.ts';
import { Alert, ErrorMessage } from '../ui/feedback.tsx';
import { TextField } from '../ui/fields.tsx';
import { signIn, type SessionInfo } from './session.ts';

export function LoginPage(props: { onSignedIn: (session: SessionInfo) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Error | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [setupNeeded, setSetupNeeded] = useState(false);

  useEffect(() => {
    document.title = 'Sign in · realid';
    void get<{ setup_needed: boolean }>('/auth/setup').then((r) => setSetupNeeded(r.setup_needed), () => undefined);
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      props.onSignedIn(await signIn(email, password));
    } catch (e) {
      setError(e as Error);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="auth-page">
      <form class="card auth-card" onSubmit={submit} aria-labelledby="signin-title">
        <p class="brand">realid</p>
        <h1 id="signin-title">Sign in</h1>
        {setupNeeded && (
          <Alert tone="info" title="This service has no users yet">
            <p>
              <Link href="/setup">Set it up</Link> to create the first account, or ask the operator to run <code>realid users create</code>.
            </p>
          </Alert>
        )}
        {error && (error instanceof ApiError && error.code === 'unauthorized' ? <Alert tone="danger">{error.message}</Alert> : <ErrorMessage error={error} />)}
        <TextField label="Email" type="email" name="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <button type="submit" class="button button-primary button-block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
