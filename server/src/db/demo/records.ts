// Inspection results for the demo and for load tests, generated in SQL (no per-row work in Node):
// - seedDemoResults(sql): the demo's closed task 2022-SCJGJ-001 gets a locked draw, records, item results,
//   publications (one late), an approved correction and follow-ups, so the console's report page is not empty.
// - addScaleRecords(database, n): n synthetic inspection records spread over synthetic tasks of 2023–2026 (about
//   500 records per task, ~12,500 per quarter for n = 200,000), with draws, item results (one per task item of
//   every participating department), publications, corrections and follow-ups: the data of the report benchmark
//   (bench/report.ts, docs/BENCHMARKS.md). Ids are md5-derived from sequence numbers: same n, same rows.
// Both rebuild the report rollup of the tasks they wrote (report.rollup.ts), in the same transaction.
import type { Database } from '../database.ts';
import { inTransaction, type SqlRunner } from './sql.ts';
import { rebuildWith } from '../../modules/report/report.rollup.ts';
import { endFollowUpEvents, linkCreditForPublished, recomputeRiskClass, relinkCreditForCorrection, type PublishedResult } from '../../modules/credit/credit.service.ts';
import { Audit } from '../../shared/mutation.ts';

const uid = (expr: string) => `md5(${expr})::uuid`;
/** A pseudo-random integer in [0, m) from a number and a salt. */
const h = (expr: string, salt: number, m: number) => `((abs(hashint8extended((${expr})::bigint, ${salt})) % ${m})::int)`;

/** Effective result code from a per-mille bucket: 1 55%, 9 20%, 5 8%, 8 5%, 10 4%, 2 3%, 4 2%, 7 2%, 3 0.5%, 6 0.5%. */
const CODE_OF = (b: string) =>
  `case when ${b} < 550 then 1 when ${b} < 750 then 9 when ${b} < 830 then 5 when ${b} < 880 then 8 when ${b} < 920 then 10
        when ${b} < 950 then 2 when ${b} < 970 then 4 when ${b} < 990 then 7 when ${b} < 995 then 3 else 6 end`;

// ───────────────────────── demo ─────────────────────────

