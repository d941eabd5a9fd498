// Pure, deterministic generation of the demo data set (no database access): same seed → same rows, same ids,
// same USCCs. seed.ts writes what this returns.
import { makeUscc, USCC_ALPHABET } from '../../shared/uscc.ts';
import { Rng } from './rng.ts';
import { DEPARTMENTS, type DemoDepartment } from './departments.ts';
import { CHECK_ITEMS, JOINT_DOMAINS, type DemoCheckItem } from './check-items.ts';
import { ENTITY_PREFIX, ENTITY_TARGET_TYPE, SECTORS, SUB_POOLS, type DemoIndustry, type DemoSector, type EntityKind, type NamePattern } from './sectors.ts';
import { GIVEN_FEMALE, GIVEN_MALE, ORDINALS, REGIONS, SURNAMES, TRADE_FIRST, TRADE_SECOND, VILLAGES, type DemoRegion } from './names.ts';

export type RiskClass = 'A' | 'B' | 'C' | 'D';

export interface GenDepartment extends DemoDepartment {
  id: string;
  sortOrder: number;
}

export interface GenPool {
  id: string;
  departmentCode: string;
  name: string;
  domain: string | null;
  parentId: string | null;
}

export interface GenTarget {
  id: string;
  uscc: string;
  name: string;
  legalRepresentative: string;
  address: string;
  regionCode: string;
  industryCode: string;
  businessScope: string;
  type: 'ENTERPRISE' | 'INDIVIDUAL_BUSINESS' | 'FARMER_COOPERATIVE';
  riskClass: RiskClass;
  onAbnormalList: boolean;
  onKeyAttentionList: boolean;
  complaintCount: number;
  seriousViolation: boolean;
  status: 'ACTIVE' | 'SUSPENDED' | 'DEREGISTERED';
  establishedOn: string;
  sector: string;
  departments: string[];
  poolIds: string[];
}

export interface GenInspector {
  id: string;
  name: string;
  departmentCode: string;
  poolId: string;
  certificateNo: string;
  qualifications: string[];
  expertiseTags: string[];
  isThirdPartyExpert: boolean;
  active: boolean;
  phone: string;
}

export interface GenLeave {
  id: string;
  inspectorId: string;
  startsOn: string;
  endsOn: string;
  reason: string;
}

export interface GenRecusal {
  id: string;
  inspectorId: string;
  targetId: string;
  reason: string;
}

export const RISK_SHARE: Record<RiskClass, number> = { A: 0.2, B: 0.55, C: 0.18, D: 0.07 };
/** Per risk class: probability of being on the abnormal-operations list, the key-attention list, of a serious violation. */
const FLAG_P: Record<RiskClass, { abnormal: number; keyAttention: number; serious: number; complaintScale: number }> = {
  A: { abnormal: 0.005, keyAttention: 0, serious: 0, complaintScale: 0.4 },
  B: { abnormal: 0.02, keyAttention: 0.008, serious: 0.002, complaintScale: 0.9 },
  C: { abnormal: 0.06, keyAttention: 0.04, serious: 0.015, complaintScale: 1.6 },
  D: { abnormal: 0.12, keyAttention: 0.12, serious: 0.09, complaintScale: 2.6 },
};

// ───────────────────────── people and places ─────────────────────────

export function personName(rng: Rng): string {
  const surname = rng.weighted(SURNAMES, ([, w]) => w)[0];
  const pool = rng.chance(0.55) ? GIVEN_MALE : GIVEN_FEMALE;
  return surname + rng.pick(pool) + (rng.chance(0.72) ? rng.pick(pool) : '');
}

