// Plans (抽查计划): departmental annual plans and the joint annual plan. Rules, in the order
// authorise → validate → persist → audit, each change one transaction (shared/mutation.ts).
//
// Life of a plan (seed 001 二(四)):
//   departmental: DRAFT → SUBMITTED (报联席会议办公室, due 20 January) → PUBLISHED → adjusted (PUBLISHED, version + 1)
//   joint:        compileJointPlan → DRAFT → PUBLISHED (February) → adjusted …
// Publishing freezes a PlanVersion snapshot; an adjustment needs a reason and publishes the next version, so
// plan.versions is the full history. Drafts are edited with updatePlan; SUBMITTED and PUBLISHED plans are not.
//
// Also here: the office's two planning queries — departments that have neither led nor joined a joint task in a
// year, and joint opportunities (published plans of different departments whose windows overlap and whose scopes
// select the same targets: candidates for one visit, many checks — 进一次门、查多项事).
import type { InspectionMode, ListKind, ParticipantRole, PlanStatus, TargetType } from '../../generated/prisma/enums.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { db, prisma } from '../../db/database.ts';
import { AppError, InputError, NotFoundError } from '../../shared/errors.ts';
import { mutate, type Tx } from '../../shared/mutation.ts';
import type { Context } from '../../context.ts';
import { assertActsFor, assertOffice, requireBasisPoints, requireText, requireYear } from '../item/item.service.ts';

const formatDate = (d: Date) => d.toISOString().slice(0, 10);
const parseDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

// ── the plan state machine, written once ──

const PLAN_STATUS_ZH: Record<PlanStatus, string> = { DRAFT: '草稿', SUBMITTED: '已报送', PUBLISHED: '已发布', SUPERSEDED: '已被取代' };

/** Steps a plan may take, by its current status. `adjust` keeps it PUBLISHED and publishes the next version. */
const PLAN_STEPS: Record<PlanStatus, readonly PlanStep[]> = {
  DRAFT: ['update', 'submit', 'publish'],
  SUBMITTED: ['publish'],
  PUBLISHED: ['adjust'],
  SUPERSEDED: [],
};
type PlanStep = 'update' | 'submit' | 'publish' | 'adjust';
const STEP_TARGET: Record<PlanStep, PlanStatus> = { update: 'DRAFT', submit: 'SUBMITTED', publish: 'PUBLISHED', adjust: 'PUBLISHED' };

function assertStep(current: PlanStatus, step: PlanStep): void {
  if (PLAN_STEPS[current].includes(step)) return;
  const immutable = step === 'update' && current !== 'DRAFT';
  throw new AppError(
    'INVALID_TRANSITION',
    immutable
      ? { zh: `计划状态为“${PLAN_STATUS_ZH[current]}”，不能修改（已报送或已发布的计划只能通过调整变更）`, en: `a plan in state ${current} cannot be edited; a published plan changes only through adjustPlan` }
      : { zh: `计划状态为“${PLAN_STATUS_ZH[current]}”，不能${step === 'adjust' ? '调整' : `变为“${PLAN_STATUS_ZH[STEP_TARGET[step]]}”`}`, en: `a plan in state ${current} cannot ${step === 'adjust' ? 'be adjusted (publish it first)' : `move to ${STEP_TARGET[step]}`}` },
    { entity: 'Plan', current, requested: STEP_TARGET[step], step },
  );
}

/** Departmental plans are due at the office by 20 January of the plan year, China time (seed 001). */
export function submissionDeadline(year: number): Date {
  return new Date(Date.UTC(year, 0, 20, 16, 0, 0)); // 21 January 00:00 +08:00
}

// ── inputs and their validation ──

export interface RatiosInput {
  A: number;
  B: number;
  C: number;
  D: number;
}

export interface ScopeInput {
  industryCodes?: string[] | null;
  regionCodes?: string[] | null;
  targetTypes?: TargetType[] | null;
  keywords?: string[] | null;
}

export interface PlanItemInput {
  checkItemId: string;
  ratioBp?: number | null;
}

/** Fields a draft update or an adjustment may change (absent = unchanged). */
export interface PlanChanges {
  name?: string;
  mode?: InspectionMode;
  windowStart?: Date;
  windowEnd?: Date;
  frequencyPerYear?: number;
  ratios?: RatiosInput;
  scope?: ScopeInput;
  description?: string | null;
  leadDepartmentId?: string;
  participantDepartmentIds?: string[];
  items?: PlanItemInput[];
}

export interface CreatePlanInput extends PlanChanges {
  name: string;
  year: number;
  kind: ListKind;
  departmentId?: string | null;
  mode: InspectionMode;
  windowStart: Date;
  windowEnd: Date;
  ratios: RatiosInput;
}

/** Everything a plan is, normalised: what is validated, stored and frozen in a version. */
interface PlanState {
  name: string;
  year: number;
  kind: ListKind;
  departmentId: string;
  mode: InspectionMode;
  windowStart: Date;
  windowEnd: Date;
  frequencyPerYear: number;
  ratioABp: number;
  ratioBBp: number;
  ratioCBp: number;
  ratioDBp: number;
  scopeIndustryCodes: string[];
  scopeRegionCodes: string[];
  scopeTargetTypes: TargetType[];
  scopeKeywords: string[];
  description: string | null;
  leadDepartmentId: string;
  participantDepartmentIds: string[];
  items: { checkItemId: string; ratioBp: number | null }[];
}

