// The SQL behind the quarterly / annual report (季度通报). docs/REPORTS.md states every figure in words and in SQL;
// this file is the executable form of the same definitions.
//
// A report is ONE aggregate statement for the period and its predecessor, assembled from three parts:
//   PERIOD_CTES   the period's tasks and the small tables read live (participants, draws, corrections, follow-ups)
//   facts         per task: (record, department) pairs, results by effective code, records, check items used —
//                 ROW_FACTS computes them from the rows (the definition), ROLLUP_FACTS reads them from the rollup
//                 (report.rollup.ts, kept in step with every write); REPORT_SQL uses the rollup, REPORT_ROWS_SQL the rows
//   DERIVED_CTES  tkx and cv, then the aggregation per department and in total (reportSql)
// The drill-down (the rows behind one figure) runs on BASE_CTES, the row-level parts, so a figure and its
// drill-down cannot disagree; test/api/reports-rollup.test.ts shows that both report statements agree.
//
// Parameters of every statement here:
//   $1 period start, $2 period end (dates, inclusive)
//   $3 previous period start, $4 previous period end (NULL: no previous period, e.g. in a drill-down)
//   $5 evaluation date ("today", Asia/Shanghai): deadlines that have passed by then are due / overdue
// Every CTE carries `pid`: 0 = the period, 1 = the previous period.

/** Result codes that count as a problem found (发现问题): 2, 3, 5, 6, 8, 10 (see docs/REPORTS.md). */
export const PROBLEM_CODES = [2, 3, 5, 6, 8, 10] as const;
const PROBLEM = `(${PROBLEM_CODES.join(',')})`;
/** A timestamp's calendar date in China. */
const cnDate = (col: string) => `(${col} at time zone 'Asia/Shanghai')::date`;
/** count(*) filter (where <col> = k) as ck, for the ten result codes. */
const CODE_COUNTS = (col: string) => Array.from({ length: 10 }, (_, i) => `count(*) filter (where ${col} = ${i + 1})::int as c${i + 1}`).join(', ');

/** What the period's tasks are, and the small row-level parts every report reads live: participants, draws,
 * corrections by decision date, follow-ups, joint tasks of the year. */
