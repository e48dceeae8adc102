// Case-insensitive header lookup over a fetch `Headers`, Node's IncomingHttpHeaders or any plain object.
import { WebhookVerificationError } from './errors.ts';

export type HeaderValue = string | readonly string[] | number | null | undefined;

/** A `Headers` instance (fetch, Next.js, Hono, Workers), Node's `req.headers`, or a plain object in any case. */
export type HeadersInput = { get(name: string): string | null } | Readonly<Record<string, HeaderValue>>;

export type ReadHeader = (lowercaseName: string) => string | undefined;

export function headerReader(headers: unknown): ReadHeader {
  if (typeof headers !== 'object' || headers === null) {
    throw new WebhookVerificationError('missing_signature', `Expected the request headers as an object or Headers, got ${headers === null ? 'null' : typeof headers}.`);
  }
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function') {
    return (name) => normalize(name, get.call(headers, name));
  }
  const record = headers as Record<string, unknown>;
  let lowercased: Map<string, unknown> | undefined;
  return (name) => {
    // Node already lowercases header names, so the exact key usually hits; other casings pay for one index.
    if (Object.hasOwn(record, name)) return normalize(name, record[name]);
    lowercased ??= new Map(Object.keys(record).map((key) => [key.toLowerCase(), record[key]]));
    return normalize(name, lowercased.get(name));
  };
}

function normalize(name: string, value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return joinRepeated(name, value.filter((v): v is string => typeof v === 'string' && v !== ''));
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function joinRepeated(name: string, values: string[]): string | undefined {
  // Repeated signature headers are just a longer list; any other repeated header must not be ambiguous.
  if (name === 'webhook-signature') return values.length > 0 ? values.join(' ') : undefined;
  if (values.some((value) => value !== values[0])) {
    throw new WebhookVerificationError('invalid_signature', `The ${name} header appears ${values.length} times with different values.`);
  }
  return values[0];
}