const INDUSTRY_RE = /^[A-T](\d{1,4})?$/; // GB/T 4754: section letter, then up to four digits (prefixes allowed)
const REGION_RE = /^\d{2,12}$/; // GB/T 2260 codes and their prefixes (6 digits, 9 with township)
const MAX_SCOPE_ENTRIES = 100;

function scopeList(field: string, values: string[] | null | undefined, normalise: (v: string) => string, valid: (v: string) => boolean, what: { zh: string; en: string }): string[] {
  const out: string[] = [];
  (values ?? []).forEach((raw, i) => {
    const v = normalise(raw);
    if (!valid(v)) throw new InputError(`${field}[${i}]`, 'SCOPE_FORMAT', what);
    if (!out.includes(v)) out.push(v);
  });
  if (out.length > MAX_SCOPE_ENTRIES) throw new InputError(field, 'TOO_MANY', { zh: `最多 ${MAX_SCOPE_ENTRIES} 项`, en: `at most ${MAX_SCOPE_ENTRIES} entries` });
  return out;
}

function normaliseScope(prefix: string, s: ScopeInput) {
  return {
    scopeIndustryCodes: scopeList(`${prefix}.industryCodes`, s.industryCodes, (v) => v.trim().toUpperCase(), (v) => INDUSTRY_RE.test(v), {
      zh: '行业代码应为门类字母加 0–4 位数字（GB/T 4754，如 C13、F5265）',
      en: 'an industry code is a section letter and 0–4 digits (GB/T 4754, e.g. C13, F5265)',
    }),
    scopeRegionCodes: scopeList(`${prefix}.regionCodes`, s.regionCodes, (v) => v.trim(), (v) => REGION_RE.test(v), {
      zh: '行政区划代码（前缀）应为 2–12 位数字',
      en: 'a region code (prefix) has 2–12 digits',
    }),
    scopeTargetTypes: [...new Set(s.targetTypes ?? [])],
    scopeKeywords: scopeList(`${prefix}.keywords`, s.keywords, (v) => v.trim(), (v) => v.length > 0 && v.length <= 50, {
      zh: '关键词应为 1–50 个字符',
      en: 'a keyword has 1–50 characters',
    }),
  };
}

/** Applies changes to a state; input-only checks (text, ratios, window, scope) happen here. */
function applyChanges(base: PlanState, c: PlanChanges, prefix: string): PlanState {
  const next: PlanState = { ...base };
  if (c.name !== undefined) next.name = requireText(`${prefix}.name`, c.name, 200);
  if (c.mode !== undefined) next.mode = c.mode;
  if (c.windowStart !== undefined) next.windowStart = c.windowStart;
  if (c.windowEnd !== undefined) next.windowEnd = c.windowEnd;
  if (c.frequencyPerYear !== undefined) {
    if (!Number.isInteger(c.frequencyPerYear) || c.frequencyPerYear < 1 || c.frequencyPerYear > 12)
      throw new InputError(`${prefix}.frequencyPerYear`, 'FREQUENCY', { zh: '抽查频次应为每年 1–12 次', en: 'frequency is 1–12 times a year' });
    next.frequencyPerYear = c.frequencyPerYear;
  }
  if (c.ratios !== undefined) {
    next.ratioABp = requireBasisPoints(`${prefix}.ratios.A`, c.ratios.A);
    next.ratioBBp = requireBasisPoints(`${prefix}.ratios.B`, c.ratios.B);
    next.ratioCBp = requireBasisPoints(`${prefix}.ratios.C`, c.ratios.C);
    next.ratioDBp = requireBasisPoints(`${prefix}.ratios.D`, c.ratios.D);
  }
  if (c.scope !== undefined) Object.assign(next, normaliseScope(`${prefix}.scope`, c.scope));
  if (c.description !== undefined) next.description = c.description?.trim() ? requireText(`${prefix}.description`, c.description, 5000) : null;
  if (c.leadDepartmentId !== undefined) next.leadDepartmentId = c.leadDepartmentId;
  if (c.participantDepartmentIds !== undefined) next.participantDepartmentIds = [...new Set(c.participantDepartmentIds)];
  if (c.items !== undefined) next.items = c.items.map((i) => ({ checkItemId: i.checkItemId, ratioBp: i.ratioBp ?? null }));
  next.participantDepartmentIds = next.participantDepartmentIds.filter((d) => d !== next.leadDepartmentId);

  if (next.windowEnd < next.windowStart)
    throw new InputError(`${prefix}.windowEnd`, 'WINDOW_ORDER', { zh: '结束日期不能早于开始日期', en: 'the window ends before it starts' });
  for (const [f, d] of [['windowStart', next.windowStart], ['windowEnd', next.windowEnd]] as const)
    if (d.getUTCFullYear() !== next.year)
      throw new InputError(`${prefix}.${f}`, 'OUTSIDE_YEAR', { zh: `年度计划的时间应在 ${next.year} 年内`, en: `an annual plan's window lies within ${next.year}` });
  return next;
}

