// The frame around every signed-in page: skip link, navigation, account, sign-out; focus moves to the new
// page's heading on navigation so screen readers announce it.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Link } from '../lib/router.ts';
import { useSession } from './session.ts';

const NAV = [
  { href: '/', label: 'ID checks', active: (p: string) => p === '/' || p.startsWith('/checks') },
  { href: '/settings/devtools', label: 'DevTools', active: (p: string) => p === '/settings' || p.startsWith('/settings/devtools') },
  { href: '/settings/api-keys', label: 'API keys', active: (p: string) => p.startsWith('/settings/api-keys') },
];

export function AppShell(props: { path: string; children: ComponentChildren }) {
  const { session, signOut } = useSession();
  const first = useRef(true);
  useEffect(() => {
    // After a client-side navigation, move focus to the new page (as a full page load would) so it is announced.
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => (document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main'))?.focus({ preventScroll: true }), 0);
    return () => clearTimeout(timer);
  }, [props.path]);

  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <Link href="/" class="brand">
          realid
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={item.active(props.path) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="account">
          <span class="account-name">{session.account.name}</span>
          <span class="account-user">{session.user.email}</span>
          <button type="button" class="button button-secondary button-small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </div>
  );
}

/** A page's heading, which also names the browser tab; focusable by script (not by Tab) for navigation. */
export function PageTitle(props: { children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${heading.current?.textContent ?? ''} · realid`;
  });
  return (
    <h1 ref={heading} tabIndex={-1}>
      {props.children}
    </h1>
  );
}
