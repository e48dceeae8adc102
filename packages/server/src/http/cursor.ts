// Opaque keyset-pagination cursors: the (created_at, id) of the last item seen.
import { AppError } from '../errors/app-error.ts';

export interface Cursor {
  createdAt: number;
  id: string;
}

export const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');

export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (text === undefined) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'number' && typeof id === 'string') return { createdAt, id };
  } catch {
    // fall through to the typed error
  }
  throw new AppError('validation_failed', 'The cursor is not one this API returned.', [{ field: 'cursor', message: 'is invalid' }]);
}

/** A page of `limit` items plus the cursor for the next page, if there is one (we fetch limit + 1). */
export function page<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next_cursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
