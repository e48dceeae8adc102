// "Permanently deletes" means it: a check's personal data is sealed with a key of its own from the start, so no
// file ever holds it in the clear, and deleting the check deletes that key. Scanned for here: every file under
// the data folder (SQLite database, WAL, photos, keys) and, on PostgreSQL, the tables' own heap files.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, POSTGRES_URL } from './support/databases.ts';
import { PNG, tokenOf, uploadPhoto } from './support/images.ts';
import { startTestService, type TestService } from './support/test-service.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** PostgreSQL's files for a schema's tables, their indexes and TOAST, after a checkpoint wrote them out. */
async function postgresFiles(schema: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query('CHECKPOINT');
    const dataDir = (await client.query('SHOW data_directory')).rows[0].data_directory as string;
    const rows = await client.query(
      `SELECT pg_relation_filepath(c.oid) AS file FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 OR c.oid IN (SELECT reltoastrelid FROM pg_class t JOIN pg_namespace tn ON tn.oid = t.relnamespace WHERE tn.nspname = $1)`,
      [schema],
    );
    const files: string[] = [];
    for (const { file } of rows.rows as { file: string | null }[]) {
      if (!file) continue;
      const base = path.join(dataDir, file);
      const dir = path.dirname(base);
      for (const name of await readdir(dir)) if (name === path.basename(base) || name.startsWith(`${path.basename(base)}.`)) files.push(path.join(dir, name));
    }
    return files;
  } finally {
    await client.end();
  }
}

async function findIn(files: string[], needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) {
    if (!(await stat(file).catch(() => undefined))?.isFile()) continue;
    const bytes = await readFile(file);
    for (const needle of needles) {
      if (bytes.includes(Buffer.from(needle)) || bytes.includes(Buffer.from(needle, 'utf16le'))) found.push(`${needle} in ${file}`);
    }
  }
  return found;
}

describe.each(DIALECTS)('deleting a check’s personal data on %s', (dialect) => {
  let t: TestService | undefined;
  afterEach(async () => t?.close());

  it('leaves nothing readable: no plaintext anywhere, before or after, and no data key after', async () => {
    t = await startTestService(dialect);
    const { testKey } = await t.newAccount('enterprise', 'Shredder');
    const tag = randomBytes(4).toString('hex');
    const person = { email: `quill.${tag}@shred.example`, first_name: `Quillon${tag}`, last_name: `Vantablack${tag}`, phone: `+1 555 01${tag.replace(/\D/g, '7').slice(0, 5)}` };
    const created = await t.api(testKey, 'POST', '/api/v1/checks', { customer: person, order: { name: `#ORDER-${tag}` } });
    const id: string = created.body.check.id;
    const token = tokenOf(created.body.check.link);
    expect((await uploadPhoto(t.url, token, 'front', Buffer.concat([PNG, Buffer.from(`PHOTO-MARKER-${tag}`)]))).status).toBe(201);
    expect((await t.api(undefined, 'POST', `/api/v1/customer/${token}/privacy-requests`, { kind: 'data_request', message: `MESSAGE-${tag}` })).status).toBe(201);
    await t.api(testKey, 'POST', `/api/v1/checks/${id}/reject`, { reason: `NOTE-${tag}` });
    const plaintext = [person.email, person.first_name, person.last_name, person.phone, person.phone.replace(/\D/g, ''), `ORDER-${tag}`, `PHOTO-MARKER-${tag}`, `MESSAGE-${tag}`, `NOTE-${tag}`];

    // Readable through the API while the check lives...
    const before = (await t.api(testKey, 'GET', `/api/v1/checks/${id}`)).body.check;
    expect(before.customer).toMatchObject({ email: person.email, first_name: person.first_name });
    expect(before.privacy_requests[0].message).toBe(`MESSAGE-${tag}`);
    expect(before.decision.reason).toBe(`NOTE-${tag}`);
    expect((await t.api(testKey, 'GET', `/api/v1/checks?q=${encodeURIComponent(person.email)}`)).body.checks).toHaveLength(1);
    // ...and never in the clear in any file.
    const schema = t.services.config.databaseSchema;
    const files = async () => [...(await filesUnder(t!.dataDir)), ...(schema ? await postgresFiles(schema) : [])];
    expect(await findIn(await files(), plaintext)).toEqual([]);

    const { wrapped } = (await t.services.store.driver.get<{ wrapped: string }>('SELECT wrapped FROM check_keys WHERE check_id = ?', [id]))!;
    const photoUrl: string = (await t.api(testKey, 'GET', `/api/v1/checks/${id}?withPhotos=true`)).body.check.photos[0].url;

    const deleted = await t.api(testKey, 'DELETE', `/api/v1/checks/${id}`);
    expect(deleted.status).toBe(200);
    for (let i = 0; i < 30; i++) await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: `after${i}@example.com` } });

    expect(await t.services.store.driver.get('SELECT 1 AS found FROM check_keys WHERE check_id = ?', [id])).toBeUndefined();
    expect(await t.services.store.driver.get('SELECT 1 AS found FROM check_search WHERE check_id = ?', [id])).toBeUndefined();
    expect((await fetch(photoUrl)).status).toBe(404);
    expect((await t.api(testKey, 'GET', `/api/v1/checks?q=${encodeURIComponent(person.email)}`)).body.checks).toHaveLength(0);
    const after = (await t.api(testKey, 'GET', `/api/v1/checks/${id}`)).body.check;
    expect(JSON.stringify(after)).not.toMatch(new RegExp(tag));

    expect(await findIn(await files(), plaintext)).toEqual([]);
    // On SQLite the wrapped data key itself is gone from every file: secure_delete zeroed it and the WAL that
    // held older copies of its page was truncated. (PostgreSQL keeps dead rows until VACUUM: see docs/architecture.md.)
    if (dialect === 'sqlite') expect(await findIn(await filesUnder(t.dataDir), [wrapped.split(':')[1]!])).toEqual([]);
  });
});