/** Results of the demo's closed task (in the seed's transaction). Returns the number of records written. */
export async function seedDemoResults(sql: SqlRunner): Promise<number> {
  const [task] = await sql.query<{ id: string }>(`SELECT id::text AS id FROM task WHERE code = '2022-SCJGJ-001'`);
  if (!task) return 0;
  const T = `'${task.id}'::uuid`;
  // 30 targets of the task's pool in scope, by USCC; the draw that selected them, locked
  await sql.execute(`
    INSERT INTO draw (id, task_id, kind, status, stratified, params, candidate_count, candidate_hash, commitment, server_seed,
                      public_input_source, public_input, seed, result_hash, selected_count, committed_at, revealed_at, locked_at)
    VALUES (${uid(`'demo-draw-1'`)}, ${T}, 'TARGET', 'LOCKED', true, '{"demo":true}', 30, repeat('a', 64), repeat('b', 64), repeat('c', 64),
            '现场观察员读数', '20220328', repeat('d', 64), repeat('e', 64), 30,
            '2022-03-25 10:00+08', '2022-03-28 10:00+08', '2022-03-28 10:30+08')`);
  await sql.execute(`
    INSERT INTO draw_target (draw_id, target_id, uscc, stratum, rank, ticket, year)
    SELECT ${uid(`'demo-draw-1'`)}, t.id, t.uscc, t.risk_class::text, row_number() OVER (PARTITION BY t.risk_class ORDER BY t.uscc), repeat('f', 64), 2022
      FROM (SELECT DISTINCT t.id, t.uscc, t.risk_class FROM task k JOIN target_pool_member m ON m.pool_id = ANY (k.pool_ids)
              JOIN target t ON t.id = m.target_id WHERE k.id = ${T} AND t.status <> 'DEREGISTERED' ORDER BY t.uscc LIMIT 30) t`);
  const records = await sql.execute(`
    INSERT INTO inspection_record (id, task_id, target_id, draw_id, inspected_on, methods, on_site, signature_status, signatory_name, status, completed_at)
    SELECT ${uid(`'demo-rec-' || dt.uscc`)}, ${T}, dt.target_id, dt.draw_id, date '2022-04-11' + (row_number() OVER (ORDER BY dt.uscc))::int * 2,
           '{ON_SITE}', true, 'SIGNED', '负责人', 'COMPLETE', '2022-06-30 17:00+08'
      FROM draw_target dt WHERE dt.draw_id = ${uid(`'demo-draw-1'`)}`);
  // every participating department publishes its part; YJGLJ's part of the first record is late
  await sql.execute(`
    INSERT INTO publication (id, record_id, department_id, published_at, due_on, on_time)
    SELECT ${uid(`'demo-pub-' || r.id || x.department_id`)}, r.id, x.department_id,
           CASE WHEN late THEN timestamptz '2022-08-02 10:00+08' ELSE timestamptz '2022-07-20 10:00+08' END,
           k.publication_due_on, NOT late
      FROM inspection_record r JOIN task k ON k.id = r.task_id
      JOIN task_participant x ON x.task_id = k.id AND x.acceptance = 'ACCEPTED'
      JOIN department d ON d.id = x.department_id
      CROSS JOIN LATERAL (SELECT d.code = 'YJGLJ' AND r.id = (SELECT id FROM inspection_record WHERE task_id = ${T} ORDER BY id LIMIT 1) AS late) l
     WHERE r.task_id = ${T}`);
  await sql.execute(`
    INSERT INTO item_result (id, record_id, department_id, check_item_id, code, note, entered_at, publication_id)
    SELECT ${uid(`'demo-res-' || r.id || ti.check_item_id`)}, r.id, ti.department_id, ti.check_item_id,
           ${CODE_OF(h(`('x' || substr(md5(r.id::text || ti.check_item_id::text), 1, 15))::bit(60)::bigint`, 7, 1000))},
           NULL, '2022-07-01 10:00+08', p.id
      FROM inspection_record r JOIN task_item ti ON ti.task_id = r.task_id
      JOIN publication p ON p.record_id = r.id AND p.department_id = ti.department_id
     WHERE r.task_id = ${T}`);
  // one approved correction (a result 1 found to be 5), and follow-ups of the problems found: one closed, the rest open
  await sql.execute(`
    INSERT INTO correction (id, item_result_id, publication_id, reason, old_code, new_code, status, due_on, requested_at, decided_at, decision_note)
    SELECT ${uid(`'demo-corr-1'`)}, ir.id, ir.publication_id, '复核发现现场记录存在问题，原结果录入有误', ir.code, 5, 'APPROVED', date '2022-08-10',
           '2022-08-03 09:00+08', '2022-08-05 16:00+08', '经部门负责人批准更正'
      FROM item_result ir JOIN inspection_record r ON r.id = ir.record_id
     WHERE r.task_id = ${T} AND ir.code = 1 ORDER BY ir.id LIMIT 1`);
  await linkDemoCredit(sql, task.id);
  // the report rollup of the task (written by SQL here, not through the services that keep it)
  await rebuildWith(sql, [task.id]);
  return records;
}

/**
 * The credit linkage of the demo's results, by the credit module itself (credit.service.ts, in the seed's
 * transaction): each publication's results linked as at their publication time, the approved correction relinked
 * as at its decision, then the office's paperwork on the first four follow-ups (case numbers; the first closed after
 * re-inspection, which ends its result's follow-up event), and the touched targets' class as of today (the 2022
 * dishonesty records ran out in 2025). What the services would audit is dropped: seeded data has no audit trail.
 */
