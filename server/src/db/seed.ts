// Demo data: the 17 departments of the Haiyang joint meeting, their 2022 item lists, the two pools (targets and
// inspectors), the official holiday calendar, and the 2022 joint annual plan with tasks in several states.
//
// - Deterministic: a seeded PRNG (sfc32, demo/rng.ts), never Math.random; same rngSeed → same rows, ids, USCCs.
// - Atomic and idempotent: everything is written in ONE transaction (under an advisory lock); when departments
//   already exist nothing is written and { skipped: true } comes back.
// - Set-based: each table is written with INSERT … SELECT FROM unnest(array parameters), a few thousand rows per
//   statement (demo/sql.ts). The statements go through Prisma's interactive transaction ($executeRawUnsafe) because
//   that is the one way to hold a single pooled PostgreSQL connection for the whole seed; it is the same raw SQL
//   `database.raw` would send.
// - addScaleTargets(database, n) (demo/scale.ts) adds n synthetic targets generated inside the database
//   (generate_series; the GB 32100 check character computed in SQL), for load tests: 1,000,000 on PostgreSQL in
//   about 50 s on the 2-core reference machine (docs/BENCHMARKS.md).
import type { Database } from './database.ts';
import { OFFICIAL_CALENDAR } from '../shared/calendar-data.ts';
import { Rng } from './demo/rng.ts';
import { CHECK_ITEMS, type DemoCheckItem } from './demo/check-items.ts';
import { DEPARTMENTS, OFFICE_HOST_CODE } from './demo/departments.ts';
import { DEPARTMENT_PLANS, JOINT_PLAN, TASKS, type DemoTask } from './demo/plans.ts';
import { inTransaction, insertRows, type SqlRunner, type SqlValue } from './demo/sql.ts';
import { seedDemoResults } from './demo/records.ts';
import {
  generateDepartments,
  generateInspectors,
  generateLeaves,
  generatePools,
  generateRecusals,
  generateTargets,
  iso,
  jointItems,
  poolIndex,
  type GenDepartment,
  type GenPool,
} from './demo/generate.ts';

export const DEFAULT_DEMO_TARGETS = 5000;
export const DEFAULT_RNG_SEED = 20220218;

export interface SeedOptions {
  /** Targets in the base demo (default 5,000). */
  targets?: number;
  /** PRNG seed (default 20220218): same seed → same data. */
  rngSeed?: number;
  log?: (message: string) => void;
}

export interface SeedSummary {
  /** True when the database already had departments and nothing was written. */
  skipped: boolean;
  rngSeed?: number;
  departments?: number;
  checkItems?: number;
  itemLists?: number;
  targetPools?: number;
  targets?: number;
  poolMembers?: number;
  inspectorPools?: number;
  inspectors?: number;
  inspectorLeaves?: number;
  recusals?: number;
  calendarDays?: number;
  plans?: number;
  planVersions?: number;
  tasks?: number;
  taskParticipants?: number;
  taskItems?: number;
  records?: number;
  ms: number;
}

// ───────────────────────── dates ─────────────────────────

const CALENDAR = new Map(OFFICIAL_CALENDAR.map((d) => [d.date, d.kind] as const));

function isWorkingDay(date: string): boolean {
  const kind = CALENDAR.get(date);
  if (kind) return kind === 'WORKDAY';
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6;
}

function addDays(date: string, days: number): string {
  return iso(new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000));
}

