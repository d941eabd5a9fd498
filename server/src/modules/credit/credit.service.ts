// Credit linkage (信用监管衔接): the one place where published results become credit events and where a
// target's effective risk class is recomputed (rule table in credit.rules.ts, documented in docs/CREDIT.md).
//
// CONTRACT (used by the record module):
//   linkCreditForPublished(tx, audit, results, on)   — called inside the publication transaction with the item
//       results that just became public; creates the events the rule table prescribes (and the follow-ups for
//       codes 5, 8, 10), then recomputes the affected targets' risk class.
//   relinkCreditForCorrection(tx, audit, result, on) — called inside the correction-approval transaction: ends the
//       events derived from the old code, creates those of the new code, recomputes the risk class.
//
// Everything here is set-based: a task publication can cover thousands of results, and costs a fixed number of
// statements (events, follow-ups, abnormal-list flags, class recomputation) however many there are.
import type { Context } from '../../context.ts';
import type { CreditEventKind, RiskClass } from '../../generated/prisma/enums.ts';
import { AppError, InputError, NotFoundError } from '../../shared/errors.ts';
import { mutate, type Audit, type Tx } from '../../shared/mutation.ts';
import { requireId } from '../../shared/pagination.ts';
import { addWorkingDays, todayInChina } from '../../shared/working-days.ts';
import { loadCalendarTx } from '../calendar/calendar.service.ts';
import { AUTO_FOLLOW_UPS, CREDIT_RULES, effectiveClassSql } from './credit.rules.ts';

