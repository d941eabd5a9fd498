// Demo seeding: the 17 departments, ≥ 5,000 targets with valid unified social credit codes, ≥ 120 inspectors,
// the official calendar, determinism (same rngSeed → same USCCs), idempotence, and the SQL-side scale generator.
// Runs on a fresh in-memory PGlite per database (test/helpers/db.ts), or on PostgreSQL when DATABASE_URL is set.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { addScaleTargets, seedDemo, type SeedSummary } from '../../server/src/db/seed.ts';
import { isValidUscc } from '../../server/src/shared/uscc.ts';
import { OFFICIAL_CALENDAR } from '../../server/src/shared/calendar-data.ts';

async function usccHash(db: Database): Promise<{ count: number; hash: string }> {
  const { rows } = await db.raw.query<{ uscc: string }>('SELECT uscc FROM target ORDER BY uscc');
  return { count: rows.length, hash: createHash('sha256').update(rows.map((r) => r.uscc).join('\n')).digest('hex') };
}

describe('official calendar data', () => {
  it('lists make-up working days only on weekends and has unique dates', () => {
    const dates = new Set<string>();
    for (const d of OFFICIAL_CALENDAR) {
      expect(dates.has(d.date), d.date).toBe(false);
      dates.add(d.date);
      if (d.kind === 'WORKDAY') expect([0, 6]).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
    }
    const day = (date: string) => OFFICIAL_CALENDAR.find((d) => d.date === date);
    expect(day('2024-02-04')).toMatchObject({ kind: 'WORKDAY', name: '春节' });
    expect(day('2024-02-18')).toMatchObject({ kind: 'WORKDAY', name: '春节' });
    expect(day('2024-10-12')).toMatchObject({ kind: 'WORKDAY', name: '国庆节' });
    expect(day('2025-02-08')).toMatchObject({ kind: 'WORKDAY', name: '春节' });
    expect(day('2027-02-06')).toMatchObject({ kind: 'HOLIDAY', name: '春节', provisional: true });
    expect(OFFICIAL_CALENDAR.filter((d) => d.date < '2027-01-01').every((d) => !d.provisional)).toBe(true);
  });
});

