// Text from outside (a receiver's answer, a network error) as both engines store it alike. PostgreSQL refuses NUL
// in a text column, and one such value fails its whole statement; SQLite would keep it. NUL becomes U+FFFD, the
// character that already stands in for the bytes of an answer that are not UTF-8.
export function storableText(value: string | null): string | null {
  return value === null || !value.includes('\u0000') ? value : value.replaceAll('\u0000', '\uFFFD');
}
