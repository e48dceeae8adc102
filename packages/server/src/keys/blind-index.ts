// Searching encrypted data: each word worth finding a check by (an email, its local part, a phone number's
// digits, a name, an order name) is normalised and stored only as a keyed HMAC, per account. Equal words give
// equal tokens, so search still works; the table alone says nothing about the people in it.
import { createHmac } from 'node:crypto';
import { normaliseWords } from '../text/words.ts';

export interface Searchable {
  email?: string | undefined;
  phone?: string | undefined;
  names?: (string | undefined)[];
  order?: string | undefined;
}

/** The words a search may use to find this check. */
export function searchWords(s: Searchable): string[] {
  const words = new Set<string>();
  const email = s.email?.trim().toLowerCase();
  if (email) {
    const local = email.split('@')[0]!;
    for (const word of [email, local, ...normaliseWords(local)]) words.add(word);
  }
  const digits = s.phone?.replace(/\D/g, '');
  if (digits && digits.length >= 4) {
    words.add(digits);
    words.add(digits.slice(-10));
  }
  for (const name of s.names ?? []) for (const word of normaliseWords(name ?? '')) words.add(word);
  const order = s.order?.trim().toLowerCase();
  if (order) {
    words.add(order);
    words.add(order.replace(/^#/, ''));
  }
  return [...words];
}

/** The words of a search box: an email or phone as a whole, otherwise each word must match. */
export function queryWords(query: string): string[] {
  const q = query.trim().toLowerCase();
  if (q.includes('@')) return [q];
  const digits = q.replace(/[\s()+-]/g, '');
  if (/^\d{4,}$/.test(digits)) return [digits.slice(-10)];
  if (q.startsWith('#')) return [q];
  return normaliseWords(q);
}

export const blindToken = (key: Buffer, accountId: string, word: string): string =>
  createHmac('sha256', key).update(`${accountId}\u0000${word}`).digest('base64url').slice(0, 32);
