// The report rollup (report.rollup.ts, docs/REPORTS.md "The rollup"), on PGlite and PostgreSQL:
// - every figure of the report read from the rollup equals the same figure computed from the rows (the definition),
//   for every period kind, per department and in total, at two evaluation dates — on the known dataset of
//   reports.test.ts (loaded directly, then rebuilt) plus tasks taken through the real write paths: result entry and
//   change, publication per record and per task (late and on time), approved (twice) and rejected corrections, a task
//   spanning two quarters, a cancelled task and a re-issued one; the stored rollup is checked against the rows after
//   every one of those writes;
// - concurrent record writes on one task keep it exact (PostgreSQL);
// - rebuild (all, one task) is idempotent; checkRollup finds a corrupted row and rebuild repairs it; a corrupted
//   rollup makes the two report paths differ (so the comparison can fail).
import { beforeAll, describe, expect, it } from 'vitest';
import { db, prisma } from '../../server/src/db/database.ts';
import { report, type ReportArgs } from '../../server/src/modules/report/report.service.ts';
import { checkRollup, rebuildRollup } from '../../server/src/modules/report/report.rollup.ts';
import type { Actor } from '../../server/src/modules/access/actor.ts';
import { useTestDatabase, onPostgres } from '../helpers/db.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { userActor } from '../helpers/auth.ts';
import { reportDataset } from '../fixtures/reports.ts';
import { DECIDE_CORRECTION, ENTER_RESULTS, PUBLISH_PART, PUBLISH_TASK_PART, REQUEST_CORRECTION, SAVE_RECORD, recordScenario, type RecordScenario } from '../fixtures/records.ts';

useTestDatabase();

type Headers = Record<string, string>;
let office: Actor;

/** The periods compared: every kind, both years of data, a year to date inside and one outside the data. */
const PERIODS: Omit<ReportArgs, 'source'>[] = [
  ...[2025, 2026].flatMap((year) => [1, 2, 3, 4].map((quarter) => ({ kind: 'QUARTER' as const, year, quarter }))),
  { kind: 'YEAR', year: 2025 },
  { kind: 'YEAR', year: 2026 },
  { kind: 'YEAR_TO_DATE', year: 2025, asOf: '2025-05-15' },
  { kind: 'YEAR_TO_DATE', year: 2026, asOf: '2026-11-30' },
];
/** Evaluation dates: today (deadlines of 2026 partly passed) and one in 2025 (most pairs not yet due). */
const TODAYS = [undefined, '2025-06-01'];

const strip = ({ generatedAt: _g, ...r }: Awaited<ReturnType<typeof report>>) => r;

/**
 * Every figure of the given periods (default: all of PERIODS at both evaluation dates), rollup against rows; and the
 * stored rollup against the rows. Returns a checksum of the figures.
 */
async function expectSame(label: string, periods = PERIODS, todays = TODAYS): Promise<number> {
  let sum = 0;
  for (const today of todays)
    for (const p of periods) {
      const args = { ...p, ...(today ? { today } : {}) };
      const fromRollup = strip(await report({ actor: office }, { ...args, source: 'rollup' }));
      const fromRows = strip(await report({ actor: office }, { ...args, source: 'rows' }));
      expect(fromRollup, `${label}: ${JSON.stringify(args)}`).toEqual(fromRows);
      for (const s of [fromRows.total, ...fromRows.departments]) for (const f of s.figures) sum += f.numerator + (f.denominator ?? 0);
    }
  expect(await checkRollup(db().raw), label).toEqual([]);
  return sum;
}

beforeAll(async () => {
  await reportDataset();
  await rebuildRollup(db());
  const u = await userActor('OFFICE_ADMIN', null);
  office = { kind: 'user', id: u.userId, name: null, role: 'OFFICE_ADMIN', departmentId: null, isDepartmentHead: false, inspectorId: null, scopes: [], sessionId: null };
});

