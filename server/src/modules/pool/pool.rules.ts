// Field rules of the two pools (两库), shared by every input path: GraphQL mutations (pool.service.ts) and bulk
// imports (import/*.rows.ts). Pure functions that report a problem instead of throwing, so an import can list
// every bad cell of a row while a mutation turns the first problem into an InputError.
import type { RiskClass, TargetStatus, TargetType } from '../../generated/prisma/enums.ts';
import type { Bilingual } from '../../shared/errors.ts';
import { InputError } from '../../shared/errors.ts';
import { normalizeUscc, usccProblem, USCC_PROBLEM_MESSAGES } from '../../shared/uscc.ts';

export interface Problem extends Bilingual {
  /** the input field at fault (GraphQL input field name; imports map it back to the column heading) */
  field: string;
  /** stable machine code, e.g. USCC_CHECK_CHARACTER, INDUSTRY_CODE, REQUIRED */
  reason: string;
}

export const problem = (field: string, reason: string, zh: string, en: string): Problem => ({ field, reason, zh, en });

/** Throws the first problem as a typed GraphQL input error (field prefixed, e.g. `input.uscc`). */
export function throwFirst(problems: readonly Problem[], prefix = 'input'): void {
  const p = problems[0];
  if (p) throw new InputError(prefix ? `${prefix}.${p.field}` : p.field, p.reason, { zh: p.zh, en: p.en });
}

/** Maximum lengths of free-text fields (characters). */
export const TEXT_LIMITS = {
  name: 200,
  legalRepresentative: 100,
  address: 500,
  businessScope: 4000,
  reason: 1000,
  certificateNo: 40,
  phone: 40,
  tag: 50,
  tags: 30,
} as const;

/** Trims; empty → null. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = (value.includes('\u3000') ? value.replace(/\u3000/g, ' ') : value).trim();
  return v ? v : null;
}

export function textProblem(field: string, value: string | null, max: number, required: boolean, label: string): Problem | null {
  if (value === null) return required ? problem(field, 'REQUIRED', `请填写${label}`, `${field} is required`) : null;
  if (value.length > max) return problem(field, 'TOO_LONG', `${label}不能超过 ${max} 个字符`, `${field} has at most ${max} characters`);
  return null;
}

// ── USCC (统一社会信用代码) ──

const CLEAN_USCC_RE = /^[0-9A-Z]{18}$/;

export function usccFieldProblem(field: string, raw: string | null): { value: string | null; problem: Problem | null } {
  if (raw === null) return { value: null, problem: problem(field, 'REQUIRED', '请填写统一社会信用代码', 'a unified social credit code is required') };
  const code = CLEAN_USCC_RE.test(raw) ? raw : normalizeUscc(raw); // imports: almost every code is already clean
  const p = usccProblem(code);
  return p ? { value: code, problem: problem(field, `USCC_${p}`, USCC_PROBLEM_MESSAGES[p].zh, USCC_PROBLEM_MESSAGES[p].en) } : { value: code, problem: null };
}

// ── industry code (国民经济行业分类 GB/T 4754) ──

/** GB/T 4754: one section letter A–T, then the division (2 digits), group (3) or class (4), e.g. C1391, F5265, H6210. */
export const INDUSTRY_CODE_RE = /^[A-T]\d{2,4}$/;

export function normalizeIndustryCode(raw: string): string {
  // same cleaning as a USCC: full-width → half-width, no spaces or hyphens, upper case
  return INDUSTRY_CODE_RE.test(raw) ? raw : normalizeUscc(raw);
}

export function industryCodeProblem(field: string, code: string | null): Problem | null {
  if (code === null) return problem(field, 'REQUIRED', '请填写行业代码', 'an industry code is required');
  if (!INDUSTRY_CODE_RE.test(code))
    return problem(
      field,
      'INDUSTRY_CODE',
      '行业代码应为 GB/T 4754 门类字母（A–T）加 2 至 4 位数字，如 C1391',
      'an industry code is a GB/T 4754 section letter A–T followed by 2 to 4 digits, e.g. C1391',
    );
  return null;
}

// ── region code (行政区划代码 GB/T 2260, optionally with the township: 9 digits) ──

export const REGION_CODE_RE = /^\d{6}(\d{3})?$/;

export function regionCodeProblem(field: string, code: string | null): Problem | null {
  if (code === null) return problem(field, 'REQUIRED', '请填写行政区划代码', 'a region code is required');
  if (!REGION_CODE_RE.test(code))
    return problem(field, 'REGION_CODE', '行政区划代码应为 6 位数字（含乡镇为 9 位）', 'a region code has 6 digits (9 with the township)');
  return null;
}

// ── enumerations written in Chinese or English ──

