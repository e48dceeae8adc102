// Instants as the API writes them: ISO 8601 in UTC, to the millisecond.

export const isoTime = (ms: number): string => new Date(ms).toISOString();

/** `null` stays `null`: a time that has not happened (not revoked, not finished). */
export const iso = (ms: number | null): string | null => (ms === null ? null : isoTime(ms));
