// A dashboard address that leads nowhere.
import { Link } from '../lib/router.ts';
import { PageTitle } from './app-shell.tsx';

export function NotFoundPage() {
  return (
    <section>
      <PageTitle>Page not found</PageTitle>
      <p>
        There is nothing at this address. Go back to <Link href="/">your ID checks</Link>.
      </p>
    </section>
  );
}
