// Which databases the suite runs against: SQLite always; PostgreSQL when reachable, and required in CI
// (REALID_TEST_POSTGRES=required makes an unreachable server a failure instead of a skip).
import pg from 'pg';

export const POSTGRES_URL = process.env.REALID_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    if (process.env.REALID_TEST_POSTGRES === 'required') throw new Error(`PostgreSQL is required but unreachable at ${POSTGRES_URL}: ${(error as Error).message}`, { cause: error });
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export type Dialect = 'sqlite' | 'postgres';

export const DIALECTS: Dialect[] = ['sqlite', ...((await postgresReachable()) ? (['postgres'] as const) : [])];

/** A fresh, uniquely named schema per test service, dropped by `dropSchema`. */
export const uniqueSchema = (): string => `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
