// Target import (检查对象批量导入): the columns a file may carry, how one row is checked (the same rules as
// createTarget: pool/pool.rules.ts), and how a batch of good rows is written: one set-based statement that updates
// changed targets, inserts new ones and adds pool membership, idempotent by USCC.
//
// An empty cell, or a column the file does not have, leaves the stored value as it is (never blanks it): files
// from other systems often carry only some columns. Required columns: 统一社会信用代码, 名称, 行政区划代码, 行业代码.
import type { Tx } from '../../shared/mutation.ts';
import { CHINA_TODAY_SQL, effectiveClassSql } from '../credit/credit.rules.ts';
import {
  checkTargetFields,
  parseFlag,
  parseRiskClass,
  parseTargetStatus,
  parseTargetType,
  problem,
  type Problem,
} from '../pool/pool.rules.ts';
import { cellDate, cellText, type Cell, type ColumnSpec } from './spreadsheet.ts';
import { uuidv7 } from './uuid7.ts';

export type TargetField =
  | 'uscc'
  | 'name'
  | 'legalRepresentative'
  | 'address'
  | 'regionCode'
  | 'industryCode'
  | 'businessScope'
  | 'type'
  | 'riskClass'
  | 'status'
  | 'establishedOn'
  | 'onAbnormalList'
  | 'onKeyAttentionList'
  | 'complaintCount'
  | 'seriousViolation';

export const TARGET_COLUMNS: readonly ColumnSpec<TargetField>[] = [
  { field: 'uscc', label: '统一社会信用代码', required: true, aliases: ['社会信用代码', '信用代码', '统一代码', '统一社会信用代码/注册号', 'USCC', 'unified social credit code', 'credit code'] },
  { field: 'name', label: '名称', required: true, aliases: ['企业名称', '单位名称', '主体名称', '市场主体名称', '检查对象名称', '对象名称', 'name', 'company name'], freeText: true },
  { field: 'legalRepresentative', label: '法定代表人', required: false, aliases: ['法定代表人（负责人）', '法定代表人/负责人', '负责人', '经营者', 'legal representative'], freeText: true },
  { field: 'address', label: '住所', required: false, aliases: ['住所（经营场所）', '经营场所', '地址', '注册地址', 'address'], freeText: true },
  { field: 'regionCode', label: '行政区划代码', required: true, aliases: ['区划代码', '行政区划', 'region code', 'region'] },
  { field: 'industryCode', label: '行业代码', required: true, aliases: ['国民经济行业代码', '国民经济行业分类代码', '国民经济行业分类', '行业分类代码', 'industry code', 'industry'] },
  { field: 'businessScope', label: '经营范围', required: false, aliases: ['business scope', 'scope'], freeText: true },
  { field: 'type', label: '类型', required: false, aliases: ['对象类型', '主体类型', '市场主体类型', 'type', 'target type'] },
  { field: 'riskClass', label: '信用风险分类', required: false, aliases: ['风险分类', '信用风险等级', '风险等级', 'risk class', 'risk'] },
  { field: 'status', label: '登记状态', required: false, aliases: ['经营状态', '状态', 'status'] },
  { field: 'establishedOn', label: '成立日期', required: false, aliases: ['成立时间', '注册日期', 'established on', 'established'] },
  { field: 'onAbnormalList', label: '列入经营异常名录', required: false, aliases: ['经营异常名录', '经营异常', 'on abnormal list', 'abnormal'] },
  { field: 'onKeyAttentionList', label: '列入重点关注名单', required: false, aliases: ['重点关注名单', '重点关注', 'on key attention list', 'key attention'] },
  { field: 'complaintCount', label: '投诉举报次数', required: false, aliases: ['投诉举报', '投诉次数', 'complaint count', 'complaints'] },
  { field: 'seriousViolation', label: '严重违法失信', required: false, aliases: ['严重违法失信名单', '严重违法', 'serious violation'] },
];