const PERIOD_CTES = `
per as (
  select v.pid, v.d_from, v.d_to, date_trunc('year', v.d_to)::date as y_from, least(v.d_to, $5::date) as cutoff,
         -- the same days as instants (China time), so timestamps compare without conversion: [ts_from, ts_to)
         v.d_from::timestamp at time zone 'Asia/Shanghai' as ts_from, (v.d_to + 1)::timestamp at time zone 'Asia/Shanghai' as ts_to,
         (least(v.d_to, $5::date) + 1)::timestamp at time zone 'Asia/Shanghai' as ts_cutoff
    from (values (0, $1::date, $2::date), (1, $3::date, $4::date)) v(pid, d_from, d_to)
   where v.d_from is not null
),
-- tasks placed in the period by inspection end date; CANCELLED kept only to be counted as such
tk as materialized (
  select p.pid, t.id as task_id, t.code, t.name, t.status::text as status, t.lead_department_id, t.inspection_end_on,
         t.status not in ('CANCELLED', 'REISSUED') as counted,
         t.status in ('PUBLISHED', 'CLOSED') as completed,
         coalesce(t.publication_due_on, t.inspection_end_on + 28) as due_on
    from per p join task t on t.inspection_end_on between p.d_from and p.d_to
),
-- departments of a task: the lead and every participant that has not declined
tp as materialized (
  select k.pid, k.task_id, x.department_id, x.role::text as role
    from tk k join task_participant x on x.task_id = k.task_id and x.acceptance <> 'DECLINED'
),
-- locked target draws of the period's counted tasks
dr as (
  select k.pid, k.task_id, d.id as draw_id, d.stratified, d.locked_at
    from tk k join draw d on d.task_id = k.task_id and d.kind = 'TARGET' and d.status = 'LOCKED'
   where k.counted
),
-- corrections approved in the period, attributed to the publishing department
co as (
  select p.pid, c.id as correction_id, pb.department_id, pb.record_id, r.task_id, r.target_id, c.item_result_id, c.old_code, c.new_code, c.decided_at
    from per p
    join correction c on c.status = 'APPROVED' and c.decided_at >= p.ts_from and c.decided_at < p.ts_to
    join publication pb on pb.id = c.publication_id
    join inspection_record r on r.id = pb.record_id
),
-- follow-ups of the owning department: opened / closed in the period, overdue at its end, due in it
fu as (
  select * from (
    select p.pid, f.id as follow_up_id, f.department_id, f.task_id, f.target_id, f.status::text as status, f.due_on, f.created_at, f.closed_at,
           f.created_at >= p.ts_from and f.created_at < p.ts_to as opened,
           coalesce(f.closed_at >= p.ts_from and f.closed_at < p.ts_to, false) as closed,
           f.created_at < p.ts_cutoff and f.due_on < p.cutoff and (f.closed_at is null or f.closed_at >= p.ts_cutoff) as overdue,
           f.due_on between p.d_from and p.cutoff as due_in_period,
           f.closed_at is not null and f.closed_at < p.ts_cutoff as closed_by_cutoff
      -- follow_up outside, the two periods inside: one pass over follow_up, nothing materialised (half the time of the reverse)
      from follow_up f cross join lateral (select * from per offset 0) p
  ) z where opened or closed or overdue or due_in_period
),
-- active departments that neither led nor joined a joint task of the period's year (as plan.service
-- departmentsWithoutJointTask: joint = at least two non-declined participants, task not cancelled)
jt as (
  select p.pid, t.id as task_id
    from per p join task t on t.year = extract(year from p.d_to)::int and t.status <> 'CANCELLED'
    join task_participant x on x.task_id = t.id and x.acceptance <> 'DECLINED'
   group by p.pid, t.id having count(*) >= 2
),
nj as (
  select p.pid, d.id as department_id
    from per p cross join department d
   where d.active and not exists (
     select 1 from jt join task_participant x on x.task_id = jt.task_id and x.acceptance <> 'DECLINED'
      where jt.pid = p.pid and x.department_id = d.id)
),`;

/**
 * The facts of the period's records, row by row (the definition): cx, rs, pr, prx and ui, and from them the same
 * per-task relations the rollup provides —
 *   gd (pid, task_id, department_id, pairs, problem_pairs, published, published_on_time)
 *   gc (pid, task_id, department_id, c1 … c10)   item results by effective code
 *   gt (pid, task_id, records, problem_records)
 *   ui (pid, check_item_id)                      check items used this year up to the period's end
 * Non-cancelled tasks only, as docs/REPORTS.md says.
 */