async function linkDemoCredit(sql: SqlRunner, taskId: string): Promise<void> {
  const audit = new Audit();
  const published = await sql.query<PublishedResult & { publishedAt: Date }>(
    `SELECT ir.id::text AS "itemResultId", r.target_id::text AS "targetId", ir.department_id::text AS "departmentId",
            r.task_id::text AS "taskId", ir.code, p.published_at AS "publishedAt"
       FROM item_result ir JOIN inspection_record r ON r.id = ir.record_id JOIN publication p ON p.id = ir.publication_id
      WHERE r.task_id = $1::uuid ORDER BY p.published_at, ir.id`,
    [taskId],
  );
  const byTime = new Map<number, PublishedResult[]>();
  for (const { publishedAt, ...r } of published) {
    const t = new Date(publishedAt).getTime();
    byTime.set(t, [...(byTime.get(t) ?? []), r]);
  }
  for (const [t, results] of byTime) await linkCreditForPublished(sql.tx, audit, results, new Date(t));
  const corrected = await sql.query<PublishedResult & { oldCode: number; decidedAt: Date }>(
    `SELECT ir.id::text AS "itemResultId", r.target_id::text AS "targetId", ir.department_id::text AS "departmentId",
            r.task_id::text AS "taskId", c.new_code AS code, c.old_code AS "oldCode", c.decided_at AS "decidedAt"
       FROM correction c JOIN item_result ir ON ir.id = c.item_result_id JOIN inspection_record r ON r.id = ir.record_id
      WHERE r.task_id = $1::uuid AND c.status = 'APPROVED' ORDER BY c.decided_at, c.id`,
    [taskId],
  );
  for (const { decidedAt, ...c } of corrected) await relinkCreditForCorrection(sql.tx, audit, c, new Date(decidedAt));
  const followUps = await sql.query<{ id: string; itemResultId: string }>(
    `SELECT id::text, item_result_id::text AS "itemResultId" FROM follow_up WHERE task_id = $1::uuid ORDER BY item_result_id LIMIT 4`,
    [taskId],
  );
  for (const [n, f] of followUps.entries())
    await sql.execute(`UPDATE follow_up SET reference = $2 WHERE id = $1::uuid`, [f.id, `海市监责改〔2022〕${n + 1}号`]);
  const first = followUps[0];
  if (first) {
    const closedAt = new Date('2022-08-20T15:00:00+08:00');
    await sql.execute(`UPDATE follow_up SET status = 'CLOSED', closed_at = $2::timestamptz, closure_note = '整改完成，复查合格', updated_at = $2::timestamptz WHERE id = $1::uuid`, [
      first.id,
      closedAt.toISOString(),
    ]);
    await endFollowUpEvents(sql.tx, audit, [first.itemResultId], closedAt, `后续处置已办结 / follow-up closed (${first.id})`);
  }
  await recomputeRiskClass(sql.tx, audit, [...new Set(published.map((r) => r.targetId))], new Date(), { operation: 'seedDemo' });
}

// ───────────────────────── scale ─────────────────────────

export interface ScaleRecordsSummary {
  tasks: number;
  records: number;
  itemResults: number;
  publications: number;
  corrections: number;
  followUps: number;
  ms: number;
}

const PER_TASK = 500;

/**
 * n synthetic records (see the file comment). One transaction; as superuser the foreign-key triggers are skipped
 * (session_replication_role = replica, transaction-local): every reference is made from rows read in the same
 * statement, and the counts are checked before commit.
 */