export interface PublishedResult {
  itemResultId: string;
  targetId: string;
  departmentId: string;
  taskId: string;
  code: number;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The calendar date in China (UTC+8) of an instant, as an ISO date; a UTC-midnight date maps to itself. */
export function chinaDay(d: Date): string {
  return iso(todayInChina(d));
}

/** Today in China as a UTC-midnight Date. */
export function chinaToday(now = new Date()): Date {
  return new Date(`${chinaDay(now)}T00:00:00Z`);
}

const RESULT_CODE_ZH: Record<number, string> = {
  1: '未发现问题',
  2: '未按规定公示应当公示的信息',
  3: '公示信息隐瞒真实情况弄虚作假',
  4: '通过登记的住所（经营场所）无法取得联系',
  5: '发现问题已责令整改',
  6: '不配合检查情节严重',
  7: '未发现本次抽查涉及的经营活动',
  8: '发现问题待后续处理',
  9: '合格',
  10: '不合格',
};

/** The rule table as parallel arrays, for unnest() in SQL. years 0 = no fixed end. */
function ruleArrays() {
  const codes: number[] = [];
  const kinds: string[] = [];
  const years: number[] = [];
  const notes: string[] = [];
  for (const [code, rules] of Object.entries(CREDIT_RULES))
    for (const r of rules) {
      codes.push(Number(code));
      kinds.push(r.kind);
      years.push(r.years ?? 0);
      notes.push(`检查结果 ${code}：${RESULT_CODE_ZH[Number(code)]}（${r.period}）`);
    }
  return { codes, kinds, years, notes };
}

interface CreatedEvent {
  id: string;
  targetId: string;
  kind: CreditEventKind;
  itemResultId: string;
  resultCode: number;
  effectiveFrom: Date;
  effectiveTo: Date | null;
}

interface CreatedFollowUp {
  id: string;
  targetId: string;
  itemResultId: string;
  departmentId: string;
  kind: string;
  status: string;
  dueOn: Date | null;
}

/** Events and follow-ups of a batch of results (two statements), with their audit events. */
async function createForResults(tx: Tx, audit: Audit, results: readonly PublishedResult[], day: string, operation: string): Promise<void> {
  const linked = results.filter((r) => CREDIT_RULES[r.code]);
  if (!linked.length) return;
  const ir = linked.map((r) => requireId('itemResultId', r.itemResultId));
  const tg = linked.map((r) => requireId('targetId', r.targetId));
  const dp = linked.map((r) => requireId('departmentId', r.departmentId));
  const tk = linked.map((r) => requireId('taskId', r.taskId));
  const cd = linked.map((r) => r.code);
  const rules = ruleArrays();
  const events = await tx.$queryRaw<CreatedEvent[]>`
    with r as (
      select * from unnest(${ir}::uuid[], ${tg}::uuid[], ${dp}::uuid[], ${cd}::int[]) as r(item_result_id, target_id, department_id, code)
    ), k as (
      select * from unnest(${rules.codes}::int[], ${rules.kinds}::text[], ${rules.years}::int[], ${rules.notes}::text[]) as k(code, kind, years, note)
    )
    insert into credit_event (target_id, kind, item_result_id, result_code, department_id, note, effective_from, effective_to)
    select r.target_id, k.kind::"CreditEventKind", r.item_result_id, r.code, r.department_id, k.note, ${day}::date,
           case when k.years > 0 then (${day}::date + make_interval(years => k.years))::date end
      from r join k on k.code = r.code
     where not exists (
       -- idempotent: an item result never carries the same active event twice
       select 1 from credit_event e
        where e.item_result_id = r.item_result_id and e.kind = k.kind::"CreditEventKind" and e.result_code = r.code
          and e.repaired_at is null and (e.effective_to is null or e.effective_to > ${day}::date))
     order by r.target_id, r.item_result_id, k.kind
    returning id::text as id, target_id::text as "targetId", kind::text as kind, item_result_id::text as "itemResultId",
              result_code as "resultCode", effective_from as "effectiveFrom", effective_to as "effectiveTo"`;
  for (const e of events) audit.record({ operation, entity: 'CreditEvent', entityId: e.id, after: e });

  const fu = Object.entries(AUTO_FOLLOW_UPS);
  if (!fu.some(([code]) => cd.includes(Number(code)))) return;
  const fromDate = new Date(`${day}T00:00:00Z`);
  const cal = await loadCalendarTx(tx, fromDate.getUTCFullYear(), fromDate.getUTCFullYear() + 1);
  const fCodes = fu.map(([c]) => Number(c));
  const fKinds = fu.map(([, f]) => f.kind);
  const fStatus = fu.map(([, f]) => f.status);
  const fDesc = fu.map(([, f]) => f.description);
  const fDue = fu.map(([, f]) => iso(addWorkingDays(fromDate, f.workingDays, cal)));
  const followUps = await tx.$queryRaw<CreatedFollowUp[]>`
    with r as (
      select * from unnest(${ir}::uuid[], ${tg}::uuid[], ${dp}::uuid[], ${tk}::uuid[], ${cd}::int[])
        as r(item_result_id, target_id, department_id, task_id, code)
    ), f as (
      select * from unnest(${fCodes}::int[], ${fKinds}::text[], ${fStatus}::text[], ${fDesc}::text[], ${fDue}::text[])
        as f(code, kind, status, description, due_on)
    )
    insert into follow_up (target_id, task_id, item_result_id, department_id, kind, status, description, due_on)
    select r.target_id, r.task_id, r.item_result_id, r.department_id, f.kind::"FollowUpKind", f.status::"FollowUpStatus",
           f.description, f.due_on::date
      from r join f on f.code = r.code
     where not exists (select 1 from follow_up x where x.item_result_id = r.item_result_id and x.status <> 'CLOSED')
     order by r.target_id, r.item_result_id
    returning id::text as id, target_id::text as "targetId", item_result_id::text as "itemResultId",
              department_id::text as "departmentId", kind::text as kind, status::text as status, due_on as "dueOn"`;
  for (const f of followUps) audit.record({ operation, entity: 'FollowUp', entityId: f.id, after: f });
}

/**
 * Sets target.onAbnormalList for targets with an active ABNORMAL_OPERATIONS event, and clears it for targets
 * whose event-derived listing has ended (they had such an event, none is active any more). A flag that came from
 * the register with no event behind it is left alone. One statement.
 */
async function syncAbnormalList(tx: Tx, audit: Audit, targetIds: readonly string[], day: string): Promise<void> {
  if (!targetIds.length) return;
  const changed = await tx.$queryRaw<{ id: string; onAbnormalList: boolean }[]>`
    with s as (
      select t.id,
             bool_or(e.repaired_at is null and e.effective_from <= ${day}::date and (e.effective_to is null or e.effective_to > ${day}::date)) as active
        from target t join credit_event e on e.target_id = t.id and e.kind = 'ABNORMAL_OPERATIONS'
       where t.id = any(${targetIds}::uuid[])
       group by t.id
    )
    update target t set on_abnormal_list = s.active, updated_at = now()
      from s where t.id = s.id and t.on_abnormal_list is distinct from s.active
    returning t.id::text as id, t.on_abnormal_list as "onAbnormalList"`;
  for (const c of changed)
    audit.record({ operation: 'syncAbnormalList', entity: 'Target', entityId: c.id, before: { onAbnormalList: !c.onAbnormalList }, after: { onAbnormalList: c.onAbnormalList } });
}

export interface ClassChange {
  id: string;
  before: RiskClass;
  after: RiskClass;
}

/**
 * Recomputes the effective risk class of many targets in ONE statement (rule: docs/CREDIT.md, effectiveClassSql):
 * max(riskClassBase, class implied by the events active on `on`, abnormal-list flag → C). Writes riskClass and
 * riskClassComputedAt; one audit event per target whose class changed.
 */
export async function recomputeRiskClass(tx: Tx, audit: Audit, targetIds: readonly string[], on: Date, cause: Record<string, unknown>): Promise<ClassChange[]> {
  const ids = [...new Set(targetIds)].sort();
  if (!ids.length) return [];
  const day = chinaDay(on);
  const changes = await tx.$queryRawUnsafe<(ClassChange & { changed: boolean })[]>(
    `with c as materialized (
       select t.id, t.risk_class as before, ${effectiveClassSql('t.risk_class_base', 't.id', 't.on_abnormal_list', '$2::date')} as after
         from target t where t.id = any($1::uuid[])
        order by t.id
          for update
     )
     update target t set risk_class = c.after, risk_class_computed_at = now(),
            updated_at = case when t.risk_class is distinct from c.after then now() else t.updated_at end
       from c where t.id = c.id
     returning t.id::text as id, c.before::text as before, t.risk_class::text as after, (c.before is distinct from c.after) as changed`,
    ids,
    day,
  );
  const out = changes.filter((c) => c.changed).map(({ id, before, after }) => ({ id, before, after }));
  for (const c of out)
    audit.record({ operation: 'recomputeRiskClass', entity: 'Target', entityId: c.id, before: { riskClass: c.before }, after: { riskClass: c.after, on: day, cause } });
  return out;
}

export async function linkCreditForPublished(tx: Tx, audit: Audit, results: PublishedResult[], on: Date): Promise<void> {
  if (!results.length) return;
  const day = chinaDay(on);
  await createForResults(tx, audit, results, day, 'linkCreditForPublished');
  const touched = [...new Set(results.filter((r) => CREDIT_RULES[r.code]).map((r) => r.targetId))];
  const abnormal = [...new Set(results.filter((r) => CREDIT_RULES[r.code]?.some((x) => x.kind === 'ABNORMAL_OPERATIONS')).map((r) => r.targetId))];
  await syncAbnormalList(tx, audit, abnormal, day);
  await recomputeRiskClass(tx, audit, touched, on, { operation: 'linkCreditForPublished' });
}

export async function relinkCreditForCorrection(tx: Tx, audit: Audit, result: PublishedResult & { oldCode: number }, on: Date): Promise<void> {
  const day = chinaDay(on);
  const itemResultId = requireId('itemResultId', result.itemResultId);
  const note = `更正：检查结果 ${result.oldCode} → ${result.code}，自 ${day} 起终止 / ended by correction ${result.oldCode} → ${result.code}`;
  const ended = await tx.$queryRaw<{ id: string; kind: string; effectiveTo: Date }[]>`
    update credit_event set effective_to = ${day}::date, note = concat_ws('；', note, ${note}::text)
     where item_result_id = ${itemResultId}::uuid and result_code = ${result.oldCode}
       and (effective_to is null or effective_to > ${day}::date)
    returning id::text as id, kind::text as kind, effective_to as "effectiveTo"`;
  for (const e of ended) audit.record({ operation: 'relinkCreditForCorrection', entity: 'CreditEvent', entityId: e.id, after: { effectiveTo: e.effectiveTo, note } });
  // A follow-up the old code opened becomes moot when the new code needs none: closed with a note (kept visible).
  if (AUTO_FOLLOW_UPS[result.oldCode] && !AUTO_FOLLOW_UPS[result.code]) {
    const closureNote = `检查结果已更正为 ${result.code}，无需后续处置 / result corrected to ${result.code}: no follow-up needed`;
    const closed = await tx.$queryRaw<{ id: string }[]>`
      update follow_up set status = 'CLOSED', closed_at = now(), closure_note = ${closureNote}, updated_at = now()
       where item_result_id = ${itemResultId}::uuid and status <> 'CLOSED'
      returning id::text as id`;
    for (const f of closed) audit.record({ operation: 'relinkCreditForCorrection', entity: 'FollowUp', entityId: f.id, after: { status: 'CLOSED', closureNote } });
  }
  await createForResults(tx, audit, [result], day, 'relinkCreditForCorrection');
  await syncAbnormalList(tx, audit, [result.targetId], day);
  await recomputeRiskClass(tx, audit, [result.targetId], on, { operation: 'relinkCreditForCorrection', itemResultId });
}

/**
 * Ends the FOLLOW_UP_REQUIRED events of these item results once none of their follow-ups is open any more (called
 * when a follow-up closes), and recomputes the targets' class.
 */
export async function endFollowUpEvents(tx: Tx, audit: Audit, itemResultIds: readonly string[], on: Date, note: string): Promise<void> {
  if (!itemResultIds.length) return;
  const day = chinaDay(on);
  const ended = await tx.$queryRaw<{ id: string; targetId: string }[]>`
    update credit_event e set effective_to = ${day}::date, note = concat_ws('；', e.note, ${note}::text)
     where e.item_result_id = any(${itemResultIds}::uuid[]) and e.kind = 'FOLLOW_UP_REQUIRED'
       and (e.effective_to is null or e.effective_to > ${day}::date)
       and not exists (select 1 from follow_up f where f.item_result_id = e.item_result_id and f.status <> 'CLOSED')
    returning e.id::text as id, e.target_id::text as "targetId"`;
  for (const e of ended) audit.record({ operation: 'endFollowUpEvent', entity: 'CreditEvent', entityId: e.id, after: { effectiveTo: day, note } });
  await recomputeRiskClass(tx, audit, ended.map((e) => e.targetId), on, { operation: 'endFollowUpEvent' });
}

// ───────────────────────────── mutations ─────────────────────────────

const MAX_REASON = 500;

/** 信用修复: the office marks an event repaired (it stays visible); the target's class is recomputed (may go down). */
export async function repairCreditEvent(ctx: Context, idArg: string, reasonArg: string, now = new Date()) {
  if (!(ctx.actor.kind === 'user' && ctx.actor.role === 'OFFICE_ADMIN'))
    throw new AppError('FORBIDDEN', { zh: '只有联席会议办公室可以进行信用修复', en: 'only the office repairs credit events' }, { field: 'id', reason: 'OFFICE_ONLY' });
  const id = requireId('id', idArg);
  const reason = (reasonArg ?? '').trim();
  if (!reason) throw new InputError('reason', 'REQUIRED', { zh: '请填写信用修复理由', en: 'a repair reason is required' });
  if (reason.length > MAX_REASON) throw new InputError('reason', 'TOO_LONG', { zh: `理由不超过 ${MAX_REASON} 个字符`, en: `at most ${MAX_REASON} characters` });
  return mutate(ctx, async (tx, audit) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`select id::text as id from credit_event where id = ${id}::uuid for update`;
    if (!rows.length) throw new NotFoundError('信用事件', id);
    const before = await tx.creditEvent.findUniqueOrThrow({ where: { id } });
    if (before.repairedAt)
      throw new AppError('INVALID_TRANSITION', { zh: '该信用事件已修复', en: 'the credit event is already repaired' }, { field: 'id', reason: 'ALREADY_REPAIRED' });
    const event = await tx.creditEvent.update({ where: { id }, data: { repairedAt: now, repairedBy: ctx.actor.id, repairReason: reason } });
    audit.record({
      operation: 'repairCreditEvent',
      entity: 'CreditEvent',
      entityId: id,
      before: { repairedAt: null },
      after: { repairedAt: now, repairedBy: ctx.actor.id, repairReason: reason },
    });
    const day = chinaDay(now);
    if (event.kind === 'ABNORMAL_OPERATIONS') await syncAbnormalList(tx, audit, [event.targetId], day);
    await recomputeRiskClass(tx, audit, [event.targetId], now, { operation: 'repairCreditEvent', creditEventId: id });
    return event;
  });
}