/** After each single write: the quarter the write's task is placed in and the year, today (the full set ends each test). */
const quick = (label: string, quarter: number) => expectSame(label, [{ kind: 'QUARTER', year: 2026, quarter }, { kind: 'YEAR', year: 2026 }], [undefined]);
const iso = (x: Date) => x.toISOString().slice(0, 10);
const save = async (s: RecordScenario, i: number, headers: Headers) => {
  const targetId = s.drawn[i]!.targetId;
  const input = {
    taskId: s.task.id, targetId, inspectorIds: s.teamOf(targetId), inspectedOn: s.window[0], methods: ['ON_SITE'], onSite: true,
    disposalOpinion: null, remarks: null, signatureStatus: 'SIGNED', signatoryName: '张三',
  };
  return (await gqlOk<{ saveRecord: { id: string } }>(SAVE_RECORD, { input }, headers)).saveRecord.id;
};
const enter = async (recordId: string, results: { checkItemId: string; code: number }[], headers: Headers) =>
  (await gqlOk<{ enterItemResults: { results: { id: string; checkItem: { id: string } }[] } }>(ENTER_RESULTS, { recordId, results }, headers)).enterItemResults.results;
/** Lead department's two items and the other department's one. */
async function complete(s: RecordScenario, recordId: string, lead: [number, number], other: number) {
  await enter(recordId, s.items.lead.map((it, i) => ({ checkItemId: it.id, code: lead[i]! })), s.actors.leadInspector.headers);
  return enter(recordId, [{ checkItemId: s.items.other[0]!.id, code: other }], s.actors.otherInspector.headers);
}
const resultId = async (recordId: string, checkItemId: string) =>
  (await prisma().itemResult.findUniqueOrThrow({ where: { recordId_checkItemId: { recordId, checkItemId } }, select: { id: true } })).id;
async function correct(s: RecordScenario, itemResultId: string, newCode: number, approve: boolean) {
  const c = (await gqlOk<{ requestCorrection: { id: string } }>(REQUEST_CORRECTION, { input: { itemResultId, newCode, reason: '核查发现录入错误' } }, s.actors.leadAdmin.headers)).requestCorrection;
  await gqlOk(DECIDE_CORRECTION, { id: c.id, approve, note: approve ? '核实无误' : '证据不足' }, s.actors.leadHead.headers);
}

