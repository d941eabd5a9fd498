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
// - addScaleTargets(database, n) adds n synthetic targets generated inside PostgreSQL (generate_series; the GB 32100
//   check character is computed in SQL), for load tests: 1,000,000 in well under a minute (docs/BENCHMARKS.md).
import type { Database } from './database.ts';
import { OFFICIAL_CALENDAR } from '../shared/calendar-data.ts';
import { USCC_ALPHABET } from '../shared/uscc.ts';
import { Rng } from './demo/rng.ts';
import { CHECK_ITEMS, type DemoCheckItem } from './demo/check-items.ts';
import { DEPARTMENTS, OFFICE_HOST_CODE } from './demo/departments.ts';
import { DEPARTMENT_PLANS, JOINT_PLAN, TASKS, type DemoTask } from './demo/plans.ts';
import { ENTITY_PREFIX, SECTORS, type DemoSector } from './demo/sectors.ts';
import { REGIONS, SURNAMES, GIVEN_FEMALE, GIVEN_MALE, TRADE_FIRST, TRADE_SECOND } from './demo/names.ts';
import { insertRows, pgArray, type SqlRunner, type SqlValue } from './demo/sql.ts';
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
  ms: number;
}

/** Advisory-lock key shared by seedDemo and addScaleTargets: concurrent seeders queue instead of racing. */
const SEED_LOCK_KEY = 727_001;

// ───────────────────────── transaction plumbing ─────────────────────────