/**
 * Recomputes the class of every target whose events started or ended since its class was last computed (e.g. a
 * dishonesty record reaching the end of its 3 years). Run by the office (or a daily job) before draws.
 */
export async function recomputeDueRiskClasses(ctx: Context, now = new Date()) {
  if (!(ctx.actor.kind === 'user' && ctx.actor.role === 'OFFICE_ADMIN'))
    throw new AppError('FORBIDDEN', { zh: '只有联席会议办公室可以重算信用风险分类', en: 'only the office recomputes risk classes' }, { reason: 'OFFICE_ONLY' });
  const day = chinaDay(now);
  return mutate(ctx, async (tx, audit) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      select distinct e.target_id::text as id
        from credit_event e join target t on t.id = e.target_id
       where (e.effective_to is not null and e.effective_to <= ${day}::date
              and (t.risk_class_computed_at is null or t.risk_class_computed_at < (e.effective_to::timestamp at time zone 'UTC') - interval '8 hours'))
          or (e.effective_from <= ${day}::date
              and (t.risk_class_computed_at is null or t.risk_class_computed_at < (e.effective_from::timestamp at time zone 'UTC') - interval '8 hours'))`;
    const changes = await recomputeRiskClass(tx, audit, due.map((d) => d.id), now, { operation: 'recomputeDueRiskClasses' });
    audit.record({ operation: 'recomputeDueRiskClasses', entity: 'Target', entityId: null, after: { on: day, checked: due.length, changed: changes.length } });
    return { checked: due.length, changes };
  });
}
