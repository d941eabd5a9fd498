// The work queue (我的待办, issue 6): for the signed-in staff user, what needs action and by when.
//
// One SQL statement: a UNION ALL of the sources below (only those the caller's role acts on, and only the kinds
// asked for), the working days left computed in PostgreSQL from calendar_day (holidays and make-up working days;
// otherwise Monday–Friday), sorted by due date (nulls last), with the total and the overdue count as window
// functions, and limit/offset. Department users see their own department's items; the office sees every
// department's, plus the stalled tasks it may re-issue.
//
// | kind                  | one item per                          | department            | due                     | who        |
// |-----------------------|---------------------------------------|-----------------------|-------------------------|------------|
// | TASK_TO_ACCEPT        | pending invitation of an INVITING task | the invited one       | acceptanceDueOn         | admins     |
// | DRAW_TO_COMMIT        | READY task without a draw in progress | lead                  | drawDueOn               | admins     |
// | DRAW_TO_REVEAL / _LOCK| COMMITTED / REVEALED draw             | lead                  | task drawDueOn          | admins     |
// | INSPECTOR_DRAW_TO_RUN | DRAWN task without a draw in progress | lead                  | drawDueOn               | admins     |
// | RECORD_TO_COMPLETE    | (task, department): drawn targets whose record is missing or lacks the department's results (an inspector: only targets assigned to them) | participant | inspectionEndOn | staff |
// | PUBLICATION_DUE       | (task, department): records with the department's results not yet published; only due within 5 working days or overdue | the results' | publicationDueOn | staff |
// | CORRECTION_TO_APPROVE | requested correction                  | the publication's     | correction dueOn        | dept heads |
// | CORRECTION_DUE        | requested correction (awaiting the head) | the publication's  | correction dueOn        | other staff, office |
// | FOLLOW_UP_DUE         | open / in-progress follow-up          | owner (or receiver)   | follow-up dueOn         | staff      |
// | TASK_TO_REISSUE       | stalled task (task.reissue.ts)        | lead                  | the missed deadline     | office     |
//
// "admins" = the office and department admins (the roles that accept tasks and run draws).
import { Prisma } from '../../generated/prisma/client.ts';
import { prisma } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { InputError } from '../../shared/errors.ts';
import { todayInChina } from '../../shared/working-days.ts';
import { stalledConditionsSql } from '../task/task.reissue.ts';

