// Inspector import (执法检查人员批量导入): columns, row check (same rules as createInspector) and the set-based
// write, idempotent by certificate number (执法证号). An inspector registered by another department is never
// changed by an import: such rows are reported (CERTIFICATE_OTHER_DEPARTMENT). Empty cells keep stored values.
import type { Tx } from '../../shared/mutation.ts';
import { checkInspectorFields } from '../pool/pool.service.ts';
import { parseFlag, problem, splitTags, type Problem } from '../pool/pool.rules.ts';
import { cellText, type Cell, type ColumnSpec } from './spreadsheet.ts';
import type { Cells, WriteCounts } from './target.rows.ts';

export type InspectorField = 'name' | 'certificateNo' | 'qualifications' | 'expertiseTags' | 'isThirdPartyExpert' | 'active' | 'phone';

export const INSPECTOR_COLUMNS: readonly ColumnSpec<InspectorField>[] = [
  { field: 'name', label: '姓名', required: true, aliases: ['执法人员姓名', '检查人员姓名', '人员姓名', 'name'], freeText: true },
  { field: 'certificateNo', label: '执法证号', required: true, aliases: ['执法证件号', '执法证件号码', '执法证编号', '证件号', 'certificate no', 'certificate number', 'certificate'] },
  { field: 'qualifications', label: '执法资格', required: false, aliases: ['资格', '执法类别', 'qualifications', 'qualification'], freeText: true },
  { field: 'expertiseTags', label: '专业特长', required: false, aliases: ['业务专长', '特长', '专业特长标签', 'expertise tags', 'expertise'], freeText: true },
  { field: 'isThirdPartyExpert', label: '第三方专家', required: false, aliases: ['是否第三方专家', '专家', 'third party expert', 'expert'] },
  { field: 'active', label: '在岗', required: false, aliases: ['是否在岗', '状态', '有效', 'active'] },
  { field: 'phone', label: '联系电话', required: false, aliases: ['电话', '手机', '手机号', 'phone'], freeText: true },
];

export interface InspectorRow {
  certificate_no: string;
  name: string;
  qualifications: string[] | null;
  expertise_tags: string[] | null;
  is_third_party_expert: boolean | null;
  active: boolean | null;
  phone: string | null;
}

export function checkInspectorRow(g: Cells<InspectorField>): { row?: InspectorRow; key?: string; problems: Problem[] } {
  const problems: Problem[] = [];
  const text = (f: InspectorField) => cellText(g.get(f));
  const flag = (f: InspectorField): boolean | null => {
    const v = g.get(f);
    if (typeof v === 'boolean') return v;
    const t = text(f);
    if (t === null) return null;
    const r = parseFlag(f, t);
    if (r.problem) problems.push(r.problem);
    return r.value ?? null;
  };
  const qualifications = text('qualifications');
  const expertise = text('expertiseTags');
  const checked = checkInspectorFields(
    {
      name: text('name'),
      certificateNo: text('certificateNo'),
      qualifications: qualifications === null ? undefined : splitTags(qualifications),
      expertiseTags: expertise === null ? undefined : splitTags(expertise),
      phone: text('phone') ?? undefined,
    },
    false,
  );
  problems.push(...checked.problems);
  const isThirdPartyExpert = flag('isThirdPartyExpert');
  const active = flag('active');
  const d = checked.data as { name: string; certificateNo: string; qualifications?: string[]; expertiseTags?: string[]; phone?: string | null };
  if (problems.length) return { problems, key: d.certificateNo ?? undefined };
  return {
    key: d.certificateNo,
    problems,
    row: {
      certificate_no: d.certificateNo,
      name: d.name,
      qualifications: d.qualifications ?? null,
      expertise_tags: d.expertiseTags ?? null,
      is_third_party_expert: isThirdPartyExpert,
      active,
      phone: d.phone ?? null,
    },
  };
}

