import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { createTestDatabase, type TestDatabase } from './testing';

describe('migrate', () => {
  let db: TestDatabase;
  let client: Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('creates the schema once and is a no-op the second time, even when run concurrently', async () => {
    expect(await Promise.all([migrate(db.url), migrate(db.url)])).toEqual([[], []]);
    const { rows } = await client.query(`select to_regclass('public.organisation') as t`);
    expect(rows[0].t).toBe('organisation');
  });

  it('refuses values outside the domain at the database level', async () => {
    await expect(
      client.query(
        `insert into organisation (id, name, kind, status, created_at, updated_at) values (gen_random_uuid(), 'X', 'club', 'pending', now(), now())`,
      ),
    ).rejects.toThrow(/organisation_kind_check/);
  });
});
