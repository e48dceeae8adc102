// Before a start creates anything: can we reach PostgreSQL with DATABASE_URL, and does its database exist? Each
// failure becomes one line that names the server and database but never the URL (it may hold a password).
import pg from 'pg';
import { StartupError } from '../../errors/startup-error.ts';

const TIMEOUT_MS = 10_000;

function reason(error: Error & { code?: string }, url: URL): string {
  const database = decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username) || 'postgres';
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused (is PostgreSQL running there, and are the host and port in DATABASE_URL right?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `no address for the host ${url.hostname}`;
    case '3D000':
      return `the database "${database}" does not exist (create it: createdb ${database})`;
    case '28P01':
      return 'password authentication failed';
    case '28000':
      return 'the server refuses this user or client address (pg_hba.conf)';
    default:
      return /timeout/i.test(error.message) ? `no answer within ${TIMEOUT_MS / 1000} s` : error.message;
  }
}

export async function checkPostgres(connectionString: string): Promise<void> {
  const url = new URL(connectionString);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const where = `${url.hostname || 'localhost'}:${url.port || 5432}`;
    throw new StartupError(`Cannot use PostgreSQL at ${where}: ${reason(error as Error, url)}.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