/**
 * Checks what needs the database, inside the writing transaction: departments exist and are active; a
 * departmental plan is led by its own department; every item exists, is active, appears once, belongs to the
 * lead or a participant; ratios are basis points; a GENERAL item has a ratio no higher than its cap. Item rows
 * are locked FOR SHARE so a cap cannot change under a plan being saved.
 */
async function validateAgainstDatabase(tx: Tx, s: PlanState, prefix: string): Promise<void> {
  if (s.kind === 'DEPARTMENT' && s.leadDepartmentId !== s.departmentId)
    throw new InputError(`${prefix}.leadDepartmentId`, 'LEAD_NOT_OWNER', { zh: '部门计划由本部门牵头', en: 'a departmental plan is led by its own department' });
  const deptIds = [s.leadDepartmentId, ...s.participantDepartmentIds];
  const depts = await tx.department.findMany({ where: { id: { in: deptIds } }, select: { id: true, active: true } });
  const deptById = new Map(depts.map((d) => [d.id, d]));
  const checkDept = (id: string, field: string) => {
    const d = deptById.get(id);
    if (!d) throw new InputError(field, 'NOT_FOUND', { zh: '未找到部门', en: 'no such department' });
    if (!d.active) throw new InputError(field, 'DEPARTMENT_INACTIVE', { zh: '该部门已停用', en: 'this department is inactive' });
  };
  checkDept(s.leadDepartmentId, `${prefix}.leadDepartmentId`);
  s.participantDepartmentIds.forEach((id, i) => checkDept(id, `${prefix}.participantDepartmentIds[${i}]`));

  const ids = s.items.map((i) => i.checkItemId);
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw new InputError(`${prefix}.items[${i}].checkItemId`, 'DUPLICATE', { zh: '事项重复', en: 'this item is listed twice' });
    seen.add(id);
  });
  const rows = ids.length
    ? await tx.$queryRaw<{ id: string; code: string; department_id: string; category: string; ratio_cap_bp: number | null; active: boolean }[]>`
        select id::text, code, department_id::text, category::text, ratio_cap_bp, active
          from check_item where id = any(${ids}::uuid[]) for share`
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const inPlan = new Set(deptIds);
  s.items.forEach((it, i) => {
    const f = `${prefix}.items[${i}]`;
    const item = byId.get(it.checkItemId);
    if (!item) throw new InputError(`${f}.checkItemId`, 'NOT_FOUND', { zh: '未找到该抽查事项', en: 'no such check item' });
    if (!item.active) throw new InputError(`${f}.checkItemId`, 'ITEM_INACTIVE', { zh: `事项 ${item.code} 已停用`, en: `item ${item.code} is inactive` });
    if (!inPlan.has(item.department_id))
      throw new InputError(`${f}.checkItemId`, 'ITEM_DEPARTMENT_NOT_IN_PLAN', {
        zh: `事项 ${item.code} 的抽查主体不是本计划的牵头或参与部门`,
        en: `item ${item.code} belongs to a department that neither leads nor joins this plan`,
      });
    if (it.ratioBp !== null) requireBasisPoints(`${f}.ratioBp`, it.ratioBp);
    if (item.category === 'GENERAL') {
      if (it.ratioBp === null)
        throw new InputError(`${f}.ratioBp`, 'RATIO_REQUIRED', { zh: `一般事项 ${item.code} 须设定抽查比例`, en: `GENERAL item ${item.code} needs a ratio` });
      if (it.ratioBp > item.ratio_cap_bp!)
        throw new InputError(`${f}.ratioBp`, 'RATIO_ABOVE_CAP', {
          zh: `一般事项 ${item.code} 的抽查比例 ${it.ratioBp} 基点超过上限 ${item.ratio_cap_bp} 基点`,
          en: `GENERAL item ${item.code}: ratio ${it.ratioBp} bp exceeds its cap of ${item.ratio_cap_bp} bp`,
        });
    }
  });
}

const scalarData = (s: PlanState) => ({
  name: s.name,
  mode: s.mode,
  windowStart: s.windowStart,
  windowEnd: s.windowEnd,
  frequencyPerYear: s.frequencyPerYear,
  ratioABp: s.ratioABp,
  ratioBBp: s.ratioBBp,
  ratioCBp: s.ratioCBp,
  ratioDBp: s.ratioDBp,
  scopeIndustryCodes: s.scopeIndustryCodes,
  scopeRegionCodes: s.scopeRegionCodes,
  scopeTargetTypes: s.scopeTargetTypes,
  scopeKeywords: s.scopeKeywords,
  description: s.description,
});

/** Replaces participants and items with the state's (the item's department is its subject department). */
async function writeMembers(tx: Tx, planId: string, s: PlanState): Promise<void> {
  await tx.planParticipant.deleteMany({ where: { planId } });
  await tx.planParticipant.createMany({
    data: [
      { planId, departmentId: s.leadDepartmentId, role: 'LEAD' as ParticipantRole },
      ...s.participantDepartmentIds.map((departmentId) => ({ planId, departmentId, role: 'PARTICIPANT' as ParticipantRole })),
    ],
  });
  await tx.planItem.deleteMany({ where: { planId } });
  if (s.items.length)
    await tx.$executeRaw`
      insert into plan_item (plan_id, check_item_id, department_id, ratio_bp)
      select ${planId}::uuid, ci.id, ci.department_id, x.ratio_bp
        from unnest(${s.items.map((i) => i.checkItemId)}::uuid[], ${s.items.map((i) => i.ratioBp)}::int[]) as x(check_item_id, ratio_bp)
        join check_item ci on ci.id = x.check_item_id`;
}

