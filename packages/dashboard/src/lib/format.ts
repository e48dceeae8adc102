// Dates and words as people read them.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeWithSeconds = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');
export const formatPrecise = (iso: string | null | undefined): string => (iso ? timeWithSeconds.format(new Date(iso)) : '—');

export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  return rtf.format(seconds, 'second');
}

/** `snake_case` codes as a sentence start: `document_unreadable` → `Document unreadable`. */
export const humanize = (code: string): string => {
  const words = code.replace(/[_.-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A `<input type="date">` value as the start of that day, local time, in ISO form. */
export const startOfDay = (date: string): string => new Date(`${date}T00:00:00`).toISOString();
export const endOfDay = (date: string): string => new Date(new Date(`${date}T00:00:00`).getTime() + 86_400_000).toISOString();