async function inTransaction<T>(database: Database, fn: (sql: SqlRunner) => Promise<T>, lock = true): Promise<T> {
  return database.prisma.$transaction(
    async (tx) => {
      const sql: SqlRunner = {
        query: <R>(text: string, params: SqlValue[] = []) => tx.$queryRawUnsafe<R[]>(text, ...params),
        execute: (text: string, params: SqlValue[] = []) => tx.$executeRawUnsafe(text, ...params),
      };
      if (lock) await sql.query(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      return fn(sql);
    },
    { maxWait: 120_000, timeout: 6 * 3600_000 },
  );
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
        ['industry_code', 'text'], ['business_scope', 'text'], ['type', '"TargetType"'], ['risk_class', '"RiskClass"'], ['on_abnormal_list', 'boolean'],
        ['on_key_attention_list', 'boolean'], ['complaint_count', 'int'], ['serious_violation', 'boolean'], ['status', '"TargetStatus"'], ['established_on', 'date'],
      ],
      targets.map((t) => [
        t.id, t.uscc, t.name, t.legalRepresentative, t.address, t.regionCode, t.industryCode, t.businessScope, t.type, t.riskClass,
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

// ───────────────────────── addScaleTargets ─────────────────────────

export interface ScaleOptions {
  /** Rows per INSERT statement (default 100,000). */
  batchSize?: number;
  /**
   * Concurrent transactions on PostgreSQL (default 2: one per core of the reference machine; always 1 on PGlite).
   * They commit together: each waits until all have written their share, then all commit, or all roll back.
   */
  parallel?: number;
  log?: (message: string) => void;
}

export interface ScaleSummary {
  added: number;
  poolMembers: number;
  /** First and last sequence number used in the synthetic codes (…MC + 7 base-31 digits). */
  firstSeq: number;
  lastSeq: number;
  /** Foreign-key triggers were skipped (superuser; integrity holds by construction and is verified). */
  fastPath: boolean;
  parallel: number;
  ms: number;
}

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const VALUE = new Map([...USCC_ALPHABET].map((c, i) => [c, i] as const));

/** Weighted sum of the first 10 characters '9' + type + region + 'MC' (the rest is added in SQL). */
function prefixSum(first10: string): number {
  let s = 0;
  for (let i = 0; i < 10; i++) s += VALUE.get(first10[i]!)! * WEIGHTS[i]!;
  return s;
}

function decodeBase31(s: string): number {
  let n = 0;
  for (const c of s) n = n * 31 + VALUE.get(c)!;
  return n;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {}); // observed by whoever awaits it
  return { promise, resolve, reject };
}

interface ScalePlan {
  firstSeq: number;
  idPrefix: number;
  kindBuckets: number[];
  regionBuckets: number[];
  kindRows: SqlValue[][];
  regionRows: SqlValue[][];
  poolRows: SqlValue[][];
}

/** Reads the pools and the next free sequence number; everything else is static data. */
async function scalePlan(sql: SqlRunner, n: number): Promise<ScalePlan> {
  const poolRows = await sql.query<{ id: string; code: string; domain: string | null; parent_id: string | null }>(
    `SELECT p.id::text AS id, d.code, p.domain, p.parent_id::text AS parent_id FROM target_pool p JOIN department d ON d.id = p.department_id`,
  );
  if (!poolRows.length) throw new Error('addScaleTargets: no target pools; run seedDemo first');
  const pools = poolIndex(poolRows.map((p) => ({ id: p.id, departmentCode: p.code, name: '', domain: p.domain, parentId: p.parent_id })));

  // Kinds: each sector split into enterprise / individual business / cooperative by its name patterns.
  type Kind = { sector: DemoSector; typeDigit: '1' | '2' | '3'; type: string; weight: number };
  const kinds: Kind[] = [];
  for (const s of SECTORS) {
    const shares = { '1': 0, '2': 0, '3': 0 };
    for (const p of s.industries.flatMap((i) => i.names ?? s.names)) {
      const digit = ENTITY_PREFIX[p.kind][0] === '9' ? (ENTITY_PREFIX[p.kind][1] as '1' | '2' | '3') : '1';
      shares[digit] += p.weight;
    }
    const total = shares['1'] + shares['2'] + shares['3'];
    for (const digit of ['1', '2', '3'] as const) {
      if (shares[digit] > 0) {
        const type = digit === '1' ? 'ENTERPRISE' : digit === '2' ? 'INDIVIDUAL_BUSINESS' : 'FARMER_COOPERATIVE';
        kinds.push({ sector: s, typeDigit: digit, type, weight: (s.weight * shares[digit]) / total });
      }
    }
  }
  // 1,000 buckets → kind, and 100 buckets → region, proportional to weights.
  const buckets = (weights: number[], size: number) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const out: number[] = [];
    let acc = 0;
    weights.forEach((w, i) => {
      acc += w;
      const upto = Math.round((acc / total) * size);
      while (out.length < upto) out.push(i + 1);
    });
    return out;
  };
  const scalePools: SqlValue[][] = [];
  kinds.forEach((k, i) => {
    k.sector.pools.slice(0, 3).forEach((p, slot) => {
      const permille = slot === 0 ? 1000 : Math.round(p.p * 1000);
      scalePools.push([i + 1, slot, permille, pools.main.get(p.department)!]);
      const sub = pools.sub.get(`${p.department}|${k.sector.domain}`);
      if (sub) scalePools.push([i + 1, slot, permille, sub]);
    });
  });

  const [{ m }] = await sql.query<{ m: string | null }>(`SELECT max(substr(uscc, 11, 7)) AS m FROM target WHERE substr(uscc, 9, 2) = 'MC'`);
  const firstSeq = (m ? decodeBase31(m) : 0) + 1;
  if (firstSeq + n > 31 ** 7) throw new RangeError('synthetic code space exhausted');
  return {
    firstSeq,
    // Ids are UUIDv7-shaped: this call's start time, then the sequence number. Increasing ids keep the B-tree inserts
    // (target_pkey, target_pool_member) at the right edge, and let the membership statement recompute each target's
    // id from its sequence number instead of reading it back.
    idPrefix: Date.now(),
    kindBuckets: buckets(kinds.map((k) => k.weight), 1000),
    regionBuckets: buckets(REGIONS.map((r) => r.weight), 100),
    kindRows: kinds.map((k, i) => {
      const inds = k.sector.industries;
      const shops = k.sector.shops ?? inds.flatMap((x) => x.shops ?? []).concat(['商店']);
      return [i + 1, k.typeDigit, k.type, inds.map((x) => x.code), inds.map((x) => x.scope), inds.flatMap((x) => x.words), shops, k.sector.complaints];
    }),
    regionRows: REGIONS.map((r, i) => [
      i + 1, r.code, r.city, r.addressPrefix, r.towns, r.roads, prefixSum(`91${r.code}MC`), prefixSum(`92${r.code}MC`), prefixSum(`93${r.code}MC`),
    ]),
    poolRows: scalePools,
  };
}

/** Per-transaction lookup tables for the generator (temporary: dropped at commit). */
async function createScaleTables(sql: SqlRunner, plan: ScalePlan): Promise<void> {
  await sql.execute(`CREATE TEMP TABLE scale_kind (
    k int PRIMARY KEY, type_digit text NOT NULL, type "TargetType" NOT NULL, codes text[] NOT NULL, scopes text[] NOT NULL,
    words text[] NOT NULL, shops text[] NOT NULL, complaints real NOT NULL) ON COMMIT DROP`);
  await sql.execute(`CREATE TEMP TABLE scale_region (
    r int PRIMARY KEY, code text NOT NULL, city text NOT NULL, prefix text NOT NULL, towns text[] NOT NULL, roads text[] NOT NULL,
    pre1 int NOT NULL, pre2 int NOT NULL, pre3 int NOT NULL) ON COMMIT DROP`);
  await sql.execute(`CREATE TEMP TABLE scale_pool (k int NOT NULL, slot int NOT NULL, permille int NOT NULL, pool_id uuid NOT NULL) ON COMMIT DROP`);
  await insertRows(
    sql,
    'scale_kind',
    [['k', 'int'], ['type_digit', 'text'], ['type', '"TargetType"'], ['codes', 'text[]'], ['scopes', 'text[]'], ['words', 'text[]'], ['shops', 'text[]'], ['complaints', 'real']],
    plan.kindRows,
  );
  await insertRows(
    sql,
    'scale_region',
    [['r', 'int'], ['code', 'text'], ['city', 'text'], ['prefix', 'text'], ['towns', 'text[]'], ['roads', 'text[]'], ['pre1', 'int'], ['pre2', 'int'], ['pre3', 'int']],
    plan.regionRows,
  );
  await insertRows(sql, 'scale_pool', [['k', 'int'], ['slot', 'int'], ['permille', 'int'], ['pool_id', 'uuid']], plan.poolRows);
}

/**
 * Adds n synthetic targets (valid, unique USCCs "9{1|2|3}{region}MC{7 base-31 digits}{check}") and their pool
 * memberships, generated inside the database from generate_series. Requires seedDemo first (it needs the pools).
 * All or nothing: one transaction, or on PostgreSQL `parallel` transactions that commit together.
 * As superuser the foreign-key triggers of the two tables are skipped for these rows (session_replication_role =
 * replica, transaction-local): the ids are derived from the sequence numbers, and the counts are verified before commit.
 */
export async function addScaleTargets(database: Database, n: number, opts: ScaleOptions = {}): Promise<ScaleSummary> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const batchSize = Math.max(1, opts.batchSize ?? 100_000);
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  const batches = Math.ceil(n / batchSize);
  const workers = database.kind === 'postgres' ? Math.max(1, Math.min(opts.parallel ?? 2, batches)) : 1;

  const planReady = deferred<ScalePlan>();
  const written = Array.from({ length: workers }, () => deferred<void>());
  const totals = { added: 0, members: 0, fast: false };
  const surnames = SURNAMES.flatMap(([s, w]) => Array<string>(w).fill(s));
  const given = [...GIVEN_MALE, ...GIVEN_FEMALE];

  const worker = (w: number) =>
    inTransaction(
      database,
      async (sql) => {
        try {
          // Worker 0 holds the seed lock and reads the plan; the others wait for it.
          if (w === 0) planReady.resolve(await scalePlan(sql, n));
          const plan = await planReady.promise;
          const [{ su }] = await sql.query<{ su: boolean }>(`SELECT current_setting('is_superuser') = 'on' AS su`);
          await sql.execute('SET LOCAL jit = off');
          if (su) await sql.execute('SET LOCAL session_replication_role = replica');
          totals.fast = su;
          await createScaleTables(sql, plan);
          for (let b = w; b < batches; b += workers) {
            const from = plan.firstSeq + b * batchSize;
            const to = Math.min(plan.firstSeq + n - 1, from + batchSize - 1);
            const tb = performance.now();
            const added = await sql.execute(SCALE_TARGETS_SQL, [
              from, to, pgArray(plan.kindBuckets), pgArray(plan.regionBuckets), pgArray(TRADE_FIRST), pgArray(TRADE_SECOND),
              pgArray(surnames), pgArray(given), USCC_ALPHABET, plan.idPrefix,
            ]);
            const tm = performance.now();
            const members = await sql.execute(SCALE_MEMBERS_SQL, [from, to, pgArray(plan.kindBuckets), plan.idPrefix]);
            const tv = performance.now();
            if (su) {
              // What the skipped foreign-key checks would have proved: the memberships of this batch point at ids made by
              // the same formula over the same range, so it suffices that all of those target rows are there (the
              // range holds nothing else: other ids differ in the version digit).
              const [v] = await sql.query<{ targets: number }>(SCALE_VERIFY_SQL, [from, to, plan.idPrefix]);
              if (v!.targets !== to - from + 1) throw new Error(`scale: batch ${from}–${to} failed verification`);
            }
            totals.added += added;
            totals.members += members;
            log(
              `scale[${w}]: ${from - plan.firstSeq + 1}–${to - plan.firstSeq + 1}: targets ${Math.round(tm - tb)} ms, ` +
                `pool members ${Math.round(tv - tm)} ms, checks ${Math.round(performance.now() - tv)} ms`,
            );
          }
          written[w]!.resolve();
        } catch (err) {
          planReady.reject(err);
          written[w]!.reject(err);
          throw err;
        }
        // Commit only when every worker has written its share; any failure rolls all back.
        await Promise.all(written.map((d) => d.promise));
        if (w === 0) {
          const ta = performance.now();
          await sql.execute('ANALYZE target');
          await sql.execute('ANALYZE target_pool_member');
          log(`scale: analyze (${Math.round(performance.now() - ta)} ms)`);
        }
        return (await planReady.promise).firstSeq;
      },
      w === 0,
    );

  const results = await Promise.allSettled(Array.from({ length: workers }, (_, w) => worker(w)));
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw (failure as PromiseRejectedResult).reason;
  const firstSeq = (results[0] as PromiseFulfilledResult<number>).value;
  return {
    added: totals.added,
    poolMembers: totals.members,
    firstSeq,
    lastSeq: firstSeq + n - 1,
    fastPath: totals.fast,
    parallel: workers,
    ms: Math.round(performance.now() - t0),
  };
}