/** One good row, in the column names of the SQL below (sent as an array: targetRowArray). */
export interface TargetRow {
  uscc: string;
  name: string;
  legal_representative: string | null;
  address: string | null;
  region_code: string;
  industry_code: string;
  business_scope: string | null;
  type: string | null;
  risk_class: string | null;
  status: string | null;
  established_on: string | null;
  on_abnormal_list: boolean | null;
  on_key_attention_list: boolean | null;
  complaint_count: number | null;
  serious_violation: boolean | null;
}

/** Reads a row's cells by field; one instance per import, pointed at each row in turn (no closure per row). */
export interface Cells<F extends string> {
  get(f: F): Cell | undefined;
}

function parsedField<T>(g: Cells<TargetField>, f: TargetField, parser: (field: string, raw: string) => { value?: T; problem?: Problem }, problems: Problem[]): T | null {
  const t = cellText(g.get(f));
  if (t === null) return null;
  const r = parser(f, t);
  if (r.problem) problems.push(r.problem);
  return r.value ?? null;
}

function flagField(g: Cells<TargetField>, f: TargetField, problems: Problem[]): boolean | null {
  const v = g.get(f);
  return typeof v === 'boolean' ? v : parsedField(g, f, parseFlag, problems);
}

/** Checks one row: the same rules as createTarget, plus the cell-level ones (numbers, dates, flags). */
export function checkTargetRow(g: Cells<TargetField>, date1904: boolean, today: Date): { row?: TargetRow; key?: string; problems: Problem[] } {
  const problems: Problem[] = [];
  const rawUscc = g.get('uscc');
  const numericUscc = typeof rawUscc === 'number' && Math.abs(rawUscc) >= 1e15;
  if (numericUscc)
    problems.push(problem('uscc', 'USCC_NUMERIC_CELL', '统一社会信用代码被存成了数字，末几位已丢失；请将该列设为“文本”后重新填写', 'the code was stored as a number and lost its last digits; format the column as text and re-enter it'));
  let complaintCount: number | null = null;
  const cc = g.get('complaintCount');
  if (cellText(cc) !== null) {
    const n = typeof cc === 'number' ? cc : Number(cellText(cc));
    if (!Number.isInteger(n) || n < 0) problems.push(problem('complaintCount', 'COUNT', '投诉举报次数应为非负整数', 'complaintCount is a non-negative integer'));
    else complaintCount = n;
  }
  const established = cellDate(g.get('establishedOn'), date1904);
  if (established === 'INVALID') problems.push(problem('establishedOn', 'DATE', '成立日期应为日期，如 2021-03-05', 'establishedOn is a date such as 2021-03-05'));
  // partial mode: every field is passed explicitly (null = empty cell; required ones then report REQUIRED)
  const checked = checkTargetFields(
    {
      uscc: numericUscc ? undefined : cellText(rawUscc),
      name: cellText(g.get('name')),
      legalRepresentative: cellText(g.get('legalRepresentative')),
      address: cellText(g.get('address')),
      regionCode: cellText(g.get('regionCode')),
      industryCode: cellText(g.get('industryCode')),
      businessScope: cellText(g.get('businessScope')),
      establishedOn: established === 'INVALID' ? undefined : established,
    },
    true,
    today,
  );
  problems.push(...checked.problems);
  const type = parsedField(g, 'type', parseTargetType, problems);
  const riskClass = parsedField(g, 'riskClass', parseRiskClass, problems);
  const status = parsedField(g, 'status', parseTargetStatus, problems);
  const onAbnormalList = flagField(g, 'onAbnormalList', problems);
  const onKeyAttentionList = flagField(g, 'onKeyAttentionList', problems);
  const seriousViolation = flagField(g, 'seriousViolation', problems);
  if (problems.length) return { problems, key: checked.values.uscc };
  const v = checked.values;
  return {
    key: v.uscc!,
    problems,
    row: {
      uscc: v.uscc!,
      name: v.name!,
      legal_representative: v.legalRepresentative ?? null,
      address: v.address ?? null,
      region_code: v.regionCode!,
      industry_code: v.industryCode!,
      business_scope: v.businessScope ?? null,
      type,
      risk_class: riskClass,
      status,
      established_on: v.establishedOn ? v.establishedOn.toISOString().slice(0, 10) : null,
      on_abnormal_list: onAbnormalList,
      on_key_attention_list: onKeyAttentionList,
      complaint_count: complaintCount,
      serious_violation: seriousViolation,
    },
  };
}