export async function addScaleRecords(database: Database, n: number, opts: { log?: (m: string) => void } = {}): Promise<ScaleRecordsSummary> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  const summary = await inTransaction(database, async (sql) => {
    const [{ su }] = await sql.query<{ su: boolean }>(`SELECT current_setting('is_superuser') = 'on' AS su`);
    if (su) await sql.execute('SET LOCAL session_replication_role = replica');
    await sql.execute('SET LOCAL jit = off');
    let t = performance.now();
    const step = (m: string) => {
      log(`records: ${m} (${Math.round(performance.now() - t)} ms)`);
      t = performance.now();
    };
    const [{ k0 }] = await sql.query<{ k0: number }>(`SELECT count(*)::int AS k0 FROM task WHERE code LIKE 'SCALE-%'`);
    const tasks = Math.ceil(n / PER_TASK);
    await sql.execute(`CREATE TEMP TABLE s_dept ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY d.code) - 1)::int AS i, d.id, array_agg(ci.id ORDER BY ci.code) AS items
        FROM department d JOIN check_item ci ON ci.department_id = d.id AND ci.active WHERE d.active GROUP BY d.id, d.code`);
    const [{ nd }] = await sql.query<{ nd: number }>(`SELECT count(*)::int AS nd FROM s_dept`);
    if (!nd) throw new Error('addScaleRecords: no departments with check items; run seedDemo first');
    await sql.execute(`CREATE TEMP TABLE s_tgt ON COMMIT DROP AS SELECT (row_number() OVER (ORDER BY id) - 1)::bigint AS i, id, uscc FROM target`);
    await sql.execute(`CREATE UNIQUE INDEX ON s_tgt (i)`);
    const [{ nt }] = await sql.query<{ nt: number }>(`SELECT count(*)::int AS nt FROM s_tgt`);
    if (nt < PER_TASK) throw new Error('addScaleRecords: too few targets');
    step(`${nd} departments with items, ${nt} targets`);

    // tasks: years 2023–2026 in turn, inspection ends spread over 5 January – 25 November; 1–3 departments
    await sql.execute(`CREATE TEMP TABLE s_task ON COMMIT DROP AS
      SELECT k, ${uid(`'scale-task-' || k`)} AS id, y, e,
             CASE WHEN e + 45 < current_date THEN (CASE WHEN ${h('k', 3, 10)} = 0 THEN 'PUBLISHED' ELSE 'CLOSED' END) ELSE 'INSPECTING' END AS status,
             least(${PER_TASK}, $1::int - (k - $2::int) * ${PER_TASK}) AS m,
             ARRAY[k % ${nd}] || CASE WHEN ${h('k', 4, 100)} < 85 THEN ARRAY[(k + 1 + ${h('k', 5, nd - 1 || 1)}) % ${nd}] ELSE '{}' END
                              || CASE WHEN ${h('k', 6, 100)} < 40 THEN ARRAY[(k + 7) % ${nd}] ELSE '{}' END AS depts
        FROM (SELECT k, 2023 + (k % 4) AS y, make_date(2023 + (k % 4), 1, 5) + ${h('k', 2, 325)}::int AS e
                FROM generate_series($2::int, $2::int + $3::int - 1) k) z`, [n, k0, tasks]);
    await sql.execute(`
      INSERT INTO task (id, code, name, year, mode, lead_department_id, status, window_start, window_end, inspection_end_on, publication_due_on,
                        stratified, ratio_a_bp, ratio_b_bp, ratio_c_bp, ratio_d_bp, scope_industry_codes, scope_region_codes, scope_target_types,
                        scope_keywords, pool_ids, scope_target_ids, closed_at)
      SELECT s.id, 'SCALE-' || s.y || '-' || lpad(s.k::text, 6, '0'), '压测联合抽查任务' || s.k, s.y, 'COMPREHENSIVE', d.id, s.status::"TaskStatus",
             s.e - 30, s.e, s.e, s.e + 28, true, 300, 500, 1000, 2000, '{}', '{}', '{}', '{}', '{}', '{}',
             CASE WHEN s.status = 'CLOSED' THEN (s.e + 40)::timestamptz END
        FROM s_task s JOIN s_dept d ON d.i = s.depts[1]`);
    await sql.execute(`
      INSERT INTO task_participant (task_id, department_id, role, acceptance, responded_at, invited_at)
      SELECT DISTINCT ON (s.id, d.id) s.id, d.id, CASE WHEN o = 1 THEN 'LEAD' ELSE 'PARTICIPANT' END::"ParticipantRole", 'ACCEPTED',
             (s.e - 40)::timestamptz, (s.e - 45)::timestamptz
        FROM s_task s CROSS JOIN LATERAL unnest(s.depts) WITH ORDINALITY u(di, o) JOIN s_dept d ON d.i = u.di
       ORDER BY s.id, d.id, o`);
    // each department checks one or two of its items
    await sql.execute(`
      INSERT INTO task_item (task_id, department_id, check_item_id)
      SELECT DISTINCT x.task_id, x.department_id, d.items[1 + ((s.k + j) % array_length(d.items, 1))]
        FROM task_participant x JOIN s_task s ON s.id = x.task_id JOIN s_dept d ON d.id = x.department_id
       CROSS JOIN generate_series(0, CASE WHEN ${h('s.k', 8, 2)} = 0 THEN 0 ELSE 1 END) j`);
    await sql.execute(`
      INSERT INTO draw (id, task_id, kind, status, stratified, params, candidate_count, candidate_hash, commitment, server_seed,
                        public_input_source, public_input, seed, result_hash, selected_count, committed_at, revealed_at, locked_at)
      SELECT ${uid(`'scale-draw-' || s.k`)}, s.id, 'TARGET', 'LOCKED', ${h('s.k', 9, 100)} < 95, '{}', ${nt}, repeat('a', 64), repeat('b', 64), repeat('c', 64),
             '压测', '0', repeat('d', 64), repeat('e', 64), s.m, (s.e - 33)::timestamptz, (s.e - 32)::timestamptz, (s.e - 32)::timestamptz
        FROM s_task s`);
    step(`${tasks} tasks with participants, items and draws`);

    // records: target j of task k is s_tgt[(k·7919 + j·104729) mod nt] (distinct within a task: 104729 is prime)
    await sql.execute(`CREATE TEMP TABLE s_rec ON COMMIT DROP AS
      SELECT ${uid(`'scale-rec-' || s.k || '-' || j`)} AS id, s.id AS task_id, s.k, j, s.e, s.status, g.id AS target_id
        FROM s_task s CROSS JOIN LATERAL generate_series(0, s.m - 1) j
        JOIN s_tgt g ON g.i = (s.k::bigint * 7919 + j::bigint * 104729) % ${nt}`);
    const records = await sql.execute(`
      INSERT INTO inspection_record (id, task_id, target_id, draw_id, inspected_on, methods, on_site, signature_status, status, completed_at)
      SELECT r.id, r.task_id, r.target_id, ${uid(`'scale-draw-' || r.k`)}, r.e - ${h('r.k * 1000 + r.j', 10, 25)}::int, '{ON_SITE}', true, 'SIGNED',
             CASE WHEN r.status = 'INSPECTING' THEN 'DRAFT' ELSE 'COMPLETE' END::"RecordStatus", CASE WHEN r.status <> 'INSPECTING' THEN r.e::timestamptz END
        FROM s_rec r`);
    step(`${records} records`);
    // publications of completed tasks: 10–40 days after the inspection ends; due on the 28th day (≈ 20 working days)
    const publications = await sql.execute(`
      INSERT INTO publication (id, record_id, department_id, published_at, due_on, on_time)
      SELECT ${uid(`'scale-pub-' || r.k || '-' || r.j || '-' || x.department_id`)}, r.id, x.department_id, (r.e + q.d)::timestamptz + interval '10 hours', r.e + 28, q.d <= 28
        FROM s_rec r JOIN task_participant x ON x.task_id = r.task_id
       CROSS JOIN LATERAL (SELECT 10 + ${h('r.k * 1000 + r.j', 11, 21)}::int + CASE WHEN ${h('r.k * 1000 + r.j', 12, 100)} < 3 THEN 15 ELSE 0 END AS d) q
       WHERE r.status <> 'INSPECTING'`);
    step(`${publications} publications`);
    const itemResults = await sql.execute(`
      INSERT INTO item_result (id, record_id, task_id, department_id, check_item_id, code, entered_at, publication_id, published_at)
      SELECT ${uid(`'scale-res-' || r.k || '-' || r.j || '-' || ti.check_item_id`)}, r.id, r.task_id, ti.department_id, ti.check_item_id,
             ${CODE_OF(h(`r.k * 100000 + r.j * 37 + ascii(ti.check_item_id::text)`, 13, 1000))}, r.e::timestamptz,
             p.id, p.published_at
        FROM s_rec r JOIN task_item ti ON ti.task_id = r.task_id
        -- task_id and published_at written here: under session_replication_role = replica the trigger that copies them does not run
        LEFT JOIN publication p ON r.status <> 'INSPECTING'
              AND p.id = ${uid(`'scale-pub-' || r.k || '-' || r.j || '-' || ti.department_id`)}`);
    step(`${itemResults} item results`);
    const corrections = await sql.execute(`
      INSERT INTO correction (id, item_result_id, publication_id, reason, old_code, new_code, status, due_on, requested_at, decided_at)
      SELECT ${uid(`'scale-corr-' || ir.id`)}, ir.id, ir.publication_id, '压测更正', ir.code, CASE WHEN ir.code = 1 THEN 5 ELSE 1 END, 'APPROVED',
             p.published_at::date + 12, p.published_at + interval '5 days', p.published_at + interval '9 days'
        FROM item_result ir JOIN publication p ON p.id = ir.publication_id
        JOIN s_rec r ON r.id = ir.record_id
       WHERE ${h(`('x' || substr(ir.id::text, 1, 8))::bit(32)::bigint`, 14, 1000)} < 2`);
    const followUps = await sql.execute(`
      INSERT INTO follow_up (id, target_id, task_id, item_result_id, department_id, kind, status, description, due_on, closed_at, created_at)
      SELECT ${uid(`'scale-fu-' || ir.id`)}, r.target_id, r.task_id, ir.id, ir.department_id, 'RECTIFICATION',
             CASE WHEN c.closed THEN 'CLOSED' ELSE 'OPEN' END::"FollowUpStatus", '压测整改', r.e + 40,
             CASE WHEN c.closed THEN (r.e + 5 + c.days)::timestamptz + interval '15 hours' END, (r.e + 5)::timestamptz + interval '10 hours'
        FROM item_result ir JOIN s_rec r ON r.id = ir.record_id
       CROSS JOIN LATERAL (SELECT ${h(`r.k * 1000 + r.j`, 15, 100)} < 85 AND r.e + 60 < current_date AS closed, ${h(`r.k * 1000 + r.j`, 16, 50)}::int AS days) c
       WHERE ir.code IN (8, 10)`);
    step(`${corrections} corrections, ${followUps} follow-ups`);
    // the report rollup of the synthetic tasks (written by SQL here, not through the services that keep it); the
    // tables' statistics first (ANALYZE in the transaction sees its own rows): planned on the statistics of the
    // still-empty tables, the rebuild took 77 s instead of 7 s at 200,000 records
    for (const t of ['inspection_record', 'item_result', 'publication', 'correction']) await sql.execute(`ANALYZE ${t}`);
    const rolled = (await sql.query<{ id: string }>(`SELECT DISTINCT task_id::text AS id FROM s_rec`)).map((r) => r.id);
    await rebuildWith(sql, rolled);
    step(`report rollup of ${rolled.length} tasks`);
    const [check] = await sql.query<{ records: number }>(`SELECT count(*)::int AS records FROM inspection_record r JOIN s_rec s ON s.id = r.id`);
    if (check!.records !== n) throw new Error(`addScaleRecords: wrote ${check!.records} records, expected ${n}`);
    return { tasks, records, itemResults, publications, corrections, followUps };
  });
  const ta = performance.now();
  await database.raw.exec(
    'ANALYZE task; ANALYZE task_participant; ANALYZE task_item; ANALYZE draw; ANALYZE inspection_record; ANALYZE item_result; ANALYZE publication; ANALYZE correction; ANALYZE follow_up; ANALYZE report_task; ANALYZE report_task_department; ANALYZE report_task_item',
  );
  log(`records: analyze (${Math.round(performance.now() - ta)} ms)`);
  return { ...summary, ms: Math.round(performance.now() - t0) };
}