const TARGET_TYPES: Record<string, TargetType> = {
  ENTERPRISE: 'ENTERPRISE', 企业: 'ENTERPRISE', 公司: 'ENTERPRISE', 企业法人: 'ENTERPRISE',
  INDIVIDUAL_BUSINESS: 'INDIVIDUAL_BUSINESS', 个体工商户: 'INDIVIDUAL_BUSINESS', 个体: 'INDIVIDUAL_BUSINESS', 个体户: 'INDIVIDUAL_BUSINESS',
  FARMER_COOPERATIVE: 'FARMER_COOPERATIVE', 农民专业合作社: 'FARMER_COOPERATIVE', 合作社: 'FARMER_COOPERATIVE',
  PRODUCT: 'PRODUCT', 产品: 'PRODUCT',
  PROJECT: 'PROJECT', 工程项目: 'PROJECT', 项目: 'PROJECT',
  BEHAVIOUR: 'BEHAVIOUR', BEHAVIOR: 'BEHAVIOUR', 行为: 'BEHAVIOUR',
};

const RISK_CLASSES: Record<string, RiskClass> = {
  A: 'A', A类: 'A', 低风险: 'A', 低: 'A',
  B: 'B', B类: 'B', 一般风险: 'B', 一般: 'B', 中风险: 'B',
  C: 'C', C类: 'C', 较高风险: 'C', 较高: 'C',
  D: 'D', D类: 'D', 高风险: 'D', 高: 'D',
};

const TARGET_STATUSES: Record<string, TargetStatus> = {
  ACTIVE: 'ACTIVE', 存续: 'ACTIVE', 在业: 'ACTIVE', 开业: 'ACTIVE', 正常: 'ACTIVE',
  SUSPENDED: 'SUSPENDED', 停业: 'SUSPENDED', 歇业: 'SUSPENDED',
  DEREGISTERED: 'DEREGISTERED', 注销: 'DEREGISTERED', 吊销: 'DEREGISTERED', 已注销: 'DEREGISTERED',
};

const key = (s: string) => s.replace(/[\s（）()]/g, '').toUpperCase();
/** own-property lookup: "constructor" or "toString" in a cell must not find Object.prototype */
const own = <T>(map: Record<string, T>, k: string): T | undefined => (Object.hasOwn(map, k) ? map[k] : undefined);

export function parseTargetType(field: string, raw: string): { value?: TargetType; problem?: Problem } {
  const v = own(TARGET_TYPES, raw) ?? own(TARGET_TYPES, key(raw));
  return v ? { value: v } : { problem: problem(field, 'TARGET_TYPE', '类型应为 企业 / 个体工商户 / 农民专业合作社 / 产品 / 工程项目 / 行为', 'type is one of ENTERPRISE, INDIVIDUAL_BUSINESS, FARMER_COOPERATIVE, PRODUCT, PROJECT, BEHAVIOUR') };
}

export function parseRiskClass(field: string, raw: string): { value?: RiskClass; problem?: Problem } {
  const direct = own(RISK_CLASSES, raw);
  if (direct) return { value: direct };
  const k = key(raw);
  // "A", "A类", "低风险", "A类（低风险）"
  const v = own(RISK_CLASSES, k) ?? (/^[A-D](类|级)/.test(k) ? (k[0] as RiskClass) : undefined);
  return v ? { value: v } : { problem: problem(field, 'RISK_CLASS', '信用风险分类应为 A / B / C / D（低 / 一般 / 较高 / 高风险）', 'risk class is A, B, C or D') };
}

export function parseTargetStatus(field: string, raw: string): { value?: TargetStatus; problem?: Problem } {
  const v = own(TARGET_STATUSES, raw) ?? own(TARGET_STATUSES, key(raw));
  return v ? { value: v } : { problem: problem(field, 'TARGET_STATUS', '状态应为 存续 / 停业 / 注销', 'status is ACTIVE, SUSPENDED or DEREGISTERED') };
}

const TRUE = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√', '✓', '在岗', '有效', '启用']);
const FALSE = new Set(['否', 'N', 'NO', 'FALSE', '0', '×', '离岗', '无效', '停用']);

export function parseFlag(field: string, raw: string): { value?: boolean; problem?: Problem } {
  const k = key(raw);
  if (TRUE.has(k)) return { value: true };
  if (FALSE.has(k)) return { value: false };
  return { problem: problem(field, 'BOOLEAN', '应填写“是”或“否”', 'write yes or no') };
}

// ── inspectors (执法检查人员) ──

/** 执法证号: letters, digits, Chinese characters and - / ( ) 第 号, 3–40 characters, no spaces. */
const CERTIFICATE_RE = /^[0-9A-Za-z\u4e00-\u9fff\-/()（）]{3,40}$/;