/** Row as sent to SQL; the id (time-ordered, uuid7.ts) is used only if the row turns out to be new. */
const targetRowArray = (r: TargetRow) => [
  uuidv7(),
  r.uscc,
  r.name,
  r.legal_representative,
  r.address,
  r.region_code,
  r.industry_code,
  r.business_scope,
  r.type,
  r.risk_class,
  r.status,
  r.established_on,
  r.on_abnormal_list,
  r.on_key_attention_list,
  r.complaint_count,
  r.serious_violation,
];

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** new memberships of the import's pool */
  addedToPool: number;
}

/**
 * Batch order: by name (then USCC). Rows are inserted in this order with increasing ids, so the `target.name` index
 * is filled page by page and the primary key at its right edge (the same finding as the demo scale generator,
 * docs/BENCHMARKS.md); a total order also makes concurrent imports lock shared rows in the same order.
 */
export const targetOrder = (a: TargetRow, b: TargetRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0);

/**
 * Writes a batch in ONE statement (data-modifying CTEs on one snapshot):
 *   ex  — looks each USCC up once: the stored target, and whether the row changes it (`is distinct from`);
 *   upd — updates the changed ones by primary key (unchanged rows are not touched at all);
 *   ins — inserts USCCs not yet stored (`on conflict do nothing` covers a concurrent insert of the same code);
 *   mem — adds every row's target to the pool and its ancestors (stored ids from `ex`, new ones from `ins`).
 * The batch holds distinct USCCs (the caller removes duplicates), sorted by targetOrder.
 */
