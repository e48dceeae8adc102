// The checks list: search, filters, newest first, and a page at a time.
import { useState } from 'preact/hooks';
import { formatDateTime } from '../../lib/format.ts';
import { Link, navigate, useLocation } from '../../lib/router.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { PageTitle } from '../app-shell.tsx';
import { listChecks, type CheckSummary } from './check-api.ts';
import { ModeBadge, StepBadge, VerdictBadge, customerName } from './check-badges.tsx';
import { CheckFiltersForm, FILTER_KEYS, formFromSearch, toApiFilters, type FilterForm } from './check-filters.tsx';
import { NewCheckForm } from './new-check-form.tsx';

function ChecksTable(props: { checks: CheckSummary[] }) {
  return (
    <table class="table responsive">
      <caption class="visually-hidden">ID checks, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Customer</th>
          <th scope="col">Step</th>
          <th scope="col">Verdict</th>
          <th scope="col">Mode</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {props.checks.map((c) => (
          <tr key={c.id}>
            <td data-label="Check">
              <Link href={`/checks/${c.id}`} class="mono">
                {c.id}
              </Link>
            </td>
            <td data-label="Customer">{customerName(c)}</td>
            <td data-label="Step">
              <StepBadge step={c.step} />
            </td>
            <td data-label="Verdict">
              <VerdictBadge verdict={c.verdict} />
            </td>
            <td data-label="Mode">
              <ModeBadge testing={c.testing} />
            </td>
            <td data-label="Created">{formatDateTime(c.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ChecksListPage() {
  const { search } = useLocation();
  const form = formFromSearch(search);
  const key = search.toString();
  const [more, setMore] = useState<{ key: string; checks: CheckSummary[]; cursor: string | null }>({ key: '', checks: [], cursor: null });
  const [creating, setCreating] = useState(false);
  const first = useAsync((signal) => listChecks(toApiFilters(form), undefined, signal), [key]);

  const extra = more.key === key ? more : { key, checks: [], cursor: null };
  const checks = [...(first.data?.checks ?? []), ...extra.checks];
  const cursor = extra.checks.length ? extra.cursor : (first.data?.next_cursor ?? null);

  const apply = (next: FilterForm) => {
    const params = new URLSearchParams(FILTER_KEYS.filter((k) => next[k]).map((k) => [k, next[k]]));
    navigate(params.size ? `/?${params.toString()}` : '/');
  };
  const loadMore = async () => {
    if (!cursor) return;
    const page = await listChecks(toApiFilters(form), cursor);
    setMore({ key, checks: [...extra.checks, ...page.checks], cursor: page.next_cursor });
  };

  return (
    <section>
      <div class="page-header">
        <PageTitle>ID checks</PageTitle>
        <button type="button" class="button button-primary" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          {creating ? 'Close' : 'New check'}
        </button>
      </div>
      {creating && <NewCheckForm onCreated={() => void first.reload()} />}
      <CheckFiltersForm key={key} initial={form} onApply={apply} />
      <ErrorMessage error={first.error} retry={() => void first.reload()} />
      {first.loading && !first.data ? (
        <Loading label="Loading checks…" />
      ) : checks.length === 0 ? (
        <p class="empty">{key ? 'No checks match these filters.' : 'No checks yet. Create one above or with the API.'}</p>
      ) : (
        <>
          <ChecksTable checks={checks} />
          {cursor && (
            <button type="button" class="button button-secondary" onClick={() => void loadMore()}>
              Load more
            </button>
          )}
        </>
      )}
    </section>
  );
}
