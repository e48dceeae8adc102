// MRZ dates are YYMMDD: the century is inferred, backwards for a birth date and forwards for an expiry.
import { isoDate } from '../calendar-date.ts';

function parts(yymmdd: string): [number, number, number] | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  return [Number(yymmdd.slice(0, 2)), Number(yymmdd.slice(2, 4)), Number(yymmdd.slice(4, 6))];
}

/** A birth date is never in the future: `YY` above this year's means the last century. */
export function mrzBirthDate(yymmdd: string, today: string): string | null {
  const p = parts(yymmdd);
  if (!p) return null;
  const [yy, mm, dd] = p;
  const thisYear = Number(today.slice(0, 4));
  const century = Math.floor(thisYear / 100) * 100;
  const year = century + yy > thisYear ? century - 100 + yy : century + yy;
  return isoDate(year, mm, dd);
}

/**
 * Documents are valid for at most a few decades, so an expiry lies within 50 years of today either way
 * (an expired passport from 1999 stays 1999, not 2099).
 */
export function mrzExpiryDate(yymmdd: string, today: string): string | null {
  const p = parts(yymmdd);
  if (!p) return null;
  const [yy, mm, dd] = p;
  const thisYear = Number(today.slice(0, 4));
  const century = Math.floor(thisYear / 100) * 100;
  let year = century + yy;
  if (year > thisYear + 50) year -= 100;
  else if (year < thisYear - 50) year += 100;
  return isoDate(year, mm, dd);
}