/** The id of synthetic target number s: UUIDv7 layout, 48-bit call timestamp ($ID) + version 7 + variant + s. */
const scaleId = (seq: string, prefixParam: string) =>
  `(lpad(to_hex(${prefixParam}::bigint), 12, '0') || '70008' || lpad(to_hex(${seq}), 15, '0'))::uuid`;

/** Kind (sector × registration type) of synthetic target number s: one of 1,000 weighted buckets ($3). */
const scaleKind = (seq: string) => `($3::int[])[1 + (abs(hashint8extended(${seq}, 5)) % 1000)::int]`;

/**
 * One batch of synthetic targets, written straight from generate_series (no intermediate result). Every pseudo-random
 * choice is a slice of hashint8extended(seq, salt), so a row is a pure function of its sequence number.
 * USCC = '9' type region 'MC' + seq in 7 base-31 digits + check character; the weighted sum (GB 32100 weights) of the
 * fixed first 10 characters is precomputed per type and region (scale_region.pre1..3), the digits add theirs here.
 *   $1,$2 sequence range; $3 kind buckets (1,000); $4 region buckets (100); $5,$6 trade-name characters;
 *   $7 surnames (repeated by weight); $8 given-name characters; $9 the GB 32100 alphabet; $10 id prefix (ms).
 */
