// JSON columns are TEXT on both engines; these keep the parse/stringify at the edge of each repository.
export const toJson = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

export function fromJson<T>(value: unknown, fallback: T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : fallback;
}