const ROW_FACTS = `
-- the latest approved correction of a result replaces its code
cx as (
  select distinct on (c.item_result_id) c.item_result_id, c.new_code
    from correction c where c.status = 'APPROVED'
   order by c.item_result_id, c.decided_at desc nulls last, c.id
),
-- item results of the period's tasks (not cancelled), with the effective code
rs as materialized (
  select k.pid, k.task_id, x.record_id, x.target_id, x.result_id, x.department_id, x.check_item_id,
         coalesce(cx.new_code, x.code) as code, x.publication_id
    from tk k
    -- per task through the indexes (task_id, target_id) and (record_id, check_item_id): a period touches a few
    -- percent of the records, so scanning the whole tables would cost more
    cross join lateral (
      select r.id as record_id, r.target_id, ir.id as result_id, ir.department_id, ir.check_item_id, ir.code, ir.publication_id
        from inspection_record r join item_result ir on ir.record_id = r.id
       where r.task_id = k.task_id offset 0) x
    left join cx on cx.item_result_id = x.result_id
   where k.status <> 'CANCELLED'
),
-- (record, department) pairs: what one department entered on one record and must publish
pr as materialized (
  select z.*, pb.id as publication_id, pb.on_time, pb.published_at
    from (select s.pid, s.task_id, s.record_id, s.target_id, s.department_id, count(*)::int as results,
                 bool_or(s.code in ${PROBLEM}) as problem
            from rs s group by s.pid, s.task_id, s.record_id, s.target_id, s.department_id) z
    left join lateral (select pb.id, pb.on_time, pb.published_at from publication pb
                        where pb.record_id = z.record_id and pb.department_id = z.department_id offset 0) pb on true
),
prx as (
  select x.*, x.publication_id is not null as published, (x.publication_id is not null or k.due_on < $5::date) as due
    from pr x join tk k on k.pid = x.pid and k.task_id = x.task_id
),
-- check items used this year up to the period's end: an item of a task (not cancelled, ending in that span) for
-- which at least one result was entered on one of the task's records
ui as (
  select distinct p.pid, ti.check_item_id
    from per p
    join task t on t.inspection_end_on between p.y_from and p.d_to and t.status <> 'CANCELLED'
    join task_item ti on ti.task_id = t.id
   -- driven from the task's records (LIMIT keeps the planner from turning it into a scan of item_result by item)
   where exists (select 1 from inspection_record r
                   cross join lateral (select 1 from item_result ir where ir.record_id = r.id and ir.check_item_id = ti.check_item_id limit 1) x
                  where r.task_id = t.id)
),
gd as (
  select pid, task_id, department_id, count(*)::int as pairs, count(*) filter (where problem)::int as problem_pairs,
         count(publication_id)::int as published, count(publication_id) filter (where on_time)::int as published_on_time
    from pr group by pid, task_id, department_id
),
gc as (
  select pid, task_id, department_id, ${CODE_COUNTS('code')}
    from rs group by pid, task_id, department_id
),
gt as (
  select pid, task_id, count(*)::int as records, count(*) filter (where problem)::int as problem_records
    from (select pid, task_id, record_id, bool_or(problem) as problem from pr group by pid, task_id, record_id) z
   group by pid, task_id
),`;

/**
 * The same relations (gd, gc, gt, ui) read from the rollup (report.rollup.ts): ≈ 100 tasks' rows a year instead of
 * their records' results and publications. Every figure equals the row-level one (test/api/reports-rollup.test.ts).
 */
const ROLLUP_FACTS = `
gd as materialized (
  select k.pid, g.task_id, g.department_id, g.pairs, g.problem_pairs, g.published, g.published_on_time,
         ${Array.from({ length: 10 }, (_, i) => `g.c${i + 1}`).join(', ')}
    from tk k join report_task_department g on g.task_id = k.task_id
   where k.status <> 'CANCELLED'
),
gc as (select * from gd),
gt as (
  select k.pid, g.task_id, g.records, g.problem_records
    from tk k join report_task g on g.task_id = k.task_id
   where k.status <> 'CANCELLED'
),
-- check items used: as the row-level ui, with "a result for the item on one of the task's records" read from report_task_item
ui as (
  select distinct p.pid, ti.check_item_id
    from per p
    join task t on t.inspection_end_on between p.y_from and p.d_to and t.status <> 'CANCELLED'
    join task_item ti on ti.task_id = t.id
    join report_task_item g on g.task_id = t.id and g.check_item_id = ti.check_item_id and g.results > 0
),`;

