// The web app's only way to the service: JSON over fetch, same origin, with the session's CSRF token on
// writes and the API's typed errors turned into ApiError.
import { currentMode } from './mode.ts';

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

export const setCsrfToken = (token: string | undefined): void => {
  csrfToken = token;
};

/** Called when a merchant call answers 401: the session ended, so the app shows the sign-in page. */
export const setUnauthorizedHandler = (handler: (() => void) | undefined): void => {
  onUnauthorized = handler;
};

export interface RequestOptions {
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
}

async function errorOf(response: Response): Promise<ApiError> {
  const parsed = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; fields?: FieldError[] } } | undefined;
  const error = parsed?.error;
  return new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? `The service answered ${response.status}.`, error?.fields ?? []);
}

function headersFor(method: string, accept: string, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept };
  if (json) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // Test or live, as the switch in the top bar says (the service ignores it on the customer's pages).
  headers['x-realid-mode'] = currentMode();
  return headers;
}

/** A file the service makes (an export), as a Blob to hand to the browser's download. */
export async function download(path: string): Promise<Blob> {
  const response = await fetch(path, { headers: headersFor('GET', '*/*', false), credentials: 'same-origin' });
  if (!response.ok) throw await errorOf(response);
  return response.blob();
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = headersFor(method, 'application/json', options.body !== undefined);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : options.form ? { body: options.form } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Could not reach the service. Check your connection and try again.');
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (error.status === 401 && path.startsWith('/api/v1/') && !path.startsWith('/api/v1/customer/')) onUnauthorized?.();
    throw error;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options);
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) =>
  request<T>('POST', path, { ...options, ...(body !== undefined ? { body } : {}) });
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });
export const del = <T>(path: string) => request<T>('DELETE', path);

/** Builds `?a=1&b=2` from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number | boolean] => e[1] !== undefined && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