export function normalizeCertificateNo(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

export function certificateNoProblem(field: string, value: string | null): Problem | null {
  if (value === null) return problem(field, 'REQUIRED', '请填写执法证号', 'a certificate number is required');
  if (!CERTIFICATE_RE.test(value))
    return problem(field, 'CERTIFICATE_NO', '执法证号应为 3–40 位字母、数字或汉字，不含空格', 'a certificate number has 3–40 letters, digits or Chinese characters, no spaces');
  return null;
}

/** Splits a list cell ("食品安全、特种设备; 计量") into clean, distinct tags. */
export function splitTags(raw: string | null): string[] {
  if (!raw) return [];
  return [...new Set(raw.split(/[,，;；、|/\n]+/).map((s) => s.trim()).filter(Boolean))];
}

export function tagsProblem(field: string, tags: readonly string[], label: string): Problem | null {
  if (tags.length > TEXT_LIMITS.tags) return problem(field, 'TOO_MANY', `${label}最多 ${TEXT_LIMITS.tags} 项`, `at most ${TEXT_LIMITS.tags} entries`);
  const long = tags.find((t) => t.length > TEXT_LIMITS.tag);
  if (long) return problem(field, 'TOO_LONG', `${label}每项不超过 ${TEXT_LIMITS.tag} 个字符`, `each entry has at most ${TEXT_LIMITS.tag} characters`);
  return null;
}

// ── a target's own fields, as one check used by createTarget, updateTarget and the import ──

export interface TargetTextInput {
  uscc?: string | null;
  name?: string | null;
  legalRepresentative?: string | null;
  address?: string | null;
  regionCode?: string | null;
  industryCode?: string | null;
  businessScope?: string | null;
  complaintCount?: number | null;
  establishedOn?: Date | null;
}

export interface TargetTextValues {
  uscc?: string;
  name?: string;
  legalRepresentative?: string | null;
  address?: string | null;
  regionCode?: string;
  industryCode?: string;
  businessScope?: string | null;
  complaintCount?: number;
  establishedOn?: Date | null;
}

/**
 * Normalises and checks a target's fields. `partial` (updates): a field that is undefined is left alone; otherwise
 * the required fields (uscc, name, regionCode, industryCode) must be given. Returns the cleaned values and every
 * problem found.
 */
export function checkTargetFields(input: TargetTextInput, partial: boolean, today = new Date()): { values: TargetTextValues; problems: Problem[] } {
  const problems: Problem[] = [];
  const values: TargetTextValues = {};
  const given = (k: keyof TargetTextInput) => !partial || input[k] !== undefined;
  const push = (p: Problem | null) => p && problems.push(p);

  if (given('uscc')) {
    const u = usccFieldProblem('uscc', cleanText(input.uscc));
    push(u.problem);
    if (u.value) values.uscc = u.value;
  }
  if (given('name')) {
    const v = cleanText(input.name);
    push(textProblem('name', v, TEXT_LIMITS.name, true, '名称'));
    if (v) values.name = v;
  }
  for (const [k, label, max] of [
    ['legalRepresentative', '法定代表人', TEXT_LIMITS.legalRepresentative],
    ['address', '住所', TEXT_LIMITS.address],
    ['businessScope', '经营范围', TEXT_LIMITS.businessScope],
  ] as const) {
    if (input[k] === undefined) continue;
    const v = cleanText(input[k]);
    push(textProblem(k, v, max, false, label));
    values[k] = v;
  }
  if (given('regionCode')) {
    const v = cleanText(input.regionCode)?.replace(/\s/g, '') ?? null;
    push(regionCodeProblem('regionCode', v));
    if (v) values.regionCode = v;
  }
  if (given('industryCode')) {
    const raw = cleanText(input.industryCode);
    const v = raw === null ? null : normalizeIndustryCode(raw);
    push(industryCodeProblem('industryCode', v));
    if (v) values.industryCode = v;
  }
  if (input.complaintCount !== undefined && input.complaintCount !== null) {
    if (!Number.isInteger(input.complaintCount) || input.complaintCount < 0 || input.complaintCount > 1_000_000)
      push(problem('complaintCount', 'COUNT', '投诉举报次数应为非负整数', 'complaintCount is a non-negative integer'));
    else values.complaintCount = input.complaintCount;
  }
  if (input.establishedOn !== undefined) {
    if (input.establishedOn && input.establishedOn.getTime() > today.getTime())
      push(problem('establishedOn', 'IN_FUTURE', '成立日期不能晚于今天', 'establishedOn cannot be in the future'));
    else values.establishedOn = input.establishedOn;
  }
  return { values, problems };
}