export function mobilePhone(rng: Rng): string {
  const prefix = rng.pick(['135', '137', '139', '150', '158', '159', '186', '187', '188', '153', '177', '182']);
  return prefix + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

function tradeName(rng: Rng): string {
  let a = rng.pick(TRADE_FIRST);
  let b = rng.pick(TRADE_SECOND);
  while (b === a) b = rng.pick(TRADE_SECOND);
  return a + b;
}

function shortTown(town: string): string {
  return town.replace(/(街道|镇)$/, '');
}

// ───────────────────────── USCC (GB 32100) ─────────────────────────

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation-code check character over 8 characters. */
function orgCodeCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8[i]!;
    const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/**
 * The 9-character organisation part: codes issued since the 2015 reform start with MA (market regulation) or
 * MJ (civil affairs) followed by six characters; older ones are the former 8-digit organisation code. Both end
 * with the GB 11714 check character.
 */
function organisationBody(rng: Rng, kind: EntityKind, establishedYear: number): string {
  let body8: string;
  if (establishedYear >= 2016 && kind !== 'public' && kind !== 'lawFirm' && kind !== 'appraisal') {
    body8 = (kind === 'nonprofit' ? 'MJ' : 'MA') + Array.from({ length: 6 }, () => rng.pick([...USCC_ALPHABET])).join('');
  } else {
    body8 = String(rng.int(10_000_000, 99_999_999));
  }
  return body8 + orgCodeCheck(body8);
}

// ───────────────────────── departments and pools ─────────────────────────

export function generateDepartments(rng: Rng): GenDepartment[] {
  const r = rng.fork('departments');
  return DEPARTMENTS.map((d, i) => ({ ...d, id: r.uuid(), sortOrder: i + 1 }));
}

export function generatePools(rng: Rng, departments: GenDepartment[]): GenPool[] {
  const r = rng.fork('pools');
  const pools: GenPool[] = [];
  for (const d of departments) {
    const main: GenPool = { id: r.uuid(), departmentCode: d.code, name: `${d.shortName}检查对象名录库`, domain: null, parentId: null };
    pools.push(main);
    for (const sp of SUB_POOLS.filter((s) => s.department === d.code)) {
      pools.push({ id: r.uuid(), departmentCode: d.code, name: `${d.shortName}检查对象名录库（${sp.domain}分库）`, domain: sp.domain, parentId: main.id });
    }
  }
  return pools;
}

/** Main pool id per department, and sub-pool id per department|domain. */
export function poolIndex(pools: GenPool[]): { main: Map<string, string>; sub: Map<string, string> } {
  const main = new Map<string, string>();
  const sub = new Map<string, string>();
  for (const p of pools) {
    if (p.parentId === null) main.set(p.departmentCode, p.id);
    else sub.set(`${p.departmentCode}|${p.domain}`, p.id);
  }
  return { main, sub };
}

/** The pools a target of `sector` held by `departments` belongs to: each department's main pool, plus its sub-pool for the sector's domain. */
export function poolsFor(index: ReturnType<typeof poolIndex>, sector: DemoSector, departments: string[]): string[] {
  const ids: string[] = [];
  for (const d of departments) {
    ids.push(index.main.get(d)!);
    const sub = index.sub.get(`${d}|${sector.domain}`);
    if (sub) ids.push(sub);
  }
  return ids;
}

// ───────────────────────── targets ─────────────────────────

const YEARS = Array.from({ length: 2022 - 1995 + 1 }, (_, i) => 1995 + i);

function establishedOn(rng: Rng, kind: EntityKind): string {
  const year = kind === 'public' ? rng.int(1952, 2008) : rng.weighted(YEARS, (y) => 1 + (y - 1995) * 0.3);
  const lastMonth = year === 2022 ? 6 : 12;
  const month = rng.int(1, lastMonth);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fill(template: string, parts: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => parts[k] ?? '');
}

function address(rng: Rng, region: DemoRegion, town: string): string {
  if (town.endsWith('镇') && rng.chance(0.6)) {
    return `${region.addressPrefix}${town}${rng.pick(VILLAGES)}村${rng.chance(0.5) ? `${rng.int(1, 260)}号` : ''}`;
  }
  const building = rng.chance(0.2) ? `${rng.int(1, 12)}号楼${rng.int(1, 6)}0${rng.int(1, 9)}室` : '';
  return `${region.addressPrefix}${town}${rng.pick(region.roads)}${rng.int(1, 399)}号${building}`;
}

function complaintCount(rng: Rng, sector: DemoSector, risk: RiskClass): number {
  const p = Math.min(0.9, 0.08 * sector.complaints * FLAG_P[risk].complaintScale);
  if (!rng.chance(p)) return 0;
  // Skewed: most complained-about targets have one or two complaints, a few have many.
  let n = 1;
  while (n < 40 && rng.chance(0.45 + (risk === 'D' ? 0.2 : 0))) n++;
  return n;
}

export interface TargetContext {
  pools: ReturnType<typeof poolIndex>;
  usccs: Set<string>;
  names: Set<string>;
}

export function generateTargets(rng: Rng, count: number, ctx: TargetContext): GenTarget[] {
  const r = rng.fork('targets');
  const out: GenTarget[] = [];
  const risks: RiskClass[] = ['A', 'B', 'C', 'D'];
  for (let i = 0; i < count; i++) {
    const sector = r.weighted(SECTORS, (s) => s.weight);
    const industry: DemoIndustry = r.weighted(sector.industries, (x) => x.weight);
    const patterns: NamePattern[] = industry.names ?? sector.names;
    const shops = industry.shops ?? sector.shops ?? ['商店'];
    let region = r.weighted(REGIONS, (x) => x.weight);
    let pattern = r.weighted(patterns, (p) => p.weight);
    let town = r.pick(region.towns);
    let name = '';
    for (let attempt = 0; attempt < 40; attempt++) {
      if (attempt > 0) {
        town = r.pick(region.towns);
        if (attempt % 8 === 0) pattern = r.weighted(patterns, (p) => p.weight);
        if (attempt === 30) region = REGIONS[0]!;
      }
      const suffix = r.weighted(
        [['有限公司', 85], ['有限责任公司', 12], ['股份有限公司', 3]] as const,
        ([, w]) => w,
      )[0];
      name = fill(pattern.template, {
        city: region.city,
        cityShort: region.cityShort,
        town,
        townShort: shortTown(town),
        vil: r.pick(VILLAGES),
        zh: tradeName(r),
        word: r.pick(industry.words),
        shop: r.pick(shops),
        sur: r.weighted(SURNAMES, ([, w]) => w)[0],
        ord: r.pick(ORDINALS),
        suffix,
      });
      if (!ctx.names.has(name)) break;
      if (attempt === 39) name = `${name}（${ORDINALS[i % 10]}分部）`;
    }
    ctx.names.add(name);

    const kind = pattern.kind;
    const established = establishedOn(r, kind);
    const uRegion = kind === 'lawFirm' || kind === 'appraisal' ? '370000' : region.code;
    const prefix = ENTITY_PREFIX[kind];
    let uscc = '';
    do {
      uscc = makeUscc(prefix[0]!, prefix[1]!, uRegion, organisationBody(r, kind, Number(established.slice(0, 4))));
    } while (ctx.usccs.has(uscc));
    ctx.usccs.add(uscc);

    const risk = r.weighted(risks, (k) => RISK_SHARE[k]);
    const flags = FLAG_P[risk];
    const statusRoll = r.next();
    const departments = [sector.pools[0]!.department];
    for (const p of sector.pools.slice(1)) if (departments.length < 3 && r.chance(p.p)) departments.push(p.department);

    out.push({
      id: r.uuid(),
      uscc,
      name,
      legalRepresentative: personName(r),
      address: address(r, region, town),
      regionCode: region.code,
      industryCode: industry.code,
      businessScope: industry.scope,
      type: ENTITY_TARGET_TYPE[kind],
      riskClass: risk,
      onAbnormalList: r.chance(flags.abnormal),
      onKeyAttentionList: r.chance(flags.keyAttention),
      complaintCount: complaintCount(r, sector, risk),
      seriousViolation: r.chance(flags.serious),
      status: statusRoll < 0.004 ? 'DEREGISTERED' : statusRoll < 0.012 ? 'SUSPENDED' : 'ACTIVE',
      establishedOn: established,
      sector: sector.key,
      departments,
      poolIds: poolsFor(ctx.pools, sector, departments),
    });
  }
  return out;
}

// ───────────────────────── inspectors ─────────────────────────

const EXPERT_QUALIFICATIONS: Record<string, string[]> = {
  SCJGJ: ['食品检验工程师', '特种设备检验师', '计量检定员'],
  YJGLJ: ['注册安全工程师', '危险化学品安全评价师'],
  STHJJ: ['环境影响评价工程师', '环境监测工程师'],
  WJJ: ['公共卫生医师'],
  ZJJ: ['一级注册建造师'],
  NYNCJ: ['农产品质量安全检测员'],
};
const EXPERT_EMPLOYERS = ['烟台市产品质量监督检验所', '山东省安全生产技术服务中心', '海阳市疾病预防控制中心', '烟台大学', '山东省环境监测中心站', '烟台市农业科学研究院'];

export function generateInspectors(
  rng: Rng,
  departments: GenDepartment[],
  inspectorPools: Map<string, { main: string; experts?: string }>,
): GenInspector[] {
  const r = rng.fork('inspectors');
  const out: GenInspector[] = [];
  const names = new Set<string>();
  const uniqueName = () => {
    let n = personName(r);
    while (names.has(n)) n = personName(r);
    names.add(n);
    return n;
  };
  for (const d of departments) {
    const pools = inspectorPools.get(d.code)!;
    for (let i = 1; i <= d.inspectors; i++) {
      out.push({
        id: r.uuid(),
        name: uniqueName(),
        departmentCode: d.code,
        poolId: pools.main,
        certificateNo: `370687${d.no}${String(i).padStart(4, '0')}`,
        qualifications: ['行政执法证', ...r.sample(d.qualifications, r.int(1, Math.min(2, d.qualifications.length)))],
        expertiseTags: r.sample(d.expertise, r.int(1, 3)),
        isThirdPartyExpert: false,
        active: !r.chance(0.05),
        phone: mobilePhone(r),
      });
    }
    for (let i = 1; i <= d.experts; i++) {
      const q = EXPERT_QUALIFICATIONS[d.code] ?? ['行业专家'];
      out.push({
        id: r.uuid(),
        name: uniqueName(),
        departmentCode: d.code,
        poolId: pools.experts ?? pools.main,
        certificateNo: `ZJ370687${d.no}${String(i).padStart(2, '0')}`,
        qualifications: ['第三方专家', r.pick(q), r.pick(EXPERT_EMPLOYERS)],
        expertiseTags: r.sample(d.expertise, r.int(1, 2)),
        isThirdPartyExpert: true,
        active: true,
        phone: mobilePhone(r),
      });
    }
  }
  return out;
}

export function generateLeaves(rng: Rng, inspectors: GenInspector[]): GenLeave[] {
  const r = rng.fork('leaves');
  const reasons = ['年休假', '病假', '参加省局业务培训', '借调专项工作', '产假', '婚假'];
  const out: GenLeave[] = [];
  for (const ins of inspectors) {
    if (ins.isThirdPartyExpert || !r.chance(0.12)) continue;
    const year = r.chance(0.75) ? 2022 : 2026;
    const start = new Date(Date.UTC(year, r.int(2, 10), r.int(1, 25)));
    const reason = r.pick(reasons);
    const days = reason === '产假' ? 158 : reason === '借调专项工作' ? r.int(30, 90) : r.int(3, 15);
    const end = new Date(start.getTime() + (days - 1) * 86_400_000);
    out.push({ id: r.uuid(), inspectorId: ins.id, startsOn: iso(start), endsOn: iso(end), reason });
  }
  return out;
}

export function generateRecusals(rng: Rng, inspectors: GenInspector[], targets: GenTarget[]): GenRecusal[] {
  const r = rng.fork('recusals');
  const reasons = ['配偶在该单位任职', '与法定代表人系近亲属', '曾在该单位任职，离职未满三年', '与该单位存在经济往来'];
  const out: GenRecusal[] = [];
  const seen = new Set<string>();
  const candidates = inspectors.filter((i) => !i.isThirdPartyExpert && ['SCJGJ', 'YJGLJ', 'WJJ', 'GAJ', 'STHJJ'].includes(i.departmentCode));
  for (let n = 0; n < 12 && candidates.length; n++) {
    const ins = r.pick(candidates);
    const mine = targets.filter((t) => t.departments.includes(ins.departmentCode));
    if (!mine.length) continue;
    const t = r.pick(mine);
    const key = `${ins.id}|${t.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ id: r.uuid(), inspectorId: ins.id, targetId: t.id, reason: r.pick(reasons) });
  }
  return out;
}

// ───────────────────────── items, plans, tasks ─────────────────────────

export function jointItems(): DemoCheckItem[] {
  return CHECK_ITEMS.filter((i) => (JOINT_DOMAINS as readonly string[]).includes(i.domain));
}

export function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
