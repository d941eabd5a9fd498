// The migration runner (server/src/db/migrate.ts) and the hand-written integrity in the init migration.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { applyMigrations, defaultMigrationsDir, pgRawDriver, readMigrationFiles, type RawDriver } from '../../server/src/db/migrate.ts';

const migrationNames = readMigrationFiles().map((m) => m.name);

/** Copies the repository's migrations to a temp folder a test may change. */
function copyMigrations(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'migrate-test-')), 'migrations');
  cpSync(defaultMigrationsDir, dir, { recursive: true });
  return dir;
}

/** Inserts the smallest chain of rows an item_result needs; returns the ids. */
async function seedMinimal(db: RawDriver) {
  const one = async (sql: string, params: unknown[] = []) => (await db.query<{ id: string }>(sql, params)).rows[0]!.id;
  const dept = await one(`INSERT INTO department (code, name, short_name) VALUES ('SCJG', '市场监管局', '市场监管') RETURNING id`);
  const item = await one(
    `INSERT INTO check_item (code, name, category, domain, legal_basis, department_id, content, target_type, ratio_cap_bp)
     VALUES ('SCJG-001', '食品生产检查', 'GENERAL', '食品生产', '食品安全法', $1, '生产条件', 'ENTERPRISE', 500) RETURNING id`,
    [dept],
  );
  const task = await one(
    `INSERT INTO task (code, name, year, mode, lead_department_id, window_start, window_end, inspection_end_on,
                       ratio_a_bp, ratio_b_bp, ratio_c_bp, ratio_d_bp)
     VALUES ('2022-SCJG-001', '任务', 2022, 'COMPREHENSIVE', $1, '2022-03-01', '2022-06-30', '2022-06-30', 300, 500, 1000, 2000)
     RETURNING id`,
    [dept],
  );
  const target = await one(
    `INSERT INTO target (uscc, name, region_code, industry_code) VALUES ('91350100M000100Y43', '某食品有限公司', '350102', 'C1391')
     RETURNING id`,
  );
  const record = await one(`INSERT INTO inspection_record (task_id, target_id) VALUES ($1, $2) RETURNING id`, [task, target]);
  return { dept, item, task, target, record };
}

