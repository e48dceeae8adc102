// The frame around every signed-in page: skip link, navigation, account, sign-out; focus moves to the new
// page's heading on navigation so screen readers announce it.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { setMode, useMode } from '../lib/mode.ts';
import { Link } from '../lib/router.ts';
import { useSession } from './session.ts';

/** Test or live for the whole dashboard, as Stripe's dashboard has it. */
function ModeSwitch() {
  const mode = useMode();
  return (
    <div class="segmented mode-switch" role="group" aria-label="Dashboard mode">
      {(['test', 'live'] as const).map((m) => (
        <button key={m} type="button" aria-pressed={mode === m} class="button button-small" onClick={() => setMode(m)}>
          {m === 'test' ? 'Test mode' : 'Live mode'}
        </button>
      ))}
    </div>
  );
}

const NAV = [
  { href: '/', label: 'ID checks', active: (p: string) => p === '/' || p.startsWith('/checks') },
  { href: '/settings/devtools', label: 'DevTools', active: (p: string) => p === '/settings' || p.startsWith('/settings/devtools') },
  { href: '/settings/api-keys', label: 'API keys', active: (p: string) => p.startsWith('/settings/api-keys') },
  { href: '/settings/privacy', label: 'Privacy', active: (p: string) => p.startsWith('/settings/privacy') },
];

export function AppShell(props: { path: string; children: ComponentChildren }) {
  const { session, signOut } = useSession();
  const mode = useMode();
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
    <div class={`shell shell-${mode}`}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      {mode === 'test' && (
        <p class="test-banner" role="status">
          Test mode: test checks, test endpoints and the test signing secret. Nothing here touches live customers.
        </p>
      )}
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
        <ModeSwitch />
        <div class="account">
          <span class="account-name">{session.account.name}</span>
          <span class="account-user">{session.user.email}</span>
          <button type="button" class="button button-secondary button-small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      {/* Keyed by mode: switching remounts the page, so everything shown is fetched again in the new mode. */}
      <main id="main" tabIndex={-1} key={mode}>
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
