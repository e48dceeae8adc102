// Calendar dates as both document formats report them: YYYY-MM-DD, and only for days that exist.

/** YYYY-MM-DD for a valid calendar date, otherwise null (31 April, 29 February of a common year…). */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