/** tkx (tasks with their departments, joint, on time, due) and cv (active check items, used or not), from the facts. */
const DERIVED_CTES = `
tkx as (
  select k.*, coalesce(n.n, 0) as departments, coalesce(n.n, 0) >= 2 as joint,
         k.completed and not coalesce(l.late, false) as on_time,
         k.completed or k.due_on < $5::date as due
    from tk k
    left join (select pid, task_id, count(*)::int as n from tp group by pid, task_id) n on n.pid = k.pid and n.task_id = k.task_id
    left join (select pid, task_id, sum(published - published_on_time) > 0 as late from gd group by pid, task_id) l
           on l.pid = k.pid and l.task_id = k.task_id
),
cv as (
  select p.pid, ci.id as check_item_id, ci.code, ci.department_id, ui.check_item_id is not null as used
    from per p cross join check_item ci
    left join ui on ui.pid = p.pid and ui.check_item_id = ci.id
   where ci.active
)`;

/** The row-level CTEs shared by the definition's report statement and the drill-down. */
export const BASE_CTES = `${PERIOD_CTES}${ROW_FACTS}${DERIVED_CTES}`;

/** Counts per (period, department) from the given facts; department_id NULL is the total. One statement. */
const reportSql = (facts: string) => `
with ${PERIOD_CTES}${facts}${DERIVED_CTES},
fr as (
  select p.pid, d.id as department_id, d.code, d.name, d.short_name, d.sort_order from per p cross join department d where d.active
  union all
  select p.pid, null, null, null, null, -1 from per p
),
ta as (
  select pid, null::uuid as department_id,
         count(*) filter (where counted)::int as tasks,
         count(*) filter (where counted)::int as led,
         count(*) filter (where counted and joint)::int as joint,
         count(*) filter (where counted and completed)::int as completed,
         count(*) filter (where counted and on_time)::int as on_time,
         count(*) filter (where counted and due)::int as due,
         count(*) filter (where status = 'CANCELLED')::int as cancelled
    from tkx group by pid
  union all
  select x.pid, x.department_id,
         count(*) filter (where k.counted)::int,
         count(*) filter (where k.counted and x.role = 'LEAD')::int,
         count(*) filter (where k.counted and k.joint)::int,
         count(*) filter (where k.counted and k.completed)::int,
         count(*) filter (where k.counted and k.on_time)::int,
         count(*) filter (where k.counted and k.due)::int,
         count(*) filter (where k.status = 'CANCELLED')::int
    from tp x join tkx k on k.pid = x.pid and k.task_id = x.task_id
   group by x.pid, x.department_id
),
tj as (
  select x.pid, x.department_id, count(*)::int as joined
    from tp x join tk k on k.pid = x.pid and k.task_id = x.task_id
   where k.counted and x.role = 'PARTICIPANT'
   group by grouping sets ((x.pid, x.department_id), (x.pid))
),
-- a pair is due when published or when its task's deadline has passed
pa as (
  select g.pid, g.department_id,
         sum(g.pairs)::int as pairs,
         sum(g.problem_pairs)::int as problem_pairs,
         sum(g.published + case when k.due_on < $5::date then g.pairs - g.published else 0 end)::int as pairs_due,
         sum(g.published)::int as published,
         sum(g.published_on_time)::int as published_on_time
    from gd g join tk k on k.pid = g.pid and k.task_id = g.task_id
   group by grouping sets ((g.pid, g.department_id), (g.pid))
),
rc as (
  select pid, sum(records)::int as records, sum(problem_records)::int as problem_records from gt group by pid
),
cc as (
  select pid, department_id, ${Array.from({ length: 10 }, (_, i) => `sum(c${i + 1})::int as c${i + 1}`).join(', ')}
    from gc group by grouping sets ((pid, department_id), (pid))
),
ca as (
  select pid, department_id, count(*)::int as corrections from co group by grouping sets ((pid, department_id), (pid))
),
fa as (
  select pid, department_id,
         count(*) filter (where opened)::int as fu_opened,
         count(*) filter (where closed)::int as fu_closed,
         count(*) filter (where overdue)::int as fu_overdue,
         count(*) filter (where due_in_period)::int as fu_due,
         count(*) filter (where due_in_period and closed_by_cutoff)::int as fu_disposed
    from fu group by grouping sets ((pid, department_id), (pid))
),
da as (
  select pid, null::uuid as department_id, count(*)::int as draws, count(*) filter (where stratified)::int as stratified
    from dr group by pid
  union all
  select x.pid, x.department_id, count(*)::int, count(*) filter (where d.stratified)::int
    from dr d join tp x on x.pid = d.pid and x.task_id = d.task_id
   group by x.pid, x.department_id
),
va as (
  select pid, department_id, count(*)::int as items, count(*) filter (where used)::int as items_used
    from cv group by grouping sets ((pid, department_id), (pid))
),
na as (
  select pid, department_id, count(*)::int as no_joint from nj group by grouping sets ((pid, department_id), (pid))
)
select fr.pid, fr.department_id::text as department_id, fr.code, fr.name, fr.short_name,
       coalesce(ta.tasks, 0) as tasks, coalesce(ta.led, 0) as led, coalesce(tj.joined, 0) as joined,
       coalesce(ta.joint, 0) as joint, coalesce(ta.completed, 0) as completed, coalesce(ta.on_time, 0) as on_time,
       coalesce(ta.due, 0) as due, coalesce(ta.cancelled, 0) as cancelled,
       case when fr.department_id is null then coalesce(rc.records, 0) else coalesce(pa.pairs, 0) end as records,
       case when fr.department_id is null then coalesce(rc.problem_records, 0) else coalesce(pa.problem_pairs, 0) end as problem_records,
       coalesce(pa.pairs_due, 0) as pairs_due, coalesce(pa.published, 0) as published, coalesce(pa.published_on_time, 0) as published_on_time,
       ${Array.from({ length: 10 }, (_, i) => `coalesce(cc.c${i + 1}, 0) as c${i + 1}`).join(', ')},
       coalesce(ca.corrections, 0) as corrections,
       coalesce(fa.fu_opened, 0) as fu_opened, coalesce(fa.fu_closed, 0) as fu_closed, coalesce(fa.fu_overdue, 0) as fu_overdue,
       coalesce(fa.fu_due, 0) as fu_due, coalesce(fa.fu_disposed, 0) as fu_disposed,
       coalesce(da.draws, 0) as draws, coalesce(da.stratified, 0) as stratified,
       coalesce(va.items, 0) as items, coalesce(va.items_used, 0) as items_used,
       coalesce(na.no_joint, 0) as no_joint
  from fr
  left join ta on ta.pid = fr.pid and ta.department_id is not distinct from fr.department_id
  left join tj on tj.pid = fr.pid and tj.department_id is not distinct from fr.department_id
  left join pa on pa.pid = fr.pid and pa.department_id is not distinct from fr.department_id
  left join rc on rc.pid = fr.pid and fr.department_id is null
  left join cc on cc.pid = fr.pid and cc.department_id is not distinct from fr.department_id
  left join ca on ca.pid = fr.pid and ca.department_id is not distinct from fr.department_id
  left join fa on fa.pid = fr.pid and fa.department_id is not distinct from fr.department_id
  left join da on da.pid = fr.pid and da.department_id is not distinct from fr.department_id
  left join va on va.pid = fr.pid and va.department_id is not distinct from fr.department_id
  left join na on na.pid = fr.pid and na.department_id is not distinct from fr.department_id
 order by fr.pid, fr.sort_order, fr.code nulls first`;