/** The n-th working day after `date` (the publication deadline is the 20th working day after the inspection ends). */
function addWorkingDays(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

function at(date: string, time = '09:30:00'): string {
  return `${date}T${time}+08:00`;
}

// ───────────────────────── seedDemo ─────────────────────────

export async function seedDemo(database: Database, opts: SeedOptions = {}): Promise<SeedSummary> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const targetCount = opts.targets ?? DEFAULT_DEMO_TARGETS;
  const rngSeed = opts.rngSeed ?? DEFAULT_RNG_SEED;
  if (!Number.isInteger(targetCount) || targetCount < 0) throw new RangeError('targets must be a non-negative integer');

  return inTransaction(database, async (sql) => {
    const [{ n }] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM department');
    if (n > 0) {
      log(`seed: ${n} departments already present, nothing to do`);
      return { skipped: true, ms: Math.round(performance.now() - t0) };
    }
    const step = stepper(log);
    const rng = new Rng(rngSeed);

    // ── departments
    const departments = generateDepartments(rng);
    const dept = new Map(departments.map((d) => [d.code, d] as const));
    const deptId = (code: string) => {
      const d = dept.get(code);
      if (!d) throw new Error(`unknown department code ${code}`);
      return d.id;
    };
    await insertRows(
      sql,
      'department',
      [['id', 'uuid'], ['code', 'text'], ['name', 'text'], ['short_name', 'text'], ['is_office_host', 'boolean'], ['liaison_name', 'text'], ['liaison_phone', 'text'], ['sort_order', 'int']],
      departments.map((d) => [d.id, d.code, d.name, d.shortName, d.code === OFFICE_HOST_CODE, d.liaisonName, d.liaisonPhone, d.sortOrder]),
    );
    step(`departments: ${departments.length}`);

    // ── check items and item lists
    const itemRng = rng.fork('items');
    const itemIds = new Map(CHECK_ITEMS.map((i) => [i.code, itemRng.uuid()] as const));
    const itemId = (code: string) => {
      const id = itemIds.get(code);
      if (!id) throw new Error(`unknown check item ${code}`);
      return id;
    };
    await insertRows(
      sql,
      'check_item',
      [['id', 'uuid'], ['code', 'text'], ['name', 'text'], ['category', '"ItemCategory"'], ['domain', 'text'], ['legal_basis', 'text'], ['department_id', 'uuid'], ['content', 'text'], ['methods', '"InspectionMethod"[]'], ['target_type', '"TargetType"'], ['ratio_cap_bp', 'int']],
      CHECK_ITEMS.map((i) => [itemId(i.code), i.code, i.name, i.category, i.domain, i.legalBasis, deptId(i.department), i.content, i.methods, i.targetType ?? 'ENTERPRISE', i.category === 'GENERAL' ? i.ratioCapBp ?? 500 : null]),
    );
    const lists: SqlValue[][] = [];
    const entries: SqlValue[][] = [];
    for (const d of departments) {
      const items = CHECK_ITEMS.filter((i) => i.department === d.code);
      if (!items.length) continue;
      const id = itemRng.uuid();
      lists.push([id, `${d.shortName}2022年度随机抽查事项清单（第一版）`, 2022, 1, 'DEPARTMENT', d.id, 'PUBLISHED', at('2022-01-10', '10:00:00')]);
      items.forEach((i, pos) => entries.push([id, itemId(i.code), pos + 1]));
    }
    const jointListId = itemRng.uuid();
    lists.push([jointListId, '海阳市市场监管领域2022年度部门联合随机抽查事项清单（第一版）', 2022, 1, 'JOINT', null, 'PUBLISHED', at('2022-01-25', '15:00:00')]);
    jointItems().forEach((i, pos) => entries.push([jointListId, itemId(i.code), pos + 1]));
    await insertRows(
      sql,
      'item_list',
      [['id', 'uuid'], ['name', 'text'], ['year', 'int'], ['version', 'int'], ['kind', '"ListKind"'], ['department_id', 'uuid'], ['status', '"ItemListStatus"'], ['published_at', 'timestamptz']],
      lists,
    );
    await insertRows(sql, 'item_list_entry', [['item_list_id', 'uuid'], ['check_item_id', 'uuid'], ['position', 'int']], entries);
    step(`check items: ${CHECK_ITEMS.length}, item lists: ${lists.length} (${entries.length} entries)`);

    // ── target pools and targets
    const pools = generatePools(rng, departments);
    const poolIdx = poolIndex(pools);
    await insertRows(
      sql,
      'target_pool',
      [['id', 'uuid'], ['department_id', 'uuid'], ['name', 'text'], ['domain', 'text'], ['parent_id', 'uuid'], ['confirmed_at', 'timestamptz']],
      pools.map((p) => [p.id, deptId(p.departmentCode), p.name, p.domain, p.parentId, at('2022-02-28', '16:00:00')]),
    );
    const targets = generateTargets(rng, targetCount, { pools: poolIdx, usccs: new Set(), names: new Set() });
    step(`generated ${targets.length} targets`);
    await insertRows(
      sql,
      'target',
      [
        ['id', 'uuid'], ['uscc', 'text'], ['name', 'text'], ['legal_representative', 'text'], ['address', 'text'], ['region_code', 'text'],
        ['industry_code', 'text'], ['business_scope', 'text'], ['type', '"TargetType"'], ['risk_class', '"RiskClass"'], ['risk_class_base', '"RiskClass"'],
        ['on_abnormal_list', 'boolean'], ['on_key_attention_list', 'boolean'], ['complaint_count', 'int'], ['serious_violation', 'boolean'], ['status', '"TargetStatus"'], ['established_on', 'date'],
      ],
      targets.map((t) => [
        t.id, t.uscc, t.name, t.legalRepresentative, t.address, t.regionCode, t.industryCode, t.businessScope, t.type, t.riskClass, t.riskClass,
        t.onAbnormalList, t.onKeyAttentionList, t.complaintCount, t.seriousViolation, t.status, t.establishedOn,
      ]),
    );
    const members: SqlValue[][] = [];
    for (const t of targets) for (const p of t.poolIds) members.push([p, t.id]);
    await insertRows(sql, 'target_pool_member', [['pool_id', 'uuid'], ['target_id', 'uuid']], members, 5000);
    step(`target pools: ${pools.length}, targets: ${targets.length}, pool members: ${members.length}`);

    // ── inspector pools, inspectors, leaves, recusals
    const ipRng = rng.fork('inspector-pools');
    const inspectorPools = new Map<string, { main: string; experts?: string }>();
    const ipRows: SqlValue[][] = [];
    for (const d of departments) {
      const main = ipRng.uuid();
      ipRows.push([main, d.id, `${d.shortName}执法检查人员名录库`, at('2022-02-28', '16:00:00')]);
      let experts: string | undefined;
      if (d.experts > 0) {
        experts = ipRng.uuid();
        ipRows.push([experts, d.id, `${d.shortName}第三方专家库`, at('2022-02-28', '16:00:00')]);
      }
      inspectorPools.set(d.code, { main, experts });
    }
    await insertRows(sql, 'inspector_pool', [['id', 'uuid'], ['department_id', 'uuid'], ['name', 'text'], ['confirmed_at', 'timestamptz']], ipRows);
    const inspectors = generateInspectors(rng, departments, inspectorPools);
    await insertRows(
      sql,
      'inspector',
      [['id', 'uuid'], ['name', 'text'], ['department_id', 'uuid'], ['pool_id', 'uuid'], ['certificate_no', 'text'], ['qualifications', 'text[]'], ['expertise_tags', 'text[]'], ['is_third_party_expert', 'boolean'], ['active', 'boolean'], ['phone', 'text']],
      inspectors.map((i) => [i.id, i.name, deptId(i.departmentCode), i.poolId, i.certificateNo, i.qualifications, i.expertiseTags, i.isThirdPartyExpert, i.active, i.phone]),
    );
    const leaves = generateLeaves(rng, inspectors);
    await insertRows(
      sql,
      'inspector_leave',
      [['id', 'uuid'], ['inspector_id', 'uuid'], ['starts_on', 'date'], ['ends_on', 'date'], ['reason', 'text']],
      leaves.map((l) => [l.id, l.inspectorId, l.startsOn, l.endsOn, l.reason]),
    );
    const recusals = generateRecusals(rng, inspectors, targets);
    await insertRows(
      sql,
      'recusal',
      [['id', 'uuid'], ['inspector_id', 'uuid'], ['target_id', 'uuid'], ['reason', 'text']],
      recusals.map((r) => [r.id, r.inspectorId, r.targetId, r.reason]),
    );
    step(`inspector pools: ${ipRows.length}, inspectors: ${inspectors.length}, leaves: ${leaves.length}, recusals: ${recusals.length}`);

    // ── calendar (kept if the office already maintains some days)
    const calendarDays = await insertRows(
      sql,
      'calendar_day',
      [['date', 'date'], ['kind', '"CalendarDayKind"'], ['name', 'text']],
      OFFICIAL_CALENDAR.map((d) => [d.date, d.kind, d.name]),
      2000,
      'ON CONFLICT ("date") DO NOTHING',
    );
    step(`calendar days: ${calendarDays}`);

    // ── plans and tasks
    const planned = await writePlansAndTasks(sql, rng, departments, pools, deptId, itemId);
    step(`plans: ${planned.plans} (${planned.planVersions} versions), tasks: ${planned.tasks} (${planned.taskParticipants} participants, ${planned.taskItems} items)`);

    // ── results of the closed task (draw, records, results, publications, a correction, follow-ups): the report page
    const records = await seedDemoResults(sql);
    step(`inspection records with results and publications: ${records}`);

    return {
      skipped: false,
      rngSeed,
      departments: departments.length,
      checkItems: CHECK_ITEMS.length,
      itemLists: lists.length,
      targetPools: pools.length,
      targets: targets.length,
      poolMembers: members.length,
      inspectorPools: ipRows.length,
      inspectors: inspectors.length,
      inspectorLeaves: leaves.length,
      recusals: recusals.length,
      calendarDays,
      ...planned,
      records,
      ms: Math.round(performance.now() - t0),
    };
  });
}

