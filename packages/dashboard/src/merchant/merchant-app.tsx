// The dashboard: resolves the session, then routes between sign-in, checks and settings.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { setUnauthorizedHandler } from '../lib/api.ts';
import '../styles/merchant.css';
import { match, navigate, useLocation } from '../lib/router.ts';
import { Loading } from '../ui/feedback.tsx';
import { AppShell } from './app-shell.tsx';
import { CheckDetailPage } from './checks/check-detail-page.tsx';
import { ChecksListPage } from './checks/checks-list-page.tsx';
import { LoginPage } from './login-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { SessionContext, loadSession, signOut, type SessionInfo } from './session.ts';
import { ApiKeysPage } from './settings/api-keys-page.tsx';
import { DevToolsPage } from './settings/devtools/devtools-page.tsx';
import { PrivacyPage } from './settings/privacy-page.tsx';
import { SetupPage } from './setup-page.tsx';

function SignedInRoutes(props: { path: string }) {
  const { path } = props;
  if (path === '/' || path === '/checks') return <ChecksListPage />;
  const check = match('/checks/:id', path);
  if (check) return <CheckDetailPage id={check.id!} />;
  if (path === '/settings' || path === '/settings/devtools') return <DevToolsPage />;
  if (path === '/settings/api-keys') return <ApiKeysPage />;
  if (path === '/settings/privacy') return <PrivacyPage />;
  return <NotFoundPage />;
}

export function MerchantApp() {
  const { path, search } = useLocation();
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);

  useEffect(() => {
    void loadSession().then((s) => setSession(s ?? null));
  }, []);

  const expire = useCallback(() => {
    setSession(null);
    if (location.pathname !== '/login') navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  }, []);
  useEffect(() => {
    setUnauthorizedHandler(expire);
    return () => setUnauthorizedHandler(undefined);
  }, [expire]);

  useEffect(() => {
    if (session && path === '/login') navigate('/', { replace: true });
    if (session === null && path !== '/login' && path !== '/setup') {
      navigate(`/login?next=${encodeURIComponent(path + location.search)}`, { replace: true });
    }
  }, [session, path]);

  const out = useCallback(async () => {
    await signOut();
    setSession(null);
    navigate('/login', { replace: true });
  }, []);

  if (session === undefined) return <Loading label="Opening the dashboard…" />;
  if (path === '/setup') return <SetupPage onSignedIn={setSession} />;
  if (!session) {
    const next = search.get('next');
    const target = next?.startsWith('/') && !next.startsWith('//') ? next : '/';
    return (
      <LoginPage
        onSignedIn={(s) => {
          setSession(s);
          navigate(target, { replace: true });
        }}
      />
    );
  }
  return (
    <SessionContext.Provider value={{ session, signOut: out }}>
      <AppShell path={path}>
        <SignedInRoutes path={path} />
      </AppShell>
    </SessionContext.Provider>
  );
}