describe('the rollup equals the rows', () => {
  it('on the known dataset, loaded directly and rebuilt', async () => {
    expect(await expectSame('dataset')).toBeGreaterThan(0);
  });

  it('through result entry, changes, publication and corrections on a task spanning Q1/Q2 (published late)', async () => {
    const s = await recordScenario({ window: ['2026-03-20', '2026-04-10'], targets: 3 });
    const [r1, r2, r3] = [await save(s, 0, s.actors.leadInspector.headers), await save(s, 1, s.actors.otherInspector.headers), await save(s, 2, s.actors.leadInspector.headers)];
    await quick('records saved, no results', 2);
    await enter(r1, s.items.lead.map((it, i) => ({ checkItemId: it.id, code: [1, 9][i]! })), s.actors.leadInspector.headers);
    await quick('r1: lead results', 2);
    await enter(r1, [{ checkItemId: s.items.other[0]!.id, code: 5 }], s.actors.otherInspector.headers);
    await quick('r1: other result (a problem)', 2);
    await enter(r1, [{ checkItemId: s.items.other[0]!.id, code: 1 }], s.actors.otherInspector.headers);
    await quick('r1: other result changed before publication', 2);
    await complete(s, r2, [10, 1], 1);
    await enter(r3, [{ checkItemId: s.items.lead[0]!.id, code: 4 }], s.actors.leadInspector.headers); // r3 partly entered
    await quick('r2 complete, r3 partial', 2);
    await gqlOk(PUBLISH_PART, { recordId: r1, departmentId: s.lead.id }, s.actors.leadAdmin.headers);
    await quick('r1: lead part published (late)', 2);
    const batch = (await gqlOk<{ publishTaskPart: unknown[] }>(PUBLISH_TASK_PART, { taskId: s.task.id, departmentId: s.other.id }, s.actors.otherAdmin.headers)).publishTaskPart;
    expect(batch).toHaveLength(2); // r1 and r2; r3 has no result of the other department
    await quick('other department publishes the task', 2);
    const first = await resultId(r1, s.items.lead[0]!.id);
    await correct(s, first, 8, true);
    await quick('correction 1 → 8 approved', 2);
    await correct(s, first, 3, true);
    await quick('second correction 8 → 3 approved (the latest counts)', 2);
    await correct(s, first, 1, false);
    await quick('correction rejected', 2);
    await expectSame('after all writes on the task');
    const q2 = await report({ actor: office }, { kind: 'QUARTER', year: 2026, quarter: 2 });
    const f = Object.fromEntries(q2.total.figures.map((x) => [x.key, x]));
    // the task counts in Q2 (its inspection end), with its 3 records, 2 of them with a problem (r1's 3, r2's 10)
    expect([f.targetsInspected!.numerator, f.problemRate!.numerator, f.publicationRate!.numerator, f.onTimePublicationRate!.numerator]).toEqual([3, 2, 3, 0]);
  });

  it('a task published on time, a cancelled task and a re-issued task', async () => {
    const onTime = await recordScenario({ window: ['2026-11-02', '2026-11-20'], targets: 2 });
    for (const i of [0, 1]) await complete(onTime, await save(onTime, i, onTime.actors.leadInspector.headers), [1, 5], 9);
    await gqlOk(PUBLISH_TASK_PART, { taskId: onTime.task.id, departmentId: onTime.lead.id }, onTime.actors.leadAdmin.headers);
    await gqlOk(PUBLISH_TASK_PART, { taskId: onTime.task.id, departmentId: onTime.other.id }, onTime.actors.otherAdmin.headers);
    expect((await prisma().task.findUniqueOrThrow({ where: { id: onTime.task.id } })).status).toBe('PUBLISHED');
    await quick('published on time', 4);

    const cancelled = await recordScenario({ window: ['2026-07-01', '2026-07-31'], targets: 2 });
    await complete(cancelled, await save(cancelled, 0, cancelled.actors.leadInspector.headers), [2, 1], 10);
    await quick('before cancelling', 3);
    await gqlOk(`mutation($id: ID!) { cancelTask(taskId: $id, reason: "计划调整") { id } }`, { id: cancelled.task.id }, cancelled.actors.office.headers);
    await quick('cancelled (the rollup keeps its rows; the report leaves them out)', 3);

    const stalled = await recordScenario({ window: ['2026-08-01', '2026-08-20'], targets: 2 });
    await complete(stalled, await save(stalled, 0, stalled.actors.leadInspector.headers), [4, 1], 7);
    const future = (n: number) => iso(new Date(Date.now() + n * 86_400_000));
    const reissued = await gql(`mutation($input: ReissueTaskInput!) { reissueTask(input: $input) { id status } }`, {
      input: { taskId: stalled.task.id, reason: '执行期限已过', windowStart: future(10), windowEnd: future(40), restrictToUninspected: true },
    }, stalled.actors.office.headers);
    expect(reissued.errors).toBeUndefined();
    expect((await prisma().task.findUniqueOrThrow({ where: { id: stalled.task.id } })).status).toBe('REISSUED');
    await expectSame('re-issued (its records still count, the task does not)');
  });
});