describe('seedDemo', () => {
  let db: Database & { drop(): Promise<void> };
  let summary: SeedSummary;

  beforeAll(async () => {
    db = await createTestDatabase();
    summary = await seedDemo(db, { rngSeed: 42 });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('writes the 17 departments with exactly one office host (市场监管局)', async () => {
    expect(summary.skipped).toBe(false);
    const { rows } = await db.raw.query<{ code: string; short_name: string; is_office_host: boolean; liaison_name: string | null }>(
      'SELECT code, short_name, is_office_host, liaison_name FROM department ORDER BY sort_order',
    );
    expect(rows).toHaveLength(17);
    expect(new Set(rows.map((r) => r.code)).size).toBe(17);
    const hosts = rows.filter((r) => r.is_office_host);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.short_name).toBe('市场监管局');
    expect(rows.every((r) => r.liaison_name)).toBe(true);
  });

  it('writes ≥ 5,000 targets, every USCC valid (GB 32100) and unique, each in 1–3 departments’ pools', async () => {
    const { rows } = await db.raw.query<{ uscc: string }>('SELECT uscc FROM target');
    expect(rows.length).toBeGreaterThanOrEqual(5000);
    const bad = rows.filter((r) => !isValidUscc(r.uscc));
    expect(bad).toEqual([]);
    expect(new Set(rows.map((r) => r.uscc)).size).toBe(rows.length);
    const { rows: depts } = await db.raw.query<{ min: number; max: number; orphans: number }>(`
      SELECT min(n)::int AS min, max(n)::int AS max,
             (SELECT count(*)::int FROM target t WHERE NOT EXISTS (SELECT 1 FROM target_pool_member m WHERE m.target_id = t.id)) AS orphans
      FROM (SELECT m.target_id, count(DISTINCT p.department_id) AS n
            FROM target_pool_member m JOIN target_pool p ON p.id = m.pool_id GROUP BY m.target_id) x`);
    expect(depts[0]).toEqual({ min: 1, max: 3, orphans: 0 });
  });

  it('has a realistic risk mix and flags', async () => {
    const { rows } = await db.raw.query<{ risk_class: string; share: number }>(
      `SELECT risk_class::text, count(*)::float / (SELECT count(*) FROM target) AS share FROM target GROUP BY 1`,
    );
    const share = Object.fromEntries(rows.map((r) => [r.risk_class, r.share]));
    expect(share.A).toBeGreaterThan(0.17);
    expect(share.A).toBeLessThan(0.23);
    expect(share.B).toBeGreaterThan(0.51);
    expect(share.D).toBeGreaterThan(0.05);
    const { rows: f } = await db.raw.query<{ abnormal: number; key: number; serious: number; dereg: number; complained: number }>(`
      SELECT avg(on_abnormal_list::int)::float AS abnormal, avg(on_key_attention_list::int)::float AS key,
             avg(serious_violation::int)::float AS serious, count(*) FILTER (WHERE status = 'DEREGISTERED')::int AS dereg,
             avg((complaint_count > 0)::int)::float AS complained FROM target`);
    expect(f[0]!.abnormal).toBeGreaterThan(0.015);
    expect(f[0]!.abnormal).toBeLessThan(0.05);
    expect(f[0]!.key).toBeGreaterThan(0.008);
    expect(f[0]!.serious).toBeGreaterThan(0.003);
    expect(f[0]!.dereg).toBeGreaterThan(0);
    expect(f[0]!.complained).toBeGreaterThan(0.05);
  });

  it('writes ≥ 120 inspectors (≥ 4 per department, most in 市场监管局) with unique certificates', async () => {
    const { rows } = await db.raw.query<{ code: string; n: number; experts: number; inactive: number }>(`
      SELECT d.code, count(i.id)::int AS n, count(*) FILTER (WHERE i.is_third_party_expert)::int AS experts,
             count(*) FILTER (WHERE NOT i.active)::int AS inactive
      FROM department d LEFT JOIN inspector i ON i.department_id = d.id GROUP BY d.code`);
    const total = rows.reduce((a, r) => a + r.n, 0);
    expect(total).toBeGreaterThanOrEqual(120);
    expect(Math.min(...rows.map((r) => r.n))).toBeGreaterThanOrEqual(4);
    const scjgj = rows.find((r) => r.code === 'SCJGJ')!;
    expect(scjgj.n).toBe(Math.max(...rows.map((r) => r.n)));
    expect(rows.reduce((a, r) => a + r.experts, 0)).toBeGreaterThan(0);
    expect(rows.reduce((a, r) => a + r.inactive, 0)).toBeGreaterThan(0);
    const { rows: c } = await db.raw.query<{ n: number; leaves: number; recusals: number }>(
      `SELECT count(DISTINCT certificate_no)::int AS n, (SELECT count(*)::int FROM inspector_leave) AS leaves,
              (SELECT count(*)::int FROM recusal) AS recusals FROM inspector`,
    );
    expect(c[0]!.n).toBe(total);
    expect(c[0]!.leaves).toBeGreaterThan(0);
    expect(c[0]!.recusals).toBeGreaterThan(0);
  });

  it('writes the official calendar, e.g. 2024: 02-04 make-up working day, 02-12 春节 holiday', async () => {
    const { rows } = await db.raw.query<{ date: string; kind: string; name: string }>(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind::text, name FROM calendar_day WHERE date BETWEEN '2024-01-01' AND '2024-12-31' ORDER BY date`,
    );
    expect(rows.length).toBeGreaterThan(20);
    expect(rows).toContainEqual({ date: '2024-02-04', kind: 'WORKDAY', name: '春节' });
    expect(rows).toContainEqual({ date: '2024-02-12', kind: 'HOLIDAY', name: '春节' });
    expect(rows).toContainEqual({ date: '2024-10-12', kind: 'WORKDAY', name: '国庆节' });
    const { rows: all } = await db.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM calendar_day');
    expect(all[0]!.n).toBe(OFFICIAL_CALENDAR.length);
  });

  it('writes item lists, the published 2022 joint plan with a version row, and tasks in several states', async () => {
    const { rows: items } = await db.raw.query<{ category: string; ok: boolean }>(
      `SELECT category::text, bool_and(CASE WHEN category = 'GENERAL' THEN ratio_cap_bp BETWEEN 300 AND 1000 ELSE ratio_cap_bp IS NULL END) AS ok
       FROM check_item GROUP BY 1 ORDER BY 1`,
    );
    expect(items.map((r) => r.category)).toEqual(['GENERAL', 'KEY']);
    expect(items.every((r) => r.ok)).toBe(true);
    const { rows: lists } = await db.raw.query<{ kind: string; n: number }>(
      `SELECT kind::text, count(*)::int AS n FROM item_list WHERE status = 'PUBLISHED' AND year = 2022 GROUP BY 1 ORDER BY 1`,
    );
    expect(lists).toEqual([{ kind: 'DEPARTMENT', n: 17 }, { kind: 'JOINT', n: 1 }]);
    const { rows: plans } = await db.raw.query<{ id: string; status: string; versions: number; parts: number; participants: number }>(`
      SELECT p.id, p.status::text, (SELECT count(*)::int FROM plan_version v WHERE v.plan_id = p.id) AS versions,
             (SELECT count(*)::int FROM plan c WHERE c.joint_plan_id = p.id) AS parts,
             (SELECT count(*)::int FROM plan_participant x WHERE x.plan_id = p.id) AS participants
      FROM plan p WHERE p.kind = 'JOINT' AND p.year = 2022`);
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ status: 'PUBLISHED', versions: 1, participants: 17 });
    expect(plans[0]!.parts).toBeGreaterThanOrEqual(3);
    const { rows: tasks } = await db.raw.query<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM task WHERE plan_id = $1 GROUP BY 1`,
      [plans[0]!.id],
    );
    const byStatus = Object.fromEntries(tasks.map((t) => [t.status, t.n]));
    expect(tasks.reduce((a, t) => a + t.n, 0)).toBeGreaterThanOrEqual(6);
    for (const s of ['DRAFT', 'INVITING', 'READY', 'CLOSED']) expect(byStatus[s], s).toBeGreaterThan(0);
    const { rows: pending } = await db.raw.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM task_participant tp JOIN task t ON t.id = tp.task_id WHERE t.status = 'INVITING' AND tp.acceptance = 'PENDING'`,
    );
    expect(pending[0]!.n).toBeGreaterThan(0);
    // Every department initiates or joins at least one joint inspection a year.
    const { rows: joined } = await db.raw.query<{ n: number }>('SELECT count(DISTINCT department_id)::int AS n FROM task_participant');
    expect(joined[0]!.n).toBe(17);
  });

  it('is a no-op the second time', async () => {
    const before = await usccHash(db);
    const again = await seedDemo(db, { rngSeed: 42 });
    expect(again.skipped).toBe(true);
    expect(await usccHash(db)).toEqual(before);
  });

  it('is deterministic: the same rngSeed gives the same USCCs in another database', async () => {
    const other = await createTestDatabase();
    try {
      const s = await seedDemo(other, { rngSeed: 42 });
      expect(s.targets).toBe(summary.targets);
      expect(await usccHash(other)).toEqual(await usccHash(db));
    } finally {
      await other.drop();
    }
  });

  it('addScaleTargets adds 20,000 valid, unique targets with pool memberships', async () => {
    const before = await usccHash(db);
    const res = await addScaleTargets(db, 20_000, { batchSize: 7_000 });
    expect(res.added).toBe(20_000);
    expect(res.poolMembers).toBeGreaterThanOrEqual(20_000);
    const { rows } = await db.raw.query<{ uscc: string; in_pool: boolean }>(
      `SELECT t.uscc, EXISTS (SELECT 1 FROM target_pool_member m WHERE m.target_id = t.id) AS in_pool
       FROM target t WHERE substr(t.uscc, 9, 2) = 'MC'`,
    );
    expect(rows).toHaveLength(20_000);
    expect(rows.filter((r) => !isValidUscc(r.uscc))).toEqual([]);
    expect(rows.every((r) => r.in_pool)).toBe(true);
    const after = await usccHash(db);
    expect(after.count).toBe(before.count + 20_000);
    const { rows: distinct } = await db.raw.query<{ n: number }>('SELECT count(DISTINCT uscc)::int AS n FROM target');
    expect(distinct[0]!.n).toBe(after.count);
    // A second call continues the sequence instead of colliding.
    const more = await addScaleTargets(db, 500);
    expect(more.firstSeq).toBe(res.lastSeq + 1);
  });

  it('addScaleTargets refuses an empty database and writes nothing', async () => {
    const empty = await createTestDatabase();
    try {
      await expect(addScaleTargets(empty, 10)).rejects.toThrow(/seedDemo first/);
      const { rows } = await empty.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM target');
      expect(rows[0]!.n).toBe(0);
    } finally {
      await empty.drop();
    }
  });
});