type PlanRow = Prisma.PlanGetPayload<{ include: { participants: true; items: true } }>;

function stateOf(p: PlanRow): PlanState {
  const lead = p.participants.find((x) => x.role === 'LEAD')?.departmentId ?? p.departmentId;
  return {
    name: p.name,
    year: p.year,
    kind: p.kind,
    departmentId: p.departmentId,
    mode: p.mode,
    windowStart: p.windowStart,
    windowEnd: p.windowEnd,
    frequencyPerYear: p.frequencyPerYear,
    ratioABp: p.ratioABp,
    ratioBBp: p.ratioBBp,
    ratioCBp: p.ratioCBp,
    ratioDBp: p.ratioDBp,
    // Scalar lists written by other paths (seeds, SQL) may be NULL: NULL and empty both mean "no restriction".
    scopeIndustryCodes: p.scopeIndustryCodes ?? [],
    scopeRegionCodes: p.scopeRegionCodes ?? [],
    scopeTargetTypes: p.scopeTargetTypes ?? [],
    scopeKeywords: p.scopeKeywords ?? [],
    description: p.description,
    leadDepartmentId: lead,
    participantDepartmentIds: p.participants.filter((x) => x.role !== 'LEAD').map((x) => x.departmentId).sort(),
    items: [...p.items].map((i) => ({ checkItemId: i.checkItemId, ratioBp: i.ratioBp })),
  };
}

/** Comparable form of a state (order of participants and items does not matter). */
function fingerprint(s: PlanState): string {
  return JSON.stringify({
    ...s,
    windowStart: formatDate(s.windowStart),
    windowEnd: formatDate(s.windowEnd),
    participantDepartmentIds: [...s.participantDepartmentIds].sort(),
    items: [...s.items].sort((a, b) => (a.checkItemId < b.checkItemId ? -1 : 1)),
    scopeTargetTypes: [...s.scopeTargetTypes].sort(),
  });
}