function stepper(log: (m: string) => void): (m: string) => void {
  let last = performance.now();
  return (m) => {
    const now = performance.now();
    log(`seed: ${m} (${Math.round(now - last)} ms)`);
    last = now;
  };
}

async function writePlansAndTasks(
  sql: SqlRunner,
  rng: Rng,
  departments: GenDepartment[],
  pools: GenPool[],
  deptId: (code: string) => string,
  itemId: (code: string) => string,
) {
  const r = rng.fork('plans');
  const item = new Map(CHECK_ITEMS.map((i) => [i.code, i] as const));
  const ratioFor = (i: DemoCheckItem) => (i.category === 'GENERAL' ? Math.min(i.ratioCapBp ?? 500, 500) : null);
  const planRows: SqlValue[][] = [];
  const participantRows: SqlValue[][] = [];
  const planItemRows: SqlValue[][] = [];
  const versionRows: SqlValue[][] = [];

  const addPlan = (p: {
    id: string; name: string; kind: 'JOINT' | 'DEPARTMENT'; department: string; mode: string; jointPlanId: string | null;
    ratios: [number, number, number, number]; description: string; publishedAt: string;
    participants: { department: string; role: 'LEAD' | 'PARTICIPANT' }[]; items: string[];
  }) => {
    planRows.push([
      p.id, p.name, JOINT_PLAN.year, p.kind, deptId(p.department), p.mode, 'PUBLISHED', 1, p.jointPlanId, JOINT_PLAN.windowStart, JOINT_PLAN.windowEnd, 1,
      ...p.ratios, [], ['370687'], [], [], p.description, p.publishedAt,
    ]);
    for (const x of p.participants) participantRows.push([p.id, deptId(x.department), x.role]);
    for (const code of p.items) planItemRows.push([p.id, itemId(code), deptId(item.get(code)!.department), ratioFor(item.get(code)!)]);
    const snapshot = {
      name: p.name, year: JOINT_PLAN.year, kind: p.kind, department: p.department, mode: p.mode, version: 1,
      window: { start: JOINT_PLAN.windowStart, end: JOINT_PLAN.windowEnd }, frequencyPerYear: 1,
      ratiosBp: { A: p.ratios[0], B: p.ratios[1], C: p.ratios[2], D: p.ratios[3] }, scopeRegionCodes: ['370687'],
      participants: p.participants, items: p.items.map((code) => ({ code, department: item.get(code)!.department, ratioBp: ratioFor(item.get(code)!) })),
    };
    versionRows.push([r.uuid(), p.id, 1, null, JSON.stringify(snapshot), p.publishedAt]);
  };

  // The joint plan: all member departments; items of the joint list plus every item a task uses.
  const jointPlanId = r.uuid();
  const taskItemCodes = TASKS.flatMap((t) => Object.values(t.items).flat());
  const jointPlanItems = [...new Set([...jointItems().map((i) => i.code), ...taskItemCodes])];
  addPlan({
    id: jointPlanId, name: JOINT_PLAN.name, kind: 'JOINT', department: OFFICE_HOST_CODE, mode: 'COMPREHENSIVE', jointPlanId: null,
    ratios: JOINT_PLAN.ratios, description: JOINT_PLAN.description, publishedAt: JOINT_PLAN.publishedAt,
    participants: departments.map((d) => ({ department: d.code, role: d.code === OFFICE_HOST_CODE ? 'LEAD' : 'PARTICIPANT' })),
    items: jointPlanItems,
  });
  // Departmental plans compiled into it: own items plus the items of the tasks each department leads.
  for (const dp of DEPARTMENT_PLANS) {
    const d = departments.find((x) => x.code === dp.department)!;
    const led = TASKS.filter((t) => t.lead === dp.department);
    const others = [...new Set(led.flatMap((t) => Object.keys(t.items)).filter((c) => c !== dp.department))];
    const items = [...new Set([...CHECK_ITEMS.filter((i) => i.department === dp.department).map((i) => i.code), ...led.flatMap((t) => Object.values(t.items).flat())])];
    addPlan({
      id: r.uuid(), name: `${d.shortName}2022年度“双随机、一公开”抽查工作计划`, kind: 'DEPARTMENT', department: dp.department, mode: dp.mode,
      jointPlanId, ratios: dp.ratios, description: `${d.name}2022年度抽查计划（含本部门牵头的部门联合抽查），1月20日前报联席会议办公室。`,
      publishedAt: at('2022-01-18', '16:00:00'),
      participants: [{ department: dp.department, role: 'LEAD' }, ...others.map((c) => ({ department: c, role: 'PARTICIPANT' as const }))],
      items,
    });
  }
  await insertRows(
    sql,
    'plan',
    [
      ['id', 'uuid'], ['name', 'text'], ['year', 'int'], ['kind', '"ListKind"'], ['department_id', 'uuid'], ['mode', '"InspectionMode"'], ['status', '"PlanStatus"'],
      ['version', 'int'], ['joint_plan_id', 'uuid'], ['window_start', 'date'], ['window_end', 'date'], ['frequency_per_year', 'int'],
      ['ratio_a_bp', 'int'], ['ratio_b_bp', 'int'], ['ratio_c_bp', 'int'], ['ratio_d_bp', 'int'], ['scope_industry_codes', 'text[]'],
      ['scope_region_codes', 'text[]'], ['scope_target_types', '"TargetType"[]'], ['scope_keywords', 'text[]'], ['description', 'text'], ['published_at', 'timestamptz'],
    ],
    // The joint plan first: departmental plans reference it.
    planRows,
  );
  await insertRows(sql, 'plan_participant', [['plan_id', 'uuid'], ['department_id', 'uuid'], ['role', '"ParticipantRole"']], participantRows);
  await insertRows(sql, 'plan_item', [['plan_id', 'uuid'], ['check_item_id', 'uuid'], ['department_id', 'uuid'], ['ratio_bp', 'int']], planItemRows);
  await insertRows(sql, 'plan_version', [['id', 'uuid'], ['plan_id', 'uuid'], ['version', 'int'], ['reason', 'text'], ['snapshot', 'jsonb'], ['published_at', 'timestamptz']], versionRows);

  // Tasks of the joint plan.
  const poolId = (spec: string) => {
    const [code, domain] = spec.split('|');
    const p = pools.find((x) => x.departmentCode === code && (domain ? x.domain === domain : x.parentId === null));
    if (!p) throw new Error(`no pool ${spec}`);
    return p.id;
  };
  const taskRows: SqlValue[][] = [];
  const tpRows: SqlValue[][] = [];
  const tiRows: SqlValue[][] = [];
  for (const t of TASKS) {
    const id = r.uuid();
    const acceptanceDue = addDays(t.windowStart, -7);
    const invitedAt = t.status === 'DRAFT' ? null : at(addDays(acceptanceDue, -10));
    taskRows.push([
      id, t.code, t.name, JOINT_PLAN.year, jointPlanId, t.mode, deptId(t.lead), t.status, t.windowStart, t.windowEnd, t.windowEnd,
      acceptanceDue, addDays(t.windowStart, 3), addWorkingDays(t.windowEnd, 20), true, ...t.ratios,
      t.scopeIndustryCodes, ['370687'], [], [], t.pools.map(poolId), t.cancelReason ?? null, t.closedAt ?? null,
    ]);
    for (const code of Object.keys(t.items)) {
      const lead = code === t.lead;
      const accepted = lead || participantAccepted(t, code);
      tpRows.push([
        id, deptId(code), lead ? 'LEAD' : 'PARTICIPANT', accepted ? 'ACCEPTED' : 'PENDING',
        accepted && invitedAt ? at(addDays(acceptanceDue, lead ? -10 : -8), '15:20:00') : null, lead ? null : invitedAt,
      ]);
      for (const ic of t.items[code]!) {
        const ci = item.get(ic)!;
        if (ci.department !== code) throw new Error(`task ${t.code}: item ${ic} belongs to ${ci.department}, not ${code}`);
        tiRows.push([id, deptId(code), itemId(ic), ratioFor(ci)]);
      }
    }
  }
  await insertRows(
    sql,
    'task',
    [
      ['id', 'uuid'], ['code', 'text'], ['name', 'text'], ['year', 'int'], ['plan_id', 'uuid'], ['mode', '"InspectionMode"'], ['lead_department_id', 'uuid'],
      ['status', '"TaskStatus"'], ['window_start', 'date'], ['window_end', 'date'], ['inspection_end_on', 'date'], ['acceptance_due_on', 'date'],
      ['draw_due_on', 'date'], ['publication_due_on', 'date'], ['stratified', 'boolean'], ['ratio_a_bp', 'int'], ['ratio_b_bp', 'int'],
      ['ratio_c_bp', 'int'], ['ratio_d_bp', 'int'], ['scope_industry_codes', 'text[]'], ['scope_region_codes', 'text[]'],
      ['scope_target_types', '"TargetType"[]'], ['scope_keywords', 'text[]'], ['pool_ids', 'uuid[]'], ['cancel_reason', 'text'], ['closed_at', 'timestamptz'],
    ],
    taskRows,
  );
  await insertRows(
    sql,
    'task_participant',
    [['task_id', 'uuid'], ['department_id', 'uuid'], ['role', '"ParticipantRole"'], ['acceptance', '"AcceptanceState"'], ['responded_at', 'timestamptz'], ['invited_at', 'timestamptz']],
    tpRows,
  );
  await insertRows(sql, 'task_item', [['task_id', 'uuid'], ['department_id', 'uuid'], ['check_item_id', 'uuid'], ['ratio_bp', 'int']], tiRows);
  return {
    plans: planRows.length,
    planVersions: versionRows.length,
    tasks: taskRows.length,
    taskParticipants: tpRows.length,
    taskItems: tiRows.length,
  };
}

function participantAccepted(t: DemoTask, code: string): boolean {
  if (t.status === 'DRAFT') return false;
  return (t.accepted ?? []).includes(code);
}

export { addScaleTargets, type ScaleOptions, type ScaleSummary } from './demo/scale.ts';
export { addScaleRecords, type ScaleRecordsSummary } from './demo/records.ts';