/** The report statement: figures from the rollup (what report() runs). */
export const REPORT_SQL = reportSql(ROLLUP_FACTS);
/** The same statement over the rows: the definition (docs/REPORTS.md), which REPORT_SQL must always equal. */
export const REPORT_ROWS_SQL = reportSql(ROW_FACTS);

export interface ReportRow {
  pid: number;
  department_id: string | null;
  code: string | null;
  name: string | null;
  short_name: string | null;
  tasks: number;
  led: number;
  joined: number;
  joint: number;
  completed: number;
  on_time: number;
  due: number;
  cancelled: number;
  records: number;
  problem_records: number;
  pairs_due: number;
  published: number;
  published_on_time: number;
  c1: number; c2: number; c3: number; c4: number; c5: number; c6: number; c7: number; c8: number; c9: number; c10: number;
  corrections: number;
  fu_opened: number;
  fu_closed: number;
  fu_overdue: number;
  fu_due: number;
  fu_disposed: number;
  draws: number;
  stratified: number;
  items: number;
  items_used: number;
  no_joint: number;
}

/**
 * Drill-down sources: the rows a figure counts, as (entity, id, …, in_num). `$6` is the department (NULL = all),
 * result codes are inlined by the caller. `pub` restricts result-derived rows to published ones (callers who may
 * not see unpublished results). Each source yields the figure's denominator rows (or, for a count, its rows), with
 * `in_num` marking the numerator.
 */
