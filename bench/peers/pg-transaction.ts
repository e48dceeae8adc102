// The producer side of the PostgreSQL peers: the application's own pool, and one transaction per commit, in
// which the peer's enqueue call runs beside whatever the application writes (an outbox).
import pg from 'pg';

export interface AppDatabase {
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  run(sql: string): Promise<void>;
  close(): Promise<void>;
}

export function appDatabase(url: string): AppDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return {
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async run(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
