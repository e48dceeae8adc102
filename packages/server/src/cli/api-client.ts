// The commands that talk to a running realid over its API (`listen`, `trigger`): where it is, which key, and
// its answers, with the API's typed errors turned into one line for the terminal.
import { ConfigError } from '../config/config.ts';
import { StartupError } from '../errors/startup-error.ts';
import type { ParsedValues } from './parse-command-line.ts';

export interface ApiTarget {
  /** Without a trailing slash, e.g. `http://localhost:4000`. */
  url: string;
  key: string;
  mode: 'test' | 'live';
}

export function apiTarget(values: ParsedValues): ApiTarget {
  const url = ((values['api-url'] as string | undefined) ?? process.env.REALID_API_URL ?? 'http://localhost:4000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(url) || !URL.canParse(url)) throw new ConfigError(`--api-url must be an http(s) URL, got "${url}"`);
  const key = (values['api-key'] as string | undefined) ?? process.env.REALID_API_KEY;
  if (!key) throw new ConfigError('Give an API key with --api-key or, better, the REALID_API_KEY environment variable (npx realid accounts create prints them).');
  const mode = /^sk_(test|live)_/.exec(key)?.[1] as 'test' | 'live' | undefined;
  if (!mode) throw new ConfigError('The API key must start with sk_test_ or sk_live_.');
  return { url, key, mode };
}

/** Why a request did not get an answer: the URL and the network error, never the key. */
export function unreachable(target: ApiTarget, error: unknown): StartupError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return new StartupError(`Cannot reach the realid API at ${target.url}: ${cause?.code ?? cause?.message ?? (error as Error).message}. Is it running (npm start)? Set --api-url or REALID_API_URL.`);
}

/** The message of a typed error answer (`{"error":{"code","message"}}`), or the status when there is none. */
export async function errorOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const { error } = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (error?.message) return `${error.message} (${response.status} ${error.code ?? ''})`.replace(' )', ')');
  } catch {
    // Not ours (a proxy's page): the status says enough.
  }
  return `HTTP ${response.status}`;
}

export async function callApi<T>(target: ApiTarget, method: string, path: string, body?: unknown, auth = true): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${target.url}${path}`, {
      method,
      headers: { ...(auth ? { authorization: `Bearer ${target.key}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw unreachable(target, error);
  }
  if (!response.ok) throw new StartupError(`${method} ${path}: ${await errorOf(response)}`);
  return (await response.json()) as T;
}
