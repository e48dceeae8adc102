// The checks list: search, filters, newest first, and a page at a time.
import { useState } from 'preact/hooks';
import { formatDateTime } from '../../lib/format.ts';
import { Link, navigate, useLocation } from '../../lib/router.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Table, type Column } from '../../ui/table.tsx';
import { PageTitle } from '../app-shell.tsx';
import { listChecks, type CheckSummary } from './check-api.ts';
import { StepBadge, VerdictBadge, customerName } from './check-badges.tsx';
import { CheckFiltersForm, FILTER_KEYS, formFromSearch, toApiFilters, type FilterForm } from './check-filters.tsx';
import { NewCheckForm } from './new-check-form.tsx';

const CHECK_COLUMNS: Column<CheckSummary>[] = [
  {
    label: 'Check',
    cell: (c) => (
      <Link href={`/checks/${c.id}`} class="mono">
        {c.id}
      </Link>
    ),
  },
  { label: 'Customer', cell: (c) => customerName(c) },
  { label: 'Step', cell: (c) => <StepBadge step={c.step} /> },
  { label: 'Verdict', cell: (c) => <VerdictBadge verdict={c.verdict} /> },
  { label: 'Created', cell: (c) => formatDateTime(c.created_at) },
];

function ChecksTable(props: { checks: CheckSummary[] }) {
  return <Table caption="ID checks, newest first" captionHidden columns={CHECK_COLUMNS} rows={props.checks} rowKey={(c) => c.id} />;
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