describe('applyMigrations on PGlite', () => {
  let db: PGlite;
  let firstRun: { applied: string[] };
  beforeAll(async () => {
    db = new PGlite();
    firstRun = await applyMigrations(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('applies every migration once, in order', async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(firstRun.applied).toEqual(migrationNames);
    const { rows } = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('applies nothing the second time', async () => {
    expect(await applyMigrations(db)).toEqual({ applied: [] });
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM _prisma_migrations');
    expect(rows[0]!.n).toBe(migrationNames.length);
  });

  it('creates the schema', async () => {
    const { rows } = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    const tables = rows.map((r) => r.table_name);
    for (const t of ['department', 'check_item', 'target', 'task', 'draw', 'inspection_record', 'item_result', 'audit_event', 'app_user']) {
      expect(tables).toContain(t);
    }
  });

  it('enforces the hand-written CHECK constraints and the locked-draw index', async () => {
    const ids = await seedMinimal(db);
    const result = (code: number, item = ids.item) =>
      db.query('INSERT INTO item_result (record_id, department_id, check_item_id, code) VALUES ($1, $2, $3, $4)', [ids.record, ids.dept, item, code]);
    await expect(result(11)).rejects.toThrow(/item_result_code_range/);
    await expect(result(0)).rejects.toThrow(/item_result_code_range/);
    await expect(result(10)).resolves.toBeDefined();

    // KEY items have no ratio cap; GENERAL items must have one.
    await expect(
      db.query(`INSERT INTO check_item (code, name, category, domain, legal_basis, department_id, content, target_type, ratio_cap_bp)
                VALUES ('K1', 'k', 'KEY', 'd', 'l', $1, 'c', 'ENTERPRISE', 100)`, [ids.dept]),
    ).rejects.toThrow(/check_item_ratio_cap_by_category/);
    await expect(
      db.query(`INSERT INTO check_item (code, name, category, domain, legal_basis, department_id, content, target_type)
                VALUES ('G1', 'g', 'GENERAL', 'd', 'l', $1, 'c', 'ENTERPRISE')`, [ids.dept]),
    ).rejects.toThrow(/check_item_ratio_cap_by_category/);
    await expect(db.query(`UPDATE check_item SET ratio_cap_bp = 10001 WHERE id = $1`, [ids.item])).rejects.toThrow(/ratio_cap_bp_range/);

    await expect(db.query(`UPDATE target SET uscc = '91350100M000100I43' WHERE id = $1`, [ids.target])).rejects.toThrow(/target_uscc_format/);
    await expect(db.query(`UPDATE target SET uscc = 'ABC' WHERE id = $1`, [ids.target])).rejects.toThrow(/target_uscc_format/);
    await expect(db.query(`UPDATE target SET complaint_count = -1 WHERE id = $1`, [ids.target])).rejects.toThrow(/complaint_count/);
    await expect(db.query(`UPDATE task SET window_end = '2022-02-01' WHERE id = $1`, [ids.task])).rejects.toThrow(/task_window_order/);
    await expect(db.query(`UPDATE task SET ratio_d_bp = 10001 WHERE id = $1`, [ids.task])).rejects.toThrow(/task_ratio_bp_range/);

    const draw = (status: string) =>
      db.query(
        `INSERT INTO draw (task_id, kind, status, stratified, params, candidate_count, candidate_hash, commitment, server_seed, public_input_source)
         VALUES ($1, 'TARGET', $2, true, '{}', 1, repeat('a', 64), repeat('b', 64), repeat('c', 64), 'observer')`,
        [ids.task, status],
      );
    await draw('LOCKED');
    await draw('VOIDED');
    await draw('VOIDED');
    await expect(draw('LOCKED')).rejects.toThrow(/draw_one_locked_target_draw_per_task/);
  });

  it('keeps audit_event append-only', async () => {
    await db.query(
      `INSERT INTO audit_event (actor_kind, operation, entity, prev_hash, hash) VALUES ('user', 'create', 'task', repeat('0', 64), repeat('1', 64))`,
    );
    await expect(db.query(`UPDATE audit_event SET operation = 'x'`)).rejects.toThrow(/audit_event is append-only/);
    await expect(db.query(`DELETE FROM audit_event`)).rejects.toThrow(/audit_event is append-only/);
    await expect(db.exec(`TRUNCATE audit_event`)).rejects.toThrow(/audit_event is append-only/);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    expect(rows[0]!.n).toBe(1);
  });
});

describe('applyMigrations safety', () => {
  it('refuses when an applied migration was edited, and applies a new one', async () => {
    const dir = copyMigrations();
    const db = new PGlite();
    try {
      expect((await applyMigrations(db, { dir })).applied).toEqual(migrationNames);

      const first = path.join(dir, migrationNames[0]!, 'migration.sql');
      const original = readFileSync(first, 'utf8');
      writeFileSync(first, original + '\n-- sneaky edit\n');
      await expect(applyMigrations(db, { dir })).rejects.toThrow(/modified since: .*_init/);

      writeFileSync(first, original.replace(/\n/g, '\r\n')); // a CRLF checkout of the same file is fine
      expect(await applyMigrations(db, { dir })).toEqual({ applied: [] });

      writeFileSync(first, original);
      mkdirSync(path.join(dir, '99990101000000_extra'));
      writeFileSync(path.join(dir, '99990101000000_extra', 'migration.sql'), 'CREATE TABLE extra_one (id int);\nCREATE TABLE extra_two (id int);\n');
      const logs: string[] = [];
      expect(await applyMigrations(db, { dir, log: (m) => logs.push(m) })).toEqual({ applied: ['99990101000000_extra'] });
      expect(logs.join('\n')).toContain('applying 99990101000000_extra');
    } finally {
      await db.close();
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it('rolls the whole run back when a migration fails', async () => {
    const dir = copyMigrations();
    const db = new PGlite();
    try {
      mkdirSync(path.join(dir, '99990101000000_broken'));
      writeFileSync(path.join(dir, '99990101000000_broken', 'migration.sql'), 'CREATE TABLE fine (id int);\nSELECT * FROM no_such_table;\n');
      await expect(applyMigrations(db, { dir })).rejects.toThrow(/migration 99990101000000_broken failed: .*no_such_table/);
      const { rows } = await db.query<{ t: string | null; m: string | null }>(
        `SELECT to_regclass('public.department')::text AS t, to_regclass('public._prisma_migrations')::text AS m`,
      );
      expect(rows[0]).toEqual({ t: null, m: null });
    } finally {
      await db.close();
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)('applyMigrations on PostgreSQL', () => {
  // The describe body runs even when skipped: touch DATABASE_URL only inside hooks and tests.
  const adminUrl = process.env.DATABASE_URL ?? '';
  const dbName = `migrate_test_${randomBytes(6).toString('hex')}`;
  const dbUrl = () => {
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    return u.toString();
  };

  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  });
  afterAll(async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  });

  it('three concurrent appliers on an empty database apply everything exactly once', async () => {
    const clients = [0, 1, 2].map(() => new pg.Client({ connectionString: dbUrl() }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const results = await Promise.all(clients.map((c) => applyMigrations(pgRawDriver(c))));
      const appliers = results.filter((r) => r.applied.length > 0);
      expect(appliers).toHaveLength(1);
      expect(appliers[0]!.applied).toEqual(migrationNames);
      expect(results.filter((r) => r.applied.length === 0)).toHaveLength(2);

      const { rows } = await clients[0]!.query<{ migration_name: string; n: number }>(
        'SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY migration_name ORDER BY migration_name',
      );
      expect(rows).toEqual(migrationNames.map((migration_name) => ({ migration_name, n: 1 })));

      // The hand-written integrity holds on PostgreSQL too.
      const raw = pgRawDriver(clients[0]!);
      const ids = await seedMinimal(raw);
      await expect(
        raw.query('INSERT INTO item_result (record_id, department_id, check_item_id, code) VALUES ($1, $2, $3, 11)', [ids.record, ids.dept, ids.item]),
      ).rejects.toThrow(/item_result_code_range/);
      await raw.query(`INSERT INTO audit_event (actor_kind, operation, entity, prev_hash, hash) VALUES ('u', 'o', 'e', repeat('0', 64), repeat('1', 64))`);
      await expect(raw.query(`DELETE FROM audit_event`)).rejects.toThrow(/audit_event is append-only/);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });
});