const SCALE_TARGETS_SQL = `
INSERT INTO target (id, uscc, name, legal_representative, address, region_code, industry_code, business_scope, type, risk_class,
                    on_abnormal_list, on_key_attention_list, complaint_count, serious_violation, status, established_on)
SELECT * FROM (
SELECT ${scaleId('g.s', '$10')},
       '9' || kd.type_digit || rg.code || 'MC'
         || substr($9, g.d0 + 1, 1) || substr($9, g.d1 + 1, 1) || substr($9, g.d2 + 1, 1) || substr($9, g.d3 + 1, 1)
         || substr($9, g.d4 + 1, 1) || substr($9, g.d5 + 1, 1) || substr($9, g.d6 + 1, 1)
         || substr($9, (31 - (CASE kd.type_digit WHEN '1' THEN rg.pre1 WHEN '2' THEN rg.pre2 ELSE rg.pre3 END
                              + g.d0 * 25 + g.d1 * 13 + g.d2 * 8 + g.d3 * 24 + g.d4 * 10 + g.d5 * 30 + g.d6 * 28) % 31) % 31 + 1, 1),
       CASE kd.type_digit
         WHEN '2' THEN rg.city || rg.towns[1 + ((g.h1 >> 40) & 1023)::int % array_length(rg.towns, 1)] || g.zh
                       || kd.shops[1 + ((g.h1 >> 30) & 1023)::int % array_length(kd.shops, 1)]
         WHEN '3' THEN rg.city || g.zh || kd.words[1 + ((g.h1 >> 20) & 1023)::int % array_length(kd.words, 1)] || '专业合作社'
         ELSE rg.city || g.zh || kd.words[1 + ((g.h1 >> 20) & 1023)::int % array_length(kd.words, 1)]
              || CASE WHEN ((g.h4 >> 24) & 1023) < 870 THEN '有限公司' WHEN ((g.h4 >> 24) & 1023) < 1000 THEN '有限责任公司' ELSE '股份有限公司' END
       END AS nm,
       ($7::text[])[1 + ((g.h2 >> 10) & 1023)::int % array_length($7::text[], 1)]
         || ($8::text[])[1 + ((g.h2 >> 20) & 1023)::int % array_length($8::text[], 1)]
         || CASE WHEN ((g.h2 >> 30) & 1023) % 10 < 7 THEN ($8::text[])[1 + ((g.h2 >> 40) & 1023)::int % array_length($8::text[], 1)] ELSE '' END,
       rg.prefix || rg.towns[1 + ((g.h1 >> 40) & 1023)::int % array_length(rg.towns, 1)]
         || rg.roads[1 + ((g.h1 >> 50) & 1023)::int % array_length(rg.roads, 1)] || (1 + ((g.h2 >> 50) & 1023) % 399) || '号',
       rg.code,
       kd.codes[1 + (g.h2 & 1023)::int % array_length(kd.codes, 1)],
       kd.scopes[1 + (g.h2 & 1023)::int % array_length(kd.codes, 1)],
       kd.type,
       g.risk::"RiskClass",
       ((g.h3 >> 10) & 1023) < CASE g.risk WHEN 'A' THEN 5 WHEN 'B' THEN 20 WHEN 'C' THEN 61 ELSE 123 END,
       ((g.h3 >> 20) & 1023) < CASE g.risk WHEN 'A' THEN 0 WHEN 'B' THEN 8 WHEN 'C' THEN 41 ELSE 123 END,
       CASE WHEN ((g.h3 >> 50) & 1023) < 1024 * least(0.9, 0.08 * kd.complaints * CASE g.risk WHEN 'A' THEN 0.4 WHEN 'B' THEN 0.9 WHEN 'C' THEN 1.6 ELSE 2.6 END)
            THEN 1 + floor(-ln(((g.h4 & 4095) + 1) / 4097.0) * 1.4)::int ELSE 0 END,
       ((g.h3 >> 30) & 1023) < CASE g.risk WHEN 'A' THEN 0 WHEN 'B' THEN 2 WHEN 'C' THEN 15 ELSE 92 END,
       (CASE WHEN ((g.h3 >> 40) & 1023) < 4 THEN 'DEREGISTERED' WHEN ((g.h3 >> 40) & 1023) < 12 THEN 'SUSPENDED' ELSE 'ACTIVE' END)::"TargetStatus",
       date '2016-01-04' + (((g.h4 >> 12) & 4095) % 2370)::int
FROM (
  SELECT s, h1, h2, h3, h4,
         ${scaleKind('s')} AS k,
         ($4::int[])[1 + (abs(hashint8extended(s, 6)) % 100)::int] AS r,
         ($5::text[])[1 + (h1 & 1023)::int % array_length($5::text[], 1)] || ($6::text[])[1 + ((h1 >> 10) & 1023)::int % array_length($6::text[], 1)] AS zh,
         CASE WHEN (h3 & 1023) * 100 / 1024 < 20 THEN 'A' WHEN (h3 & 1023) * 100 / 1024 < 75 THEN 'B'
              WHEN (h3 & 1023) * 100 / 1024 < 93 THEN 'C' ELSE 'D' END AS risk,
         ((s / 887503681) % 31)::int AS d0, ((s / 28629151) % 31)::int AS d1, ((s / 923521) % 31)::int AS d2,
         ((s / 29791) % 31)::int AS d3, ((s / 961) % 31)::int AS d4, ((s / 31) % 31)::int AS d5, (s % 31)::int AS d6
  FROM (SELECT s, hashint8extended(s, 1) AS h1, hashint8extended(s, 2) AS h2, hashint8extended(s, 3) AS h3, hashint8extended(s, 4) AS h4
        FROM generate_series($1::bigint, $2::bigint) AS s OFFSET 0) AS hashed
) AS g
JOIN scale_kind kd ON kd.k = g.k
JOIN scale_region rg ON rg.r = g.r
) AS q
-- Sorted by name (byte order = code-point order = the C.UTF-8 index order), so the name index is filled page by
-- page instead of at random: the part of the insert that does not stay at the right edge of an index.
ORDER BY q.nm COLLATE "C"`;

/**
 * Pool memberships of the same batch: each kind's first department always (slot 0), the next ones with their
 * probability; a department's sub-pool for the sector's domain shares its slot. $1,$2 range; $3 kind buckets; $4 id prefix.
 */
const SCALE_MEMBERS_SQL = `
INSERT INTO target_pool_member (pool_id, target_id)
SELECT p.pool_id, ${scaleId('g.s', '$4')}
FROM (SELECT s, ${scaleKind('s')} AS k FROM generate_series($1::bigint, $2::bigint) AS s) AS g
JOIN scale_pool p ON p.k = g.k
WHERE p.permille >= 1000 OR abs(hashint8extended(g.s, 100 + p.slot)) % 1000 < p.permille`;

/** Target rows in the batch's id range. $1,$2 range; $3 id prefix. */
const SCALE_VERIFY_SQL = `
SELECT count(*)::int AS targets FROM target WHERE id BETWEEN ${scaleId('$1::bigint', '$3')} AND ${scaleId('$2::bigint', '$3')}`;
