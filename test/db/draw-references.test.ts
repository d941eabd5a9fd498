// The draw's result tables (draw_target, inspector_assignment) check their references once per statement with
// triggers instead of per-row foreign keys (prisma/migrations/20261203102640_draw_references_per_statement). Each
// rule the foreign keys stated still holds, on PGlite and PostgreSQL; on PostgreSQL also under concurrent deletes.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { db, prisma } from '../../server/src/db/database.ts';
import { onPostgres, useTestDatabase } from '../helpers/db.ts';
import { adminUrl } from '../helpers/global-setup.ts';
import { fakeLockedDraw, makeDepartment, makeTargets, makeTask } from '../fixtures/draws.ts';
import { REFERENCES_CHECKED_BY_TRIGGERS, withoutTriggerCheckedReferences } from '../../scripts/trigger-checked-references.ts';

useTestDatabase();

const ZERO = '0'.repeat(64);
const sqlState = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    const err = e as { code?: string; message?: string; cause?: { code?: string; originalCode?: string }; meta?: { code?: string } };
    return err.code ?? err.cause?.originalCode ?? err.meta?.code ?? String(err.message);
  }
};

async function scenario(targets = 3) {
  const lead = await makeDepartment(2);
  const made = await makeTargets(lead.poolId, targets);
  const list = await prisma().target.findMany({ where: { id: { in: made.map((t) => t.id) } }, select: { id: true, uscc: true }, orderBy: { uscc: 'asc' } });
  const task = await makeTask({ lead });
  const draw = await fakeLockedDraw(task.id, list.slice(0, 2), 2031);
  return { lead, task, draw, targets: list };
}

const insertDrawTarget = (drawId: string, targetId: string, uscc = 'X') =>
  db().raw.query(`insert into draw_target (draw_id, target_id, uscc, stratum, rank, ticket, year) values ($1::uuid, $2::uuid, $3, 'B', 99, $4, 2031)`, [drawId, targetId, uscc.padEnd(18, '0').slice(0, 18), ZERO]);
const insertAssignment = (v: { drawId: string; taskId: string; targetId: string; inspectorId: string; departmentId: string }) =>
  db().raw.query(
    `insert into inspector_assignment (draw_id, task_id, target_id, inspector_id, department_id, role, ticket) values ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, 'LEADER', $6)`,
    [v.drawId, v.taskId, v.targetId, v.inspectorId, v.departmentId, ZERO],
  );

describe('child side: a row must name existing parents', () => {
  it('draw_target refuses a missing target or draw (23503), accepts existing ones', async () => {
    const s = await scenario();
    expect(await sqlState(insertDrawTarget(s.draw.id, crypto.randomUUID()))).toBe('23503');
    expect(await sqlState(insertDrawTarget(crypto.randomUUID(), s.targets[2]!.id))).toBe('23503');
    expect(await sqlState(insertDrawTarget(s.draw.id, s.targets[2]!.id, s.targets[2]!.uscc))).toBe('ok');
    // an update that points a row elsewhere is checked too
    expect(await sqlState(db().raw.query(`update draw_target set target_id = $1::uuid where draw_id = $2::uuid and target_id = $3::uuid`, [crypto.randomUUID(), s.draw.id, s.targets[2]!.id]))).toBe('23503');
  });

  it('inspector_assignment checks all five references', async () => {
    const s = await scenario();
    const ok = { drawId: s.draw.id, taskId: s.task.id, targetId: s.targets[0]!.id, inspectorId: s.lead.inspectors[0]!.id, departmentId: s.lead.id };
    for (const key of ['drawId', 'taskId', 'targetId', 'inspectorId', 'departmentId'] as const)
      expect(await sqlState(insertAssignment({ ...ok, [key]: crypto.randomUUID() })), key).toBe('23503');
    expect(await sqlState(insertAssignment(ok))).toBe('ok');
  });
});

describe('parent side', () => {
  it('a referenced target, inspector, department or task cannot be deleted; an unreferenced target can', async () => {
    const s = await scenario();
    await insertAssignment({ drawId: s.draw.id, taskId: s.task.id, targetId: s.targets[0]!.id, inspectorId: s.lead.inspectors[0]!.id, departmentId: s.lead.id });
    expect(await sqlState(db().raw.query(`delete from target where id = $1::uuid`, [s.targets[1]!.id]))).toBe('23503'); // in draw_target only
    expect(await sqlState(db().raw.query(`delete from inspector where id = $1::uuid`, [s.lead.inspectors[0]!.id]))).toBe('23503');
    expect(await sqlState(db().raw.query(`delete from task where id = $1::uuid`, [s.task.id]))).not.toBe('ok');
    expect(await sqlState(db().raw.query(`delete from department where id = $1::uuid`, [s.lead.id]))).not.toBe('ok');
    // the third target is in no draw
    await db().raw.query(`delete from target_pool_member where target_id = $1::uuid`, [s.targets[2]!.id]);
    expect(await sqlState(db().raw.query(`delete from target where id = $1::uuid`, [s.targets[2]!.id]))).toBe('ok');
    expect(await prisma().target.count({ where: { id: { in: s.targets.slice(0, 2).map((t) => t.id) } } })).toBe(2);
  });

  it('deleting a draw deletes its rows (ON DELETE CASCADE)', async () => {
    const s = await scenario();
    await insertAssignment({ drawId: s.draw.id, taskId: s.task.id, targetId: s.targets[0]!.id, inspectorId: s.lead.inspectors[0]!.id, departmentId: s.lead.id });
    await db().raw.query(`delete from draw where id = $1::uuid`, [s.draw.id]);
    expect(await prisma().drawTarget.count({ where: { drawId: s.draw.id } })).toBe(0);
    expect(await prisma().inspectorAssignment.count({ where: { drawId: s.draw.id } })).toBe(0);
  });

  it('ids never change, and a parent is not truncated under draw results', async () => {
    const s = await scenario();
    expect(await sqlState(db().raw.query(`update target set id = gen_random_uuid() where id = $1::uuid`, [s.targets[0]!.id]))).toBe('23503');
    expect(await sqlState(db().raw.query(`update draw set id = gen_random_uuid() where id = $1::uuid`, [s.draw.id]))).toBe('23503');
    expect(await sqlState(db().raw.exec(`truncate draw cascade`))).toBe('23503');
    // an ordinary update of a target is untouched by the id guard
    expect(await sqlState(db().raw.query(`update target set name = name || '' where id = $1::uuid`, [s.targets[0]!.id]))).toBe('ok');
  });
});