export type DrillSource = 'tasks' | 'participations' | 'records' | 'pairs' | 'results' | 'corrections' | 'followUps' | 'draws' | 'items' | 'departments';

const COLS = 'entity, id, task_id, task_code, record_id, target_id, department_id, check_item_id, code, on_date, in_num';

export function drillSourceSql(source: DrillSource, numerator: string, filter: string | null, pub: boolean): string {
  const dep = (col: string) => `($6::uuid is null or ${col} = $6::uuid)`;
  const pubOnly = pub ? ' and x.publication_id is not null' : '';
  const where = filter ? ` and (${filter})` : '';
  switch (source) {
    case 'tasks':
      // department: the tasks it leads or joins
      return `select 'Task' as entity, k.task_id as id, k.task_id, k.code as task_code, null::uuid as record_id, null::uuid as target_id,
                     k.lead_department_id as department_id, null::uuid as check_item_id, null::int as code, k.inspection_end_on as on_date, (${numerator}) as in_num
                from tkx k where k.pid = 0${where}
                 and ($6::uuid is null or exists (select 1 from tp x where x.pid = 0 and x.task_id = k.task_id and x.department_id = $6::uuid))`;
    case 'participations':
      return `select 'Task' as entity, x.task_id as id, x.task_id, k.code as task_code, null::uuid as record_id, null::uuid as target_id,
                     x.department_id, null::uuid as check_item_id, null::int as code, k.inspection_end_on as on_date, (${numerator}) as in_num
                from tp x join tkx k on k.pid = x.pid and k.task_id = x.task_id
               where x.pid = 0 and ${dep('x.department_id')}${where}`;
    case 'records':
      // all departments: one row per record; one department: its (record, department) pairs
      return `select 'InspectionRecord' as entity, x.record_id as id, x.task_id, k.code as task_code, x.record_id, x.target_id,
                     case when $6::uuid is null then null else x.department_id end as department_id, null::uuid as check_item_id, null::int as code,
                     k.inspection_end_on as on_date, bool_or(${numerator}) as in_num
                from prx x join tk k on k.pid = x.pid and k.task_id = x.task_id
               where x.pid = 0 and ${dep('x.department_id')}${pubOnly}${where}
               group by x.record_id, x.task_id, k.code, x.target_id, case when $6::uuid is null then null else x.department_id end, k.inspection_end_on`;
    case 'pairs':
      return `select 'Publication' as entity, x.publication_id as id, x.task_id, k.code as task_code, x.record_id, x.target_id, x.department_id,
                     null::uuid as check_item_id, null::int as code, ${cnDate('x.published_at')} as on_date, (${numerator}) as in_num
                from prx x join tk k on k.pid = x.pid and k.task_id = x.task_id
               where x.pid = 0 and ${dep('x.department_id')}${where}`;
    case 'results':
      return `select 'ItemResult' as entity, x.result_id as id, x.task_id, k.code as task_code, x.record_id, x.target_id, x.department_id,
                     x.check_item_id, x.code, k.inspection_end_on as on_date, (${numerator}) as in_num
                from rs x join tk k on k.pid = x.pid and k.task_id = x.task_id
               where x.pid = 0 and ${dep('x.department_id')}${pubOnly}${where}`;
    case 'corrections':
      return `select 'Correction' as entity, x.correction_id as id, x.task_id, t.code as task_code, x.record_id, x.target_id, x.department_id,
                     null::uuid as check_item_id, x.new_code as code, ${cnDate('x.decided_at')} as on_date, (${numerator}) as in_num
                from co x join task t on t.id = x.task_id
               where x.pid = 0 and ${dep('x.department_id')}${where}`;
    case 'followUps':
      return `select 'FollowUp' as entity, x.follow_up_id as id, x.task_id, t.code as task_code, null::uuid as record_id, x.target_id, x.department_id,
                     null::uuid as check_item_id, null::int as code, x.due_on as on_date, (${numerator}) as in_num
                from fu x left join task t on t.id = x.task_id
               where x.pid = 0 and ${dep('x.department_id')}${where}`;
    case 'draws':
      return `select 'Draw' as entity, x.draw_id as id, x.task_id, k.code as task_code, null::uuid as record_id, null::uuid as target_id,
                     k.lead_department_id as department_id, null::uuid as check_item_id, null::int as code, ${cnDate('x.locked_at')} as on_date, (${numerator}) as in_num
                from dr x join tk k on k.pid = x.pid and k.task_id = x.task_id
               where x.pid = 0${where}
                 and ($6::uuid is null or exists (select 1 from tp y where y.pid = 0 and y.task_id = x.task_id and y.department_id = $6::uuid))`;
    case 'items':
      return `select 'CheckItem' as entity, x.check_item_id as id, null::uuid as task_id, null::text as task_code, null::uuid as record_id, null::uuid as target_id,
                     x.department_id, x.check_item_id, null::int as code, null::date as on_date, (${numerator}) as in_num
                from cv x where x.pid = 0 and ${dep('x.department_id')}${where}`;
    case 'departments':
      return `select 'Department' as entity, x.department_id as id, null::uuid as task_id, null::text as task_code, null::uuid as record_id, null::uuid as target_id,
                     x.department_id, null::uuid as check_item_id, null::int as code, null::date as on_date, (${numerator}) as in_num
                from nj x where x.pid = 0 and ${dep('x.department_id')}${where}`;
  }
}