describe('concurrent writes on one task', () => {
  it.runIf(onPostgres)('results and publications of four records at once stay exact (PostgreSQL)', async () => {
    const s = await recordScenario({ window: ['2026-09-01', '2026-09-25'], targets: 4 });
    const records = await Promise.all([0, 1, 2, 3].map((i) => save(s, i, s.actors.leadInspector.headers)));
    await Promise.all(records.flatMap((r, i) => [
      enter(r, s.items.lead.map((it, j) => ({ checkItemId: it.id, code: [1 + i, 9][j]! })), s.actors.leadInspector.headers),
      enter(r, [{ checkItemId: s.items.other[0]!.id, code: 10 - i }], s.actors.otherInspector.headers),
    ]));
    await Promise.all(records.map((r, i) => gqlOk(PUBLISH_PART, { recordId: r, departmentId: i % 2 ? s.lead.id : s.other.id }, i % 2 ? s.actors.leadAdmin.headers : s.actors.otherAdmin.headers)));
    await quick('concurrent writes', 3);
    // two corrections of one record decided at once: each changes the record's problem flag and codes; the decision
    // takes the task lock before the rollup, so the second sees the first
    const rec = records[1]!; // lead part published, codes 2 (a problem) and 9
    const corrections = [];
    for (const [j, newCode] of [[0, 1], [1, 10]] as const) {
      const itemResultId = await resultId(rec, s.items.lead[j]!.id);
      corrections.push((await gqlOk<{ requestCorrection: { id: string } }>(REQUEST_CORRECTION, { input: { itemResultId, newCode, reason: '复核' } }, s.actors.leadAdmin.headers)).requestCorrection.id);
    }
    await Promise.all(corrections.map((id) => gqlOk(DECIDE_CORRECTION, { id, approve: true, note: '批准' }, s.actors.leadHead.headers)));
    await expectSame('concurrent correction decisions');
  });
});

describe('rebuild and check', () => {
  const snapshot = async () => ({
    t: await prisma().reportTask.findMany({ orderBy: { taskId: 'asc' } }),
    d: await prisma().reportTaskDepartment.findMany({ orderBy: [{ taskId: 'asc' }, { departmentId: 'asc' }] }),
    i: await prisma().reportTaskItem.findMany({ orderBy: [{ taskId: 'asc' }, { checkItemId: 'asc' }] }),
  });
  const nonZero = (x: Awaited<ReturnType<typeof snapshot>>) => ({
    t: x.t.filter((r) => r.records),
    d: x.d.filter((r) => r.pairs),
    i: x.i.filter((r) => r.results),
  });

  it('rebuilding is idempotent and keeps what the writes maintained', async () => {
    const kept = nonZero(await snapshot());
    expect(kept.d.length).toBeGreaterThan(5);
    const first = await rebuildRollup(db());
    const once = await snapshot();
    expect(nonZero(once)).toEqual(kept);
    expect(await rebuildRollup(db())).toEqual(first);
    expect(await snapshot()).toEqual(once);
  });

  it('a corrupted row is found, makes the two paths differ, and a rebuild of its task repairs it', async () => {
    const row = (await prisma().reportTaskDepartment.findFirstOrThrow({ where: { pairs: { gt: 0 }, task: { status: { notIn: ['CANCELLED'] } } }, include: { task: { select: { inspectionEndOn: true } } } }));
    await prisma().reportTaskDepartment.update({ where: { taskId_departmentId: { taskId: row.taskId, departmentId: row.departmentId } }, data: { c1: { increment: 1 }, published: { increment: 1 } } });
    const diff = await checkRollup(db().raw);
    expect(diff).toEqual([
      { table: 'report_task_department', taskId: row.taskId, key: row.departmentId, stored: expect.objectContaining({ c1: row.c1 + 1, published: row.published + 1 }), computed: expect.objectContaining({ c1: row.c1, published: row.published }) },
    ]);
    const end = row.task.inspectionEndOn;
    const args = { kind: 'QUARTER' as const, year: end.getUTCFullYear(), quarter: Math.floor(end.getUTCMonth() / 3) + 1 };
    expect(strip(await report({ actor: office }, { ...args, source: 'rollup' }))).not.toEqual(strip(await report({ actor: office }, { ...args, source: 'rows' })));
    await rebuildRollup(db(), [row.taskId]);
    expect(await checkRollup(db().raw)).toEqual([]);
    await expectSame('after the repair');
  });
});