/** Certificate numbers of the batch that belong to another department's inspectors. */
export async function foreignCertificates(tx: Tx, certificateNos: readonly string[], departmentId: string): Promise<Set<string>> {
  const rows = await tx.$queryRawUnsafe<{ certificate_no: string }[]>(
    `select certificate_no from inspector
      where certificate_no in (select value from jsonb_array_elements_text($1::jsonb)) and department_id <> $2::uuid`,
    JSON.stringify(certificateNos),
    departmentId,
  );
  return new Set(rows.map((r) => r.certificate_no));
}

export const foreignProblem = (): Problem =>
  problem('certificateNo', 'CERTIFICATE_OTHER_DEPARTMENT', '该执法证号已由其他部门登记，不能通过本部门导入修改', "this certificate number is registered by another department; an import cannot change it");

/**
 * One statement per batch: update changed inspectors of this department, insert new ones, all into the pool.
 * Rows whose certificate belongs to another department must have been removed by the caller; `on conflict do
 * nothing` and the department condition make sure a concurrent registration elsewhere is never overwritten.
 */
export async function writeInspectors(tx: Tx, rows: readonly InspectorRow[], departmentId: string, poolId: string): Promise<WriteCounts> {
  const [r] = await tx.$queryRawUnsafe<{ updated: number; inserted: number }[]>(
    `with x as materialized (
       -- rows as JSON arrays (see target.rows.ts); list cells as JSON arrays of text
       select r->>0 as certificate_no, r->>1 as name,
              case when r->2 = 'null'::jsonb then null else array(select jsonb_array_elements_text(r->2)) end as qualifications,
              case when r->3 = 'null'::jsonb then null else array(select jsonb_array_elements_text(r->3)) end as expertise_tags,
              (r->>4)::boolean as is_third_party_expert, (r->>5)::boolean as active, r->>6 as phone
         from jsonb_array_elements($1::jsonb) as e(r)
     ),
     upd as (
       update inspector i set
         name = x.name,
         qualifications = coalesce(x.qualifications, i.qualifications),
         expertise_tags = coalesce(x.expertise_tags, i.expertise_tags),
         is_third_party_expert = coalesce(x.is_third_party_expert, i.is_third_party_expert),
         active = coalesce(x.active, i.active),
         phone = coalesce(x.phone, i.phone),
         pool_id = $3::uuid,
         updated_at = now()
       from x
       where i.certificate_no = x.certificate_no and i.department_id = $2::uuid
         and (i.name, i.qualifications, i.expertise_tags, i.is_third_party_expert, i.active, i.phone, i.pool_id)
             is distinct from
             (x.name, coalesce(x.qualifications, i.qualifications), coalesce(x.expertise_tags, i.expertise_tags),
              coalesce(x.is_third_party_expert, i.is_third_party_expert), coalesce(x.active, i.active),
              coalesce(x.phone, i.phone), $3::uuid)
       returning i.id
     ),
     ins as (
       insert into inspector (name, department_id, pool_id, certificate_no, qualifications, expertise_tags,
                              is_third_party_expert, active, phone)
       select x.name, $2::uuid, $3::uuid, x.certificate_no, coalesce(x.qualifications, '{}'), coalesce(x.expertise_tags, '{}'),
              coalesce(x.is_third_party_expert, false), coalesce(x.active, true), x.phone
         from x
        where not exists (select 1 from inspector i where i.certificate_no = x.certificate_no)
       on conflict (certificate_no) do nothing
       returning id
     )
     select (select count(*) from upd)::int as updated, (select count(*) from ins)::int as inserted`,
    JSON.stringify(rows.map((r) => [r.certificate_no, r.name, r.qualifications, r.expertise_tags, r.is_third_party_expert, r.active, r.phone])),
    departmentId,
    poolId,
  );
  return { inserted: r!.inserted, updated: r!.updated, unchanged: rows.length - r!.inserted - r!.updated, addedToPool: r!.inserted };
}