export async function writeTargets(tx: Tx, rows: readonly TargetRow[], poolIds: readonly string[], poolId: string): Promise<WriteCounts> {
  const [r] = await tx.$queryRawUnsafe<{ updated: number; inserted: number; existing: number; added: number }[]>(
    `with x as materialized (
       -- rows arrive as JSON arrays in targetRowArray order: a third of the size of objects, and far cheaper for
       -- the client to pass through (measured: 18 ms instead of 88 ms of CPU per 5,000-row batch)
       select (r->>0)::uuid as id, (r->>1)::char(18) as uscc, r->>2 as name, r->>3 as legal_representative,
              r->>4 as address, r->>5 as region_code, r->>6 as industry_code, r->>7 as business_scope,
              (r->>8)::"TargetType" as type, (r->>9)::"RiskClass" as risk_class, (r->>10)::"TargetStatus" as status,
              (r->>11)::date as established_on, (r->>12)::boolean as on_abnormal_list,
              (r->>13)::boolean as on_key_attention_list, (r->>14)::int as complaint_count,
              (r->>15)::boolean as serious_violation
         from jsonb_array_elements($1::jsonb) as e(r)
     ),
     ex as materialized (
       -- one look-up per row: the stored target (if any) and whether the file changes it
       select x.*, t.id as tid,
              t.id is not null and
              (t.name, t.legal_representative, t.address, t.region_code, t.industry_code, t.business_scope, t.type,
               t.risk_class_base, t.status, t.established_on, t.on_abnormal_list, t.on_key_attention_list, t.complaint_count,
               t.serious_violation)
              is distinct from
              (x.name, coalesce(x.legal_representative, t.legal_representative), coalesce(x.address, t.address),
               x.region_code, x.industry_code, coalesce(x.business_scope, t.business_scope), coalesce(x.type, t.type),
               coalesce(x.risk_class, t.risk_class_base), coalesce(x.status, t.status), coalesce(x.established_on, t.established_on),
               coalesce(x.on_abnormal_list, t.on_abnormal_list), coalesce(x.on_key_attention_list, t.on_key_attention_list),
               coalesce(x.complaint_count, t.complaint_count), coalesce(x.serious_violation, t.serious_violation)) as changed
         from x left join target t on t.uscc = x.uscc
     ),
     upd as (
       update target t set
         name = x.name,
         legal_representative = coalesce(x.legal_representative, t.legal_representative),
         address = coalesce(x.address, t.address),
         region_code = x.region_code,
         industry_code = x.industry_code,
         business_scope = coalesce(x.business_scope, t.business_scope),
         type = coalesce(x.type, t.type),
         -- the file's class is the base class; the effective class follows by the rule of docs/CREDIT.md
         risk_class_base = coalesce(x.risk_class, t.risk_class_base),
         risk_class = ${effectiveClassSql('coalesce(x.risk_class, t.risk_class_base)', 't.id', 'coalesce(x.on_abnormal_list, t.on_abnormal_list)', CHINA_TODAY_SQL)},
         risk_class_computed_at = now(),
         status = coalesce(x.status, t.status),
         established_on = coalesce(x.established_on, t.established_on),
         on_abnormal_list = coalesce(x.on_abnormal_list, t.on_abnormal_list),
         on_key_attention_list = coalesce(x.on_key_attention_list, t.on_key_attention_list),
         complaint_count = coalesce(x.complaint_count, t.complaint_count),
         serious_violation = coalesce(x.serious_violation, t.serious_violation),
         updated_at = now()
       from ex x
       where t.id = x.tid and x.changed
       returning t.id
     ),
     ins as (
       insert into target (id, uscc, name, legal_representative, address, region_code, industry_code, business_scope, type,
                           risk_class_base, risk_class, risk_class_computed_at, status, established_on, on_abnormal_list,
                           on_key_attention_list, complaint_count, serious_violation)
       select x.id, x.uscc, x.name, x.legal_representative, x.address, x.region_code, x.industry_code, x.business_scope,
              coalesce(x.type, 'ENTERPRISE'), coalesce(x.risk_class, 'B'),
              ${effectiveClassSql(`coalesce(x.risk_class, 'B')`, 'x.id', 'x.on_abnormal_list', CHINA_TODAY_SQL)}, now(),
              coalesce(x.status, 'ACTIVE'), x.established_on,
              coalesce(x.on_abnormal_list, false), coalesce(x.on_key_attention_list, false), coalesce(x.complaint_count, 0),
              coalesce(x.serious_violation, false)
         from ex x
        where x.tid is null
       on conflict (uscc) do nothing
       returning id
     ),
     ids as (
       select tid as id from ex where tid is not null
       union all
       select id from ins
     ),
     mem as (
       insert into target_pool_member (pool_id, target_id)
       select p.id, ids.id from ids cross join (select value::uuid as id from jsonb_array_elements_text($2::jsonb)) p
       on conflict do nothing
       returning pool_id
     )
     select (select count(*) from upd)::int as updated,
            (select count(*) from ins)::int as inserted,
            (select count(*) from ex where tid is not null)::int as existing,
            (select count(*) from mem where pool_id = $3::uuid)::int as added`,
    JSON.stringify(rows.map(targetRowArray)),
    JSON.stringify(poolIds),
    poolId,
  );
  let added = r!.added;
  if (r!.inserted + r!.existing < rows.length) {
    // Another transaction inserted some of these USCCs after this statement's snapshot (two imports of the same new
    // business at once): `ins` skipped them and `mem` could not see them. A new statement sees them committed.
    const [late] = await tx.$queryRawUnsafe<{ added: number }[]>(
      `with mem as (
         insert into target_pool_member (pool_id, target_id)
         select p.id, t.id
           from target t
           join (select value::char(18) as uscc from jsonb_array_elements_text($1::jsonb)) u on u.uscc = t.uscc
          cross join (select value::uuid as id from jsonb_array_elements_text($2::jsonb)) p
         on conflict do nothing
         returning pool_id
       ) select (select count(*) from mem where pool_id = $3::uuid)::int as added`,
      JSON.stringify(rows.map((x) => x.uscc)),
      JSON.stringify(poolIds),
      poolId,
    );
    added += late!.added;
  }
  return { inserted: r!.inserted, updated: r!.updated, unchanged: rows.length - r!.inserted - r!.updated, addedToPool: added };
}