/** One page of drill-down rows with the counts of the whole set; one statement. $7 limit, $8 offset, $9 only numerator. */
export function drillDownSql(source: DrillSource, numerator: string, filter: string | null, pub: boolean): string {
  return `
with ${BASE_CTES},
src as (${drillSourceSql(source, numerator, filter, pub)}),
sel as (select * from src where not $9::boolean or in_num),
pg as (
  select s.*, tg.uscc as target_uscc, tg.name as target_name, d.code as department_code, ci.code as check_item_code,
         row_number() over (order by s.on_date nulls last, s.task_code nulls last, tg.uscc nulls last, d.code nulls last, ci.code nulls last, s.id) as n
    from sel s
    left join target tg on tg.id = s.target_id
    left join department d on d.id = s.department_id
    left join check_item ci on ci.id = s.check_item_id
   order by n limit $7 offset $8
)
select c.total, c.numerator_total, c.denominator_total,
       pg.entity, pg.id::text as id, pg.task_id::text as task_id, pg.task_code, pg.record_id::text as record_id, pg.target_id::text as target_id,
       pg.target_uscc, pg.target_name, pg.department_id::text as department_id, pg.department_code,
       pg.check_item_id::text as check_item_id, pg.check_item_code, pg.code, to_char(pg.on_date, 'YYYY-MM-DD') as on_date, pg.in_num
  from (select (select count(*)::int from sel) as total, count(*) filter (where in_num)::int as numerator_total, count(*)::int as denominator_total from src) c
  left join pg on true
 order by pg.n`;
}
