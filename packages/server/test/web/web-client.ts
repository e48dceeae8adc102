// A browser-like client for the web routes: keeps the session cookie and sends the CSRF token when asked.
import type { TestService } from '../support/test-service.ts';
import { createUser } from '../../src/web/create-user.ts';

export const PASSWORD = 'correct horse battery staple';

export interface WebResponse {
  status: number;
  headers: Headers;
  body: any;
}

export class WebClient {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(private readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, options: { csrf?: string | false; headers?: Record<string, string> } = {}): Promise<WebResponse> {
    const csrf = options.csrf === false ? undefined : (options.csrf ?? this.csrf);
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json');
    return { status: response.status, headers: response.headers, body: text && json ? JSON.parse(text) : text };
  }

  async login(email: string, password = PASSWORD): Promise<WebResponse> {
    const res = await this.request('POST', '/auth/login', { email, password });
    if (res.status === 200) this.csrf = res.body.csrf_token;
    return res;
  }
}

/** A fresh account with one dashboard user; returns its API keys and a signed-in client. */
export async function signedInUser(t: TestService, email: string, plan: 'free' | 'pro' | 'enterprise' = 'enterprise') {
  const account = await t.newAccount(plan, `Shop of ${email}`);
  await createUser(t.services.store, t.clock.now(), { accountId: account.account.id, email, password: PASSWORD });
  const client = new WebClient(t.url);
  const res = await client.login(email);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { account, client };
}