export const WORK_KINDS = [
  'TASK_TO_ACCEPT',
  'DRAW_TO_COMMIT',
  'DRAW_TO_REVEAL',
  'DRAW_TO_LOCK',
  'INSPECTOR_DRAW_TO_RUN',
  'RECORD_TO_COMPLETE',
  'PUBLICATION_DUE',
  'CORRECTION_TO_APPROVE',
  'CORRECTION_DUE',
  'FOLLOW_UP_DUE',
  'TASK_TO_REISSUE',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** Publications appear this many working days before they are due (and stay while overdue). */
export const PUBLICATION_HORIZON_WORKING_DAYS = 5;
export const MAX_WORK_LIMIT = 100;

export interface WorkItem {
  kind: WorkKind;
  title: string;
  entityType: 'Task' | 'Draw' | 'Correction' | 'FollowUp';
  entityId: string;
  taskId: string | null;
  taskCode: string | null;
  departmentId: string | null;
  departmentName: string | null;
  count: number;
  dueOn: Date | null;
  overdue: boolean;
  daysLeft: number | null;
}

export interface WorkQueue {
  today: Date;
  items: WorkItem[];
  totalCount: number;
  overdueCount: number;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const OPEN_TASK = Prisma.sql`t.status not in ('CLOSED', 'CANCELLED', 'REISSUED')`;

export async function myWork(actor: Actor, opts: { kinds?: WorkKind[] | null; limit?: number | null; offset?: number | null } = {}, now = new Date()): Promise<WorkQueue> {
  const limit = opts.limit ?? 50;
  const offset = opts.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_WORK_LIMIT)
    throw new InputError('limit', 'PAGE_SIZE', { zh: `条数应在 1 到 ${MAX_WORK_LIMIT} 之间`, en: `limit is between 1 and ${MAX_WORK_LIMIT}` });
  if (!Number.isInteger(offset) || offset < 0) throw new InputError('offset', 'OFFSET', { zh: '偏移量不能为负', en: 'offset is not negative' });

  const today = todayInChina(now);
  const empty: WorkQueue = { today, items: [], totalCount: 0, overdueCount: 0 };
  const office = actor.role === 'OFFICE_ADMIN';
  const admin = office || actor.role === 'DEPARTMENT_ADMIN';
  const staff = admin || actor.role === 'INSPECTOR';
  const dept = actor.departmentId;
  if (!staff || (!office && !dept)) return empty;

  const day = iso(today);
  const deptId = office ? null : dept;
  /** the row belongs to the caller: the office sees every department */
  const mine = (col: Prisma.Sql) => (office ? Prisma.sql`true` : Prisma.sql`${col} = ${deptId}::uuid`);
  const inspectorId = !office && actor.role === 'INSPECTOR' ? actor.inspectorId : null;
  const head = !office && actor.isDepartmentHead;
  const drawInProgress = Prisma.sql`exists (select 1 from draw d where d.task_id = t.id and d.status in ('COMMITTED', 'REVEALED'))`;

  const sources: Record<WorkKind, Prisma.Sql | null> = {
    TASK_TO_ACCEPT: admin
      ? Prisma.sql`
        select 'TASK_TO_ACCEPT' as kind, '签收任务：' || t.name as title, 'Task' as entity_type, t.id as entity_id, t.id as task_id,
               p.department_id, t.acceptance_due_on as due_on, 1 as n
          from task t join task_participant p on p.task_id = t.id
         where t.status = 'INVITING' and p.role = 'PARTICIPANT' and p.acceptance = 'PENDING' and ${mine(Prisma.sql`p.department_id`)}`
      : null,
    DRAW_TO_COMMIT: admin
      ? Prisma.sql`
        select 'DRAW_TO_COMMIT', '抽取检查对象（摇号）：' || t.name, 'Task', t.id, t.id, t.lead_department_id, t.draw_due_on, 1
          from task t where t.status = 'READY' and not ${drawInProgress} and ${mine(Prisma.sql`t.lead_department_id`)}`
      : null,
    DRAW_TO_REVEAL: admin
      ? Prisma.sql`
        select 'DRAW_TO_REVEAL', '揭示摇号结果（' || case d.kind when 'TARGET' then '检查对象' else '执法检查人员' end || '）：' || t.name,
               'Draw', d.id, t.id, t.lead_department_id, coalesce(t.draw_due_on, t.window_start), 1
          from draw d join task t on t.id = d.task_id
         where d.status = 'COMMITTED' and ${OPEN_TASK} and ${mine(Prisma.sql`t.lead_department_id`)}`
      : null,
    DRAW_TO_LOCK: admin
      ? Prisma.sql`
        select 'DRAW_TO_LOCK', '锁定并派发摇号结果（' || case d.kind when 'TARGET' then '检查对象' else '执法检查人员' end || '）：' || t.name,
               'Draw', d.id, t.id, t.lead_department_id, coalesce(t.draw_due_on, t.window_start), 1
          from draw d join task t on t.id = d.task_id
         where d.status = 'REVEALED' and ${OPEN_TASK} and ${mine(Prisma.sql`t.lead_department_id`)}`
      : null,
    INSPECTOR_DRAW_TO_RUN: admin
      ? Prisma.sql`
        select 'INSPECTOR_DRAW_TO_RUN', '随机匹配执法检查人员：' || t.name, 'Task', t.id, t.id, t.lead_department_id,
               coalesce(t.draw_due_on, t.window_start), 1
          from task t where t.status = 'DRAWN' and not ${drawInProgress} and ${mine(Prisma.sql`t.lead_department_id`)}`
      : null,
    RECORD_TO_COMPLETE: Prisma.sql`
        select 'RECORD_TO_COMPLETE', '录入检查结果：' || t.name || '（' || c.n || ' 户）', 'Task', t.id, t.id, p.department_id,
               t.inspection_end_on, c.n
          from task t join task_participant p on p.task_id = t.id
          cross join lateral (select count(*)::int as k from task_item ti where ti.task_id = t.id and ti.department_id = p.department_id) items
          cross join lateral (
            select count(*)::int as n
              from draw d join draw_target dt on dt.draw_id = d.id
              left join inspection_record r on r.task_id = t.id and r.target_id = dt.target_id
             where d.task_id = t.id and d.kind = 'TARGET' and d.status = 'LOCKED'
               and (r.id is null
                    or (r.status = 'DRAFT'
                        and (select count(*) from item_result ir where ir.record_id = r.id and ir.department_id = p.department_id) < items.k))
               and (${inspectorId}::uuid is null
                    or exists (select 1 from inspector_assignment a where a.task_id = t.id and a.target_id = dt.target_id and a.inspector_id = ${inspectorId}::uuid))
          ) c
         where t.status in ('DISPATCHED', 'INSPECTING') and items.k > 0 and c.n > 0 and ${mine(Prisma.sql`p.department_id`)}`,
    PUBLICATION_DUE: Prisma.sql`
        select 'PUBLICATION_DUE', '公示检查结果：' || t.name || '（' || x.n || ' 份记录）', 'Task', t.id, t.id, x.department_id,
               t.publication_due_on, x.n
          from task t cross join lateral (
            select ir.department_id, count(distinct r.id)::int as n
              from inspection_record r join item_result ir on ir.record_id = r.id
             where r.task_id = t.id and ir.publication_id is null
               and not exists (select 1 from publication pb where pb.record_id = r.id and pb.department_id = ir.department_id)
             group by ir.department_id) x
         where ${OPEN_TASK} and t.publication_due_on is not null and ${mine(Prisma.sql`x.department_id`)}`,
    CORRECTION_TO_APPROVE: head
      ? Prisma.sql`
        select 'CORRECTION_TO_APPROVE', '批准更正：' || tg.name || '（结果 ' || c.old_code || ' → ' || c.new_code || '）', 'Correction', c.id,
               r.task_id, pb.department_id, c.due_on, 1
          from correction c join publication pb on pb.id = c.publication_id join inspection_record r on r.id = pb.record_id
          join target tg on tg.id = r.target_id
         where c.status = 'REQUESTED' and ${mine(Prisma.sql`pb.department_id`)}`
      : null,
    CORRECTION_DUE: !head
      ? Prisma.sql`
        select 'CORRECTION_DUE', '更正待部门负责人批准：' || tg.name || '（结果 ' || c.old_code || ' → ' || c.new_code || '）', 'Correction', c.id,
               r.task_id, pb.department_id, c.due_on, 1
          from correction c join publication pb on pb.id = c.publication_id join inspection_record r on r.id = pb.record_id
          join target tg on tg.id = r.target_id
         where c.status = 'REQUESTED' and ${mine(Prisma.sql`pb.department_id`)}`
      : null,
    FOLLOW_UP_DUE: Prisma.sql`
        select 'FOLLOW_UP_DUE',
               case f.kind when 'RECTIFICATION' then '责令限期整改' when 'CASE_FILING' then '立案查处'
                           when 'TRANSFER_DEPARTMENT' then '移送主管部门' else '移送司法机关' end || '：' || tg.name,
               'FollowUp', f.id, f.task_id,
               ${office ? Prisma.sql`f.department_id` : Prisma.sql`case when f.department_id = ${deptId}::uuid then f.department_id else f.to_department_id end`},
               f.due_on, 1
          from follow_up f join target tg on tg.id = f.target_id
         where f.status in ('OPEN', 'IN_PROGRESS')
           and ${office ? Prisma.sql`true` : Prisma.sql`(f.department_id = ${deptId}::uuid or f.to_department_id = ${deptId}::uuid)`}`,
    TASK_TO_REISSUE: office ? reissueSource(day) : null,
  };
  const wanted = opts.kinds?.length ? new Set(opts.kinds) : null;
  const parts = WORK_KINDS.filter((k) => (!wanted || wanted.has(k)) && sources[k]).map((k) => sources[k]!);
  if (!parts.length) return empty;

  const rows = await prisma().$queryRaw<
    {
      kind: WorkKind;
      title: string;
      entity_type: WorkItem['entityType'];
      entity_id: string;
      task_id: string | null;
      task_code: string | null;
      department_id: string | null;
      department_name: string | null;
      n: number;
      due_on: Date | null;
      days_left: number | null;
      total: number;
      overdue_total: number;
    }[]
  >`
    with items (kind, title, entity_type, entity_id, task_id, department_id, due_on, n) as (${Prisma.join(parts, ' union all ')}),
    bounds as (select least(min(due_on), ${day}::date) as lo, greatest(max(due_on), ${day}::date) as hi from items),
    -- n = how many working days up to and including d, so n(due) - n(today) = working days in (today, due]; overdue:
    -- minus the working days in (due, today], and at least 1 (a deadline passed over a weekend is still overdue)
    ord as (
      select g::date as d,
             (sum(case when coalesce(c.kind = 'WORKDAY', extract(isodow from g) < 6) then 1 else 0 end) over (order by g))::int as n
        from bounds cross join generate_series(bounds.lo, bounds.hi, interval '1 day') g
        left join calendar_day c on c.date = g::date),
    scored as (
      select i.*, case when i.due_on < ${day}::date then least(-1, o.n - (select n from ord where d = ${day}::date))
                       else o.n - (select n from ord where d = ${day}::date) end as days_left
        from items i left join ord o on o.d = i.due_on)
    select s.kind, s.title, s.entity_type, s.entity_id::text as entity_id, s.task_id::text as task_id, tk.code as task_code,
           s.department_id::text as department_id, dep.name as department_name, s.n::int as n, s.due_on, s.days_left::int as days_left,
           (count(*) over ())::int as total,
           (count(*) filter (where s.due_on < ${day}::date) over ())::int as overdue_total
      from scored s
      left join task tk on tk.id = s.task_id
      left join department dep on dep.id = s.department_id
     where s.kind <> 'PUBLICATION_DUE' or s.days_left <= ${PUBLICATION_HORIZON_WORKING_DAYS}::int
     order by s.due_on asc nulls last, s.kind, s.title, s.entity_id, s.department_id
     limit ${limit}::int offset ${offset}::int`;

  return {
    today,
    totalCount: rows[0]?.total ?? (offset > 0 ? await countOnly() : 0),
    overdueCount: rows[0]?.overdue_total ?? 0,
    items: rows.map((r) => ({
      kind: r.kind,
      title: r.title,
      entityType: r.entity_type,
      entityId: r.entity_id,
      taskId: r.task_id,
      taskCode: r.task_code,
      departmentId: r.department_id,
      departmentName: r.department_name,
      count: r.n,
      dueOn: r.due_on,
      overdue: r.due_on !== null && r.due_on < today,
      daysLeft: r.due_on === null ? null : r.days_left,
    })),
  };

  /** A page past the end has no row to carry the window totals: count once more (rare; still ≤ 2 statements). */
  async function countOnly(): Promise<number> {
    const again = await myWork(actor, { kinds: opts.kinds, limit: 1, offset: 0 }, now);
    return again.totalCount;
  }
}

/** Stalled tasks (the conditions under which reissueTask accepts them); due = the earliest missed deadline. */
function reissueSource(day: string): Prisma.Sql {
  const c = stalledConditionsSql(day);
  return Prisma.sql`
    select 'TASK_TO_REISSUE', '停滞任务，可重新派发：' || t.name, 'Task', t.id, t.id, t.lead_department_id,
           least(case when ${c.acceptanceOverdue} then t.acceptance_due_on end,
                 case when ${c.windowPassed} then greatest(t.window_end, t.inspection_end_on) end),
           1
      from task t
     where ${c.acceptanceOverdue} or ${c.windowPassed} or ${c.targetsNotInspected}`;
}
