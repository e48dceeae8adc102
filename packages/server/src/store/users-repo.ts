// Dashboard users, their sign-in sessions (stored by the hash of the session id) and the first-run claim.
import type { Row, SqlDriver, SqlExecutor } from './sql-driver.ts';

export interface UserRecord {
  id: string;
  accountId: string;
  /** Stored lowercased; unique across the service. */
  email: string;
  passwordHash: string;
  createdAt: number;
  lastLoginAt: number | null;
}

export interface SessionRecord {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

const toUser = (r: Row): UserRecord => ({
  id: r.id as string,
  accountId: r.account_id as string,
  email: r.email as string,
  passwordHash: r.password_hash as string,
  createdAt: r.created_at as number,
  lastLoginAt: (r.last_login_at as number | null) ?? null,
});

const toSession = (r: Row): SessionRecord => ({
  idHash: r.id_hash as string,
  userId: r.user_id as string,
  csrfToken: r.csrf_token as string,
  createdAt: r.created_at as number,
  expiresAt: r.expires_at as number,
});

export class UsersRepo {
  constructor(private readonly db: SqlDriver) {}

  async insert(tx: SqlExecutor, u: UserRecord): Promise<void> {
    await tx.run('INSERT INTO users (id, account_id, email, password_hash, created_at, last_login_at) VALUES (?, ?, ?, ?, ?, ?)', [
      u.id, u.accountId, u.email, u.passwordHash, u.createdAt, u.lastLoginAt,
    ]);
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const row = await this.db.get('SELECT * FROM users WHERE email = ?', [email]);
    return row && toUser(row);
  }

  async list(accountId?: string): Promise<UserRecord[]> {
    const rows = accountId
      ? await this.db.all('SELECT * FROM users WHERE account_id = ? ORDER BY created_at, id', [accountId])
      : await this.db.all('SELECT * FROM users ORDER BY created_at, id');
    return rows.map(toUser);
  }

  async any(exec: SqlExecutor = this.db): Promise<boolean> {
    return (await exec.get('SELECT id FROM users LIMIT 1')) !== undefined;
  }

  async setPassword(id: string, passwordHash: string): Promise<boolean> {
    return (await this.db.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, id])) === 1;
  }

  async recordLogin(id: string, at: number): Promise<void> {
    await this.db.run('UPDATE users SET last_login_at = ? WHERE id = ?', [at, id]);
  }

  async insertSession(session: SessionRecord): Promise<void> {
    await this.db.run('INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
      session.idHash, session.userId, session.csrfToken, session.createdAt, session.expiresAt,
    ]);
  }

  /** The session and its user, if the session exists and has not expired at `now`. */
  async findSession(idHash: string, now: number): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
    const row = await this.db.get(
      `SELECT s.id_hash, s.user_id, s.csrf_token, s.created_at AS session_created_at, s.expires_at, u.*
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id_hash = ? AND s.expires_at > ?`,
      [idHash, now],
    );
    return row && { session: toSession({ ...row, created_at: row.session_created_at }), user: toUser(row) };
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE id_hash = ?', [idHash]);
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
  }

  async deleteExpiredSessions(now: number): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE expires_at <= ?', [now]);
  }

  /** Claims the one-time first-run setup; false when it was already claimed. */
  async claimFirstRun(tx: SqlExecutor, at: number): Promise<boolean> {
    const claimed = await tx.get('SELECT id FROM first_run WHERE id = 1');
    if (claimed) return false;
    await tx.run('INSERT INTO first_run (id, done_at) VALUES (1, ?)', [at]);
    return true;
  }
}