/** The frozen form of a plan written into PlanVersion.snapshot. */
async function snapshotOf(tx: Tx, planId: string) {
  const p = await tx.plan.findUniqueOrThrow({
    where: { id: planId },
    include: {
      department: { select: { id: true, code: true, name: true } },
      participants: { include: { department: { select: { code: true, name: true } } } },
      items: { include: { checkItem: { select: { code: true, name: true, category: true, ratioCapBp: true } } } },
      compiledFrom: { select: { id: true, version: true, department: { select: { code: true } } }, orderBy: { id: 'asc' } },
    },
  });
  return {
    id: p.id,
    name: p.name,
    year: p.year,
    kind: p.kind,
    department: p.department,
    mode: p.mode,
    version: p.version,
    window: { start: formatDate(p.windowStart), end: formatDate(p.windowEnd) },
    frequencyPerYear: p.frequencyPerYear,
    ratiosBp: { A: p.ratioABp, B: p.ratioBBp, C: p.ratioCBp, D: p.ratioDBp },
    scope: { industryCodes: p.scopeIndustryCodes ?? [], regionCodes: p.scopeRegionCodes ?? [], targetTypes: p.scopeTargetTypes ?? [], keywords: p.scopeKeywords ?? [] },
    description: p.description,
    participants: p.participants
      .map((x) => ({ departmentId: x.departmentId, code: x.department.code, name: x.department.name, role: x.role }))
      .sort((a, b) => (a.role === b.role ? a.code.localeCompare(b.code) : a.role === 'LEAD' ? -1 : 1)),
    items: p.items
      .map((i) => ({ checkItemId: i.checkItemId, departmentId: i.departmentId, ratioBp: i.ratioBp, ...i.checkItem }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    compiledFrom: p.compiledFrom.map((c) => ({ id: c.id, department: c.department.code, version: c.version })),
  };
}

// ── reading and authorising ──

async function readPlan(id: string) {
  const plan = await prisma().plan.findUnique({ where: { id } });
  if (!plan) throw new NotFoundError('抽查计划', id);
  return plan;
}

function authorisePlan(ctx: Context, plan: { kind: ListKind; departmentId: string }, field: string) {
  if (plan.kind === 'JOINT') assertOffice(ctx, field, { zh: '编制或调整联合抽查计划', en: 'edit the joint plan' });
  else assertActsFor(ctx, plan.departmentId, field);
}

/** Locks the plan row, checks the step against its current status, and reads it with its members. */
async function lockPlan(tx: Tx, id: string, step: PlanStep): Promise<PlanRow> {
  const rows = await tx.$queryRaw<{ status: PlanStatus }[]>`select status from plan where id = ${id}::uuid for update`;
  if (!rows[0]) throw new NotFoundError('抽查计划', id);
  assertStep(rows[0].status, step);
  return tx.plan.findUniqueOrThrow({ where: { id }, include: { participants: true, items: true } });
}

async function officeHost(tx: Tx | ReturnType<typeof prisma>) {
  const host = await tx.department.findFirst({ where: { isOfficeHost: true }, orderBy: { sortOrder: 'asc' } });
  if (!host)
    throw new AppError('CONFLICT', { zh: '未设置联席会议办公室所在部门', en: 'no department is marked as the office host' }, { reason: 'NO_OFFICE_HOST' });
  return host;
}

// ── mutations ──

export async function createPlan(ctx: Context, input: CreatePlanInput) {
  const year = requireYear('input.year', input.year);
  let departmentId: string;
  if (input.kind === 'DEPARTMENT') {
    if (!input.departmentId) throw new InputError('input.departmentId', 'REQUIRED', { zh: '部门计划须指定编制部门', en: 'a departmental plan names its department' });
    assertActsFor(ctx, input.departmentId, 'input.departmentId');
    departmentId = input.departmentId;
    const d = await prisma().department.findUnique({ where: { id: departmentId } });
    if (!d) throw new AppError('NOT_FOUND', { zh: '未找到部门', en: 'no such department' }, { field: 'input.departmentId', entity: 'Department', id: departmentId });
  } else {
    assertOffice(ctx, 'input.kind', { zh: '编制联合抽查计划', en: 'create the joint plan' });
    const host = await officeHost(prisma());
    if (input.departmentId && input.departmentId !== host.id)
      throw new InputError('input.departmentId', 'JOINT_PLAN_OWNER', { zh: '联合计划的编制部门为联席会议办公室所在部门', en: "a joint plan belongs to the office's host department" });
    departmentId = host.id;
  }
  const base: PlanState = {
    name: '',
    year,
    kind: input.kind,
    departmentId,
    mode: input.mode,
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    frequencyPerYear: 1,
    ratioABp: 0,
    ratioBBp: 0,
    ratioCBp: 0,
    ratioDBp: 0,
    scopeIndustryCodes: [],
    scopeRegionCodes: [],
    scopeTargetTypes: [],
    scopeKeywords: [],
    description: null,
    leadDepartmentId: input.leadDepartmentId ?? departmentId,
    participantDepartmentIds: [],
    items: [],
  };
  const state = applyChanges(base, { ...input, leadDepartmentId: input.leadDepartmentId ?? departmentId }, 'input');
  return mutate(ctx, async (tx, audit) => {
    await validateAgainstDatabase(tx, state, 'input');
    const plan = await tx.plan.create({ data: { ...scalarData(state), year, kind: state.kind, departmentId, status: 'DRAFT', version: 0 } });
    await writeMembers(tx, plan.id, state);
    audit.record({ operation: 'createPlan', entity: 'Plan', entityId: plan.id, after: { ...state, id: plan.id, status: 'DRAFT' } });
    return plan;
  });
}

export async function updatePlan(ctx: Context, id: string, changes: PlanChanges) {
  const plan = await readPlan(id);
  authorisePlan(ctx, plan, 'id');
  assertStep(plan.status, 'update');
  return mutate(ctx, async (tx, audit) => {
    const row = await lockPlan(tx, id, 'update');
    const before = stateOf(row);
    const after = applyChanges(before, changes, 'input');
    await validateAgainstDatabase(tx, after, 'input');
    const updated = await tx.plan.update({ where: { id }, data: scalarData(after) });
    if (changes.items !== undefined || changes.leadDepartmentId !== undefined || changes.participantDepartmentIds !== undefined) await writeMembers(tx, id, after);
    audit.record({ operation: 'updatePlan', entity: 'Plan', entityId: id, before, after });
    return updated;
  });
}

export async function submitPlan(ctx: Context, id: string) {
  const plan = await readPlan(id);
  authorisePlan(ctx, plan, 'id');
  if (plan.kind === 'JOINT')
    throw new AppError(
      'INVALID_TRANSITION',
      { zh: '联合计划由办公室直接发布，不报送', en: 'a joint plan is published by the office, not submitted' },
      { entity: 'Plan', current: plan.status, requested: 'SUBMITTED', reason: 'JOINT_PLAN' },
    );
  assertStep(plan.status, 'submit');
  return mutate(ctx, async (tx, audit) => {
    const row = await lockPlan(tx, id, 'submit');
    const state = stateOf(row);
    await validateAgainstDatabase(tx, state, 'plan');
    if (!state.items.length) throw new InputError('id', 'PLAN_EMPTY', { zh: '计划中没有抽查事项，不能报送', en: 'a plan without items cannot be submitted' });
    const now = new Date();
    const late = now >= submissionDeadline(plan.year);
    const updated = await tx.plan.update({ where: { id }, data: { status: 'SUBMITTED' } });
    audit.record({ operation: 'submitPlan', entity: 'Plan', entityId: id, before: { status: 'DRAFT' }, after: { status: 'SUBMITTED', submittedAt: now, late } });
    return updated;
  });
}

/** Freezes the plan's current content as its next version. */
async function freezeVersion(tx: Tx, ctx: Context, id: string, version: number, reason: string | null) {
  const now = new Date();
  await tx.plan.update({ where: { id }, data: { status: 'PUBLISHED', version, publishedAt: now } });
  const snapshot = await snapshotOf(tx, id);
  return tx.planVersion.create({ data: { planId: id, version, reason, snapshot, publishedAt: now, publishedBy: ctx.actor.id } });
}

export async function publishPlan(ctx: Context, id: string) {
  const plan = await readPlan(id);
  authorisePlan(ctx, plan, 'id');
  assertStep(plan.status, 'publish');
  return mutate(ctx, async (tx, audit) => {
    const row = await lockPlan(tx, id, 'publish');
    const state = stateOf(row);
    await validateAgainstDatabase(tx, state, 'plan');
    if (!state.items.length) throw new InputError('id', 'PLAN_EMPTY', { zh: '计划中没有抽查事项，不能发布', en: 'a plan without items cannot be published' });
    const v = await freezeVersion(tx, ctx, id, row.version + 1, null);
    audit.record({ operation: 'publishPlan', entity: 'Plan', entityId: id, before: { status: row.status, version: row.version }, after: { status: 'PUBLISHED', version: v.version, planVersionId: v.id } });
    return tx.plan.findUniqueOrThrow({ where: { id } });
  });
}

export async function adjustPlan(ctx: Context, id: string, reason: string, changes: PlanChanges) {
  const plan = await readPlan(id);
  authorisePlan(ctx, plan, 'id');
  const why = requireText('reason', reason, 2000);
  assertStep(plan.status, 'adjust');
  return mutate(ctx, async (tx, audit) => {
    const row = await lockPlan(tx, id, 'adjust');
    const before = stateOf(row);
    const after = applyChanges(before, changes, 'changes');
    await validateAgainstDatabase(tx, after, 'changes');
    if (!after.items.length) throw new InputError('changes.items', 'PLAN_EMPTY', { zh: '调整后的计划须至少包含一个抽查事项', en: 'an adjusted plan keeps at least one item' });
    if (fingerprint(before) === fingerprint(after))
      throw new InputError('changes', 'NO_CHANGES', { zh: '调整内容与当前版本相同', en: 'the changes leave the plan as it is' });
    await tx.plan.update({ where: { id }, data: scalarData(after) });
    if (changes.items !== undefined || changes.leadDepartmentId !== undefined || changes.participantDepartmentIds !== undefined) await writeMembers(tx, id, after);
    const v = await freezeVersion(tx, ctx, id, row.version + 1, why);
    audit.record({ operation: 'adjustPlan', entity: 'Plan', entityId: id, before: { ...before, version: row.version }, after: { ...after, version: v.version, reason: why, planVersionId: v.id } });
    return tx.plan.findUniqueOrThrow({ where: { id } });
  });
}

/** Advisory lock namespace for compiling a year's joint plan (two-key form). */
const JOINT_PLAN_LOCK = 727_073_011;

/**
 * The office compiles the joint annual plan of a year (seed 001: 汇总后于每年2月制定并公布) from the departmental plans
 * of that year that are SUBMITTED or PUBLISHED: they are linked to it (jointPlanId); its participants are their
 * departments and participants (the office's host department leads); its items are theirs (an item in several
 * plans keeps the highest ratio); its window spans theirs; its ratios per risk class are the highest; its scope is
 * the union of theirs (a dimension any source leaves open stays open). An existing joint draft of the year is
 * refilled; once the year's joint plan is published it changes only through adjustPlan.
 */
export async function compileJointPlan(ctx: Context, year: number, opts: { name?: string | null; mode?: InspectionMode | null } = {}) {
  assertOffice(ctx, 'year', { zh: '汇编联合抽查计划', en: 'compile the joint plan' });
  requireYear('year', year);
  const name = opts.name == null ? `${year}年度部门联合“双随机、一公开”抽查计划` : requireText('name', opts.name, 200);
  return mutate(ctx, async (tx, audit) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(${JOINT_PLAN_LOCK}::int, ${year}::int)`;
    const published = await tx.plan.findFirst({ where: { kind: 'JOINT', year, status: { in: ['PUBLISHED', 'SUBMITTED'] } }, select: { id: true } });
    if (published)
      throw new AppError(
        'CONFLICT',
        { zh: `${year} 年联合抽查计划已发布，请通过调整变更`, en: `the joint plan of ${year} is published; change it with adjustPlan` },
        { field: 'year', reason: 'JOINT_PLAN_PUBLISHED', planId: published.id },
      );
    const locked = await tx.$queryRaw<{ id: string }[]>`
      select id::text from plan where year = ${year} and kind = 'DEPARTMENT' and status in ('SUBMITTED', 'PUBLISHED') order by id for update`;
    if (!locked.length)
      throw new InputError('year', 'NO_SUBMITTED_PLANS', { zh: `${year} 年没有已报送或已发布的部门计划`, en: `no departmental plan of ${year} is submitted or published` });
    const sources = await tx.plan.findMany({ where: { id: { in: locked.map((r) => r.id) } }, include: { participants: true } });
    const host = await officeHost(tx);

    const union = (pick: (p: (typeof sources)[number]) => string[]) =>
      sources.some((p) => !pick(p)?.length) ? [] : [...new Set(sources.flatMap(pick))].sort();
    const data = {
      name,
      mode: opts.mode ?? 'COMPREHENSIVE',
      windowStart: new Date(Math.min(...sources.map((p) => p.windowStart.getTime()))),
      windowEnd: new Date(Math.max(...sources.map((p) => p.windowEnd.getTime()))),
      frequencyPerYear: Math.max(...sources.map((p) => p.frequencyPerYear)),
      ratioABp: Math.max(...sources.map((p) => p.ratioABp)),
      ratioBBp: Math.max(...sources.map((p) => p.ratioBBp)),
      ratioCBp: Math.max(...sources.map((p) => p.ratioCBp)),
      ratioDBp: Math.max(...sources.map((p) => p.ratioDBp)),
      scopeIndustryCodes: union((p) => p.scopeIndustryCodes),
      scopeRegionCodes: union((p) => p.scopeRegionCodes),
      scopeTargetTypes: union((p) => p.scopeTargetTypes) as TargetType[],
      scopeKeywords: union((p) => p.scopeKeywords),
      description: `汇编自 ${sources.length} 个部门年度抽查计划 / compiled from ${sources.length} departmental plans`,
    };
    let joint = await tx.plan.findFirst({ where: { kind: 'JOINT', year, status: 'DRAFT' } });
    const refilled = !!joint;
    joint = joint
      ? await tx.plan.update({ where: { id: joint.id }, data: { ...data, departmentId: host.id } })
      : await tx.plan.create({ data: { ...data, year, kind: 'JOINT', departmentId: host.id, status: 'DRAFT', version: 0 } });
    const sourceIds = sources.map((p) => p.id);
    await tx.plan.updateMany({ where: { id: { in: sourceIds } }, data: { jointPlanId: joint.id } });

    const departments = [...new Set(sources.flatMap((p) => [p.departmentId, ...p.participants.map((x) => x.departmentId)]))].filter((d) => d !== host.id).sort();
    await tx.planParticipant.deleteMany({ where: { planId: joint.id } });
    await tx.planParticipant.createMany({
      data: [{ planId: joint.id, departmentId: host.id, role: 'LEAD' as ParticipantRole }, ...departments.map((departmentId) => ({ planId: joint!.id, departmentId, role: 'PARTICIPANT' as ParticipantRole }))],
    });
    await tx.planItem.deleteMany({ where: { planId: joint.id } });
    const items = await tx.$executeRaw`
      insert into plan_item (plan_id, check_item_id, department_id, ratio_bp)
      select ${joint.id}::uuid, ci.id, ci.department_id, max(pi.ratio_bp)
        from plan_item pi join check_item ci on ci.id = pi.check_item_id
       where pi.plan_id = any(${sourceIds}::uuid[])
       group by ci.id, ci.department_id`;
    audit.record({
      operation: 'compileJointPlan',
      entity: 'Plan',
      entityId: joint.id,
      after: { ...data, id: joint.id, year, refilled, items, participants: departments.length + 1, sources: sources.map((p) => ({ id: p.id, departmentId: p.departmentId, status: p.status, version: p.version })) },
    });
    return joint;
  });
}

// ── office queries ──

/**
 * Active departments that have neither led nor joined a joint task in the year (seed 001: 各部门每年应至少发起或参与一次
 * 部门联合抽查). A joint task has at least two participating departments (the lead counts) and is not CANCELLED; a
 * department that declined its invitation has not joined, and does not count towards the two.
 */
export async function departmentsWithoutJointTask(year: number): Promise<string[]> {
  requireYear('year', year);
  const rows = await prisma().$queryRaw<{ id: string }[]>`
    with joint_task as (
      select tp.task_id
        from task t join task_participant tp on tp.task_id = t.id and tp.acceptance <> 'DECLINED'
       where t.year = ${year} and t.status <> 'CANCELLED'
       group by tp.task_id
      having count(*) >= 2
    )
    select d.id::text
      from department d
     where d.active
       and not exists (select 1 from task_participant tp join joint_task j on j.task_id = tp.task_id
                        where tp.department_id = d.id and tp.acceptance <> 'DECLINED')
     order by d.sort_order, d.code`;
  return rows.map((r) => r.id);
}

export interface JointOpportunityRow {
  planIds: [string, string];
  windowStart: Date;
  windowEnd: Date;
  targetCount: number;
  sampleTargetIds: string[];
}

export const OPPORTUNITY_SAMPLE = 20;

/** SQL that escapes LIKE wildcards in a text expression (backslash is LIKE's default escape character). */
const likeEscape = (expr: string) => `replace(replace(replace(${expr}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;

const OPP_SQL = `
  with p as materialized (      -- the plans to pair, scopes as LIKE patterns (NULL = no restriction)
    select p.id, p.department_id, p.window_start, p.window_end,
           nullif(array(select ${likeEscape('x')} || '%' from unnest(p.scope_industry_codes) x where x <> ''), '{}') as ind,
           nullif(array(select ${likeEscape('x')} || '%' from unnest(p.scope_region_codes) x where x <> ''), '{}') as reg,
           nullif(p.scope_target_types::text[], '{}') as typ,
           nullif(array(select '%' || ${likeEscape('lower(x)')} || '%' from unnest(p.scope_keywords) x where x <> ''), '{}') as kw
      from plan p
     where p.id = any($1::uuid[])
  ),
  member as (                   -- each (target, department) once, for the departments of those plans
    select m.target_id, tp.department_id
      from target_pool_member m join target_pool tp on tp.id = m.pool_id
     where tp.department_id in (select department_id from p)
     group by m.target_id, tp.department_id
  ),
  hits as (                     -- (target, plan): in the plan department's pools and in the plan's scope
    select t.id as target_id, t.risk_class, p.id as plan_id, p.department_id, p.window_start, p.window_end
      from member mb
      join p on p.department_id = mb.department_id
      join target t on t.id = mb.target_id and t.status <> 'DEREGISTERED'
     where (p.ind is null or t.industry_code like any (p.ind))
       and (p.reg is null or t.region_code like any (p.reg))
       and (p.typ is null or t.type::text = any (p.typ))
       and (p.kw is null or lower(t.business_scope) like any (p.kw))
  ),
  per_target as (               -- the plans that select each target (a target selected by one plan drops out);
    select h.target_id, h.risk_class, -- the arrays are filled in the same row order, so their positions agree
           array_agg(h.plan_id) as plan_ids, array_agg(h.department_id) as deps,
           array_agg(h.window_start) as starts, array_agg(h.window_end) as ends
      from hits h
     group by h.target_id, h.risk_class
    having count(*) >= 2
  ),
  common as (                   -- every pair of those plans of different departments whose windows overlap
    select least(pt.plan_ids[a.i], pt.plan_ids[b.i]) as a_id, greatest(pt.plan_ids[a.i], pt.plan_ids[b.i]) as b_id,
           greatest(pt.starts[a.i], pt.starts[b.i]) as ws, least(pt.ends[a.i], pt.ends[b.i]) as we,
           pt.target_id, pt.risk_class
      from per_target pt
      cross join lateral unnest(pt.plan_ids) with ordinality as a(id, i)
      cross join lateral unnest(pt.plan_ids) with ordinality as b(id, i)
     where a.i < b.i and pt.deps[a.i] <> pt.deps[b.i] and pt.starts[a.i] <= pt.ends[b.i] and pt.starts[b.i] <= pt.ends[a.i]
  ),
  ranked as (
    select c.*, row_number() over (partition by c.a_id, c.b_id order by c.risk_class desc, c.target_id) as rn
      from common c
  )
  select a_id::text, b_id::text, ws::text as ws, we::text as we, count(*)::int as n,
         array_agg(target_id::text order by rn) filter (where rn <= ${OPPORTUNITY_SAMPLE}) as sample
    from ranked
   group by a_id, b_id, ws, we
  having count(*) >= $2
   order by n desc, a_id, b_id`;

/**
 * Pairs of PUBLISHED departmental plans of different departments in the year whose windows overlap and whose
 * scopes select common targets. A plan selects the targets in its department's pools (target_pool_member) that
 * are not deregistered and match its scope: every non-empty dimension must hold (industry code prefix, region code
 * prefix, target type, a keyword in the business scope, case-insensitive); an empty dimension does not restrict.
 *
 * Set-based, one heavy statement whatever the number of plans: each (target, department) membership is joined to
 * the department's plans and filtered by scope once (LIKE ANY, no per-row subqueries); the plans selecting each
 * target are aggregated per target, and the pairs are generated per target from that short array (no self-join
 * of the matches, no join against the pair list). Cost grows with pool memberships, not with plans squared.
 * The sample lists the highest-risk targets first. On PostgreSQL, 100,000 targets in 282,000 pool memberships with
 * 17 mutually overlapping plans (124 pairs, 46,000 common targets) take about 1–1.5 s (see the issue report).
 */
export async function jointOpportunities(year: number, minTargets = 1): Promise<JointOpportunityRow[]> {
  requireYear('year', year);
  if (!Number.isInteger(minTargets) || minTargets < 1)
    throw new InputError('minTargets', 'MIN_TARGETS', { zh: '至少为 1', en: 'at least 1' });
  // Which plans can pair at all (published departmental plans of the year with an overlapping plan of another
  // department): a handful of rows, decided here so the heavy statement starts from exactly those plans.
  const candidates = await prisma().plan.findMany({
    where: { year, kind: 'DEPARTMENT', status: 'PUBLISHED' },
    select: { id: true, departmentId: true, windowStart: true, windowEnd: true },
  });
  const paired = candidates.filter((a) => candidates.some((b) => b.departmentId !== a.departmentId && b.windowStart <= a.windowEnd && a.windowStart <= b.windowEnd));
  if (paired.length < 2) return [];
  const { rows } = await db().raw.query<{ a_id: string; b_id: string; ws: string; we: string; n: number; sample: string[] }>(OPP_SQL, [
    paired.map((p) => p.id),
    minTargets,
  ]);
  return rows.map((r) => ({
    planIds: [r.a_id, r.b_id],
    windowStart: parseDate(r.ws),
    windowEnd: parseDate(r.we),
    targetCount: r.n,
    sampleTargetIds: r.sample ?? [],
  }));
}

/** When each plan was first submitted to the office, read from its audit trail (the tamper-evident record). */
export async function submittedAt(planIds: readonly string[]): Promise<Map<string, Date>> {
  const rows = await prisma().auditEvent.groupBy({
    by: ['entityId'],
    where: { entity: 'Plan', operation: 'submitPlan', entityId: { in: [...planIds] } },
    _min: { at: true },
  });
  return new Map(rows.map((r) => [r.entityId!, r._min.at!]));
}
