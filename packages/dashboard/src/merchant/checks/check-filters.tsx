// The checks list's search and filters, kept in the address so a filtered list can be shared or bookmarked.
import { useState } from 'preact/hooks';
import { endOfDay, startOfDay } from '../../lib/format.ts';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { STEP_LABELS } from '../labels.ts';
import type { CheckFilters } from './check-api.ts';

export interface FilterForm {
  q: string;
  step: string;
  verdict: string;
  from: string;
  to: string;
}

export const FILTER_KEYS = ['q', 'step', 'verdict', 'from', 'to'] as const;

export const formFromSearch = (search: URLSearchParams): FilterForm =>
  Object.fromEntries(FILTER_KEYS.map((k) => [k, search.get(k) ?? ''])) as unknown as FilterForm;

const STEP_OPTIONS = [['', 'Any step'], ...Object.entries(STEP_LABELS)] as const;
const VERDICT_OPTIONS = [['', 'Any verdict'], ['pending', 'Pending'], ['passed', 'Passed'], ['failed', 'Failed']] as const;

export function toApiFilters(form: FilterForm): CheckFilters {
  return {
    ...(form.q.trim() ? { q: form.q.trim() } : {}),
    ...(form.step ? { step: form.step } : {}),
    ...(form.verdict ? { verdict: form.verdict } : {}),
    ...(form.from ? { created_after: startOfDay(form.from) } : {}),
    ...(form.to ? { created_before: endOfDay(form.to) } : {}),
  };
}

export function CheckFiltersForm(props: { initial: FilterForm; onApply: (form: FilterForm) => void }) {
  const [form, setForm] = useState(props.initial);
  const set = (key: keyof FilterForm) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) => setForm({ ...form, [key]: e.currentTarget.value });
  const empty: FilterForm = { q: '', step: '', verdict: '', from: '', to: '' };
  return (
    <form
      class="filters"
      role="search"
      aria-label="Search and filter checks"
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(form);
      }}
    >
      <TextField label="Search" type="search" value={form.q} onInput={set('q')} placeholder="Name, email, check or order id" />
      <SelectField label="Step" value={form.step} onChange={set('step')} options={STEP_OPTIONS} />
      <SelectField label="Verdict" value={form.verdict} onChange={set('verdict')} options={VERDICT_OPTIONS} />
      <TextField label="Created from" type="date" value={form.from} onInput={set('from')} />
      <TextField label="Created until" type="date" value={form.to} onInput={set('to')} />
      <div class="filters-actions">
        <button type="submit" class="button button-primary">
          Apply
        </button>
        <button
          type="button"
          class="button button-secondary"
          onClick={() => {
            setForm(empty);
            props.onApply(empty);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
