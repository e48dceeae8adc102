// The signed-in user as the dashboard knows it, and signing in and out.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { get, post, setCsrfToken } from '../lib/api.ts';

export interface SessionInfo {
  user: { id: string; email: string };
  account: { id: string; name: string; plan: 'free' | 'pro' | 'enterprise' };
  csrf_token: string;
  expires_at: string;
}

export const SessionContext = createContext<{ session: SessionInfo; signOut: () => Promise<void> } | undefined>(undefined);

export function useSession() {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in page');
  return value;
}

export async function loadSession(): Promise<SessionInfo | undefined> {
  try {
    const session = await get<SessionInfo>('/auth/session');
    setCsrfToken(session.csrf_token);
    return session;
  } catch {
    return undefined;
  }
}

export async function signIn(email: string, password: string): Promise<SessionInfo> {
  const session = await post<SessionInfo>('/auth/login', { email, password });
  setCsrfToken(session.csrf_token);
  return session;
}

export async function signOut(): Promise<void> {
  await post('/auth/logout').catch(() => undefined);
  setCsrfToken(undefined);
}
