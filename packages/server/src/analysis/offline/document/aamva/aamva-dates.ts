// AAMVA dates: `MMDDCCYY` on US cards and `CCYYMMDD` on Canadian ones (and in version 1). The two never both
// parse as plausible dates (a year starts with 19 or 20, a month never does), so the other order is the fallback.
import { isoDate } from '../calendar-date.ts';

export type AamvaDateOrder = 'MMDDCCYY' | 'CCYYMMDD';

function inOrder(digits: string, order: AamvaDateOrder): string | null {
  const [year, month, day] =
    order === 'CCYYMMDD'
      ? [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8)]
      : [digits.slice(4, 8), digits.slice(0, 2), digits.slice(2, 4)];
  const y = Number(year);
  if (y < 1850 || y > 2199) return null;
  return isoDate(y, Number(month), Number(day));
}

/** YYYY-MM-DD, or null when the value is no date in either order. Separators some issuers add are ignored. */
export function parseAamvaDate(value: string, preferred: AamvaDateOrder): string | null {
  const digits = value.replace(/[\s/.-]/g, '');
  if (!/^\d{8}$/.test(digits)) return null;
  return inOrder(digits, preferred) ?? inOrder(digits, preferred === 'CCYYMMDD' ? 'MMDDCCYY' : 'CCYYMMDD');
}