describe.runIf(onPostgres)('concurrent deletes (PostgreSQL)', () => {
  async function clients() {
    const [{ name }] = (await db().raw.query<{ name: string }>(`select current_database() as name`)).rows;
    const url = adminUrl(process.env.DATABASE_URL!, name);
    const a = new pg.Client({ connectionString: url });
    const b = new pg.Client({ connectionString: url });
    await Promise.all([a.connect(), b.connect()]);
    return { a, b, end: () => Promise.all([a.end(), b.end()]) };
  }

  it('a delete waits for a draw that is writing rows for that target, then is refused', async () => {
    const s = await scenario();
    await db().raw.query(`delete from target_pool_member where target_id = $1::uuid`, [s.targets[2]!.id]);
    const { a, b, end } = await clients();
    try {
      await a.query('begin');
      await a.query(`insert into draw_target (draw_id, target_id, uscc, stratum, rank, ticket, year) values ($1::uuid, $2::uuid, $3, 'B', 9, $4, 2031)`, [s.draw.id, s.targets[2]!.id, s.targets[2]!.uscc, ZERO]);
      const del = b.query(`delete from target where id = $1::uuid`, [s.targets[2]!.id]).then(() => 'ok', (e: { code?: string }) => e.code);
      await new Promise((r) => setTimeout(r, 300));
      await a.query('commit');
      expect(await del).toBe('23503');
      expect(await prisma().target.count({ where: { id: s.targets[2]!.id } })).toBe(1);
    } finally {
      await end();
    }
  });

  it('a draw writing rows for a target being deleted waits for the delete, then is refused', async () => {
    const s = await scenario();
    await db().raw.query(`delete from target_pool_member where target_id = $1::uuid`, [s.targets[2]!.id]);
    const { a, b, end } = await clients();
    try {
      await b.query('begin');
      await b.query(`delete from target where id = $1::uuid`, [s.targets[2]!.id]);
      const ins = a
        .query(`insert into draw_target (draw_id, target_id, uscc, stratum, rank, ticket, year) values ($1::uuid, $2::uuid, $3, 'B', 9, $4, 2031)`, [s.draw.id, s.targets[2]!.id, s.targets[2]!.uscc, ZERO])
        .then(() => 'ok', (e: { code?: string }) => e.code);
      await new Promise((r) => setTimeout(r, 300));
      await b.query('commit');
      expect(await ins).toBe('23503');
      expect(await prisma().drawTarget.count({ where: { targetId: s.targets[2]!.id } })).toBe(0);
    } finally {
      await end();
    }
  });

  it('under REPEATABLE READ the writer locks what it references, so a concurrent delete cannot slip through', async () => {
    const s = await scenario();
    await db().raw.query(`delete from target_pool_member where target_id = $1::uuid`, [s.targets[2]!.id]);
    const { a, b, end } = await clients();
    try {
      await a.query('begin isolation level repeatable read');
      await a.query('select 1'); // the snapshot is taken here, before the delete commits
      await b.query(`delete from target where id = $1::uuid`, [s.targets[2]!.id]);
      const r = await a
        .query(`insert into draw_target (draw_id, target_id, uscc, stratum, rank, ticket, year) values ($1::uuid, $2::uuid, $3, 'B', 9, $4, 2031)`, [s.draw.id, s.targets[2]!.id, s.targets[2]!.uscc, ZERO])
        .then(() => 'ok', (e: { code?: string }) => e.code);
      await a.query('rollback');
      expect(['40001', '23503']).toContain(r);
    } finally {
      await end();
    }
  });
});

describe('db:migrate:check knows these seven foreign keys are checked by triggers', () => {
  it('drops exactly their ADD CONSTRAINT statements from a diff, nothing else', () => {
    const add = (table: string, name: string, col: string, parent: string) =>
      `-- AddForeignKey\nALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${col}") REFERENCES "${parent}"("id") ON DELETE RESTRICT ON UPDATE CASCADE;`;
    const ours = REFERENCES_CHECKED_BY_TRIGGERS.map((k) => {
      const [table, name] = k.split('.') as [string, string];
      return add(table, name, 'x', 'y');
    });
    expect(withoutTriggerCheckedReferences(ours.join('\n\n'))).toBe('');
    // same constraint name on another table (draw.target_draw_id is also "draw_target_draw_id_fkey") stays
    const other = add('draw', 'draw_target_draw_id_fkey', 'target_draw_id', 'draw');
    const column = `-- AlterTable\nALTER TABLE "task" ADD COLUMN "probe" TEXT;`;
    expect(withoutTriggerCheckedReferences([ours[0], column, ours[1], other].join('\n\n'))).toBe(`${column}\n\n${other}`);
  });
});
