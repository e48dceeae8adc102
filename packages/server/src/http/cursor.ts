// Opaque keyset-pagination cursors: the (created_at, id) of the last item seen.
import { AppError } from '../errors/app-error.ts';

export interface Cursor {
  createdAt: number;
  id: string;
}

export const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');

/**
 * A cursor is opaque, so one we did not issue is a bad request (400), not a field to correct. What it holds goes
 * into SQL: a time that is not a whole, safe, non-negative number (a fraction, 1e300, past 2^53) or an id that
 * could not be one would otherwise reach the database, where PostgreSQL refuses it with a 500.
 */
export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const [createdAt, id] = Array.isArray(parsed) && parsed.length === 2 ? (parsed as unknown[]) : [];
  const time = typeof createdAt === 'number' && Number.isSafeInteger(createdAt) && createdAt >= 0;
  if (time && typeof id === 'string' && id.length <= 64 && !id.includes('\u0000')) return { createdAt, id };
  throw new AppError('bad_request', 'The cursor is not one this API returned.', [{ field: 'cursor', message: 'is not a cursor this API returned' }]);
}

/** A page of `limit` items plus the cursor for the next page, if there is one (we fetch limit + 1). */
export function page<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next_cursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
