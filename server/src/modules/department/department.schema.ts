// Department (部门 / 成员单位): read API.
import { builder } from '../../builder.ts';
import { and, contains, eq, idsIn } from '../../shared/filters.ts';
import { defineListQueries } from '../../shared/pagination.ts';
import { visibleWhere } from '../access/visibility.ts';

export const Department = builder.prismaObject('Department', {
  description: '部门 / 成员单位：联席会议成员单位 / A member department of the joint meeting',
  // Select mode: a nested read loads only the columns its query asks for (docs/BENCHMARKS.md, "Peer comparison").
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    shortName: t.exposeString('shortName'),
    isOfficeHost: t.exposeBoolean('isOfficeHost'),
    liaisonName: t.exposeString('liaisonName', { nullable: true }),
    liaisonPhone: t.exposeString('liaisonPhone', { nullable: true }),
    sortOrder: t.exposeInt('sortOrder'),
    active: t.exposeBoolean('active'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    checkItems: t.relation('checkItems', { query: { orderBy: { code: 'asc' } } }),
    targetPools: t.relation('targetPools', { query: (_a, ctx) => ({ where: visibleWhere('TargetPool', ctx.actor), orderBy: { name: 'asc' } }) }),
    inspectorPools: t.relation('inspectorPools', { query: (_a, ctx) => ({ where: visibleWhere('InspectorPool', ctx.actor), orderBy: { name: 'asc' } }) }),
    inspectorCount: t.relationCount('inspectors', { where: { active: true }, description: '在册执法检查人员数 / Active inspectors' }),
    ledTaskCount: t.relationCount('ledTasks', { description: '牵头任务数 / Tasks led' }),
  }),
});

const DepartmentFilter = builder.inputType('DepartmentFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false, description: '名称、简称或代码包含 / Name, short name or code contains' }),
    isOfficeHost: t.boolean({ required: false }),
    active: t.boolean({ required: false }),
  }),
});

defineListQueries<typeof DepartmentFilter.$inferInput>({
  model: 'Department',
  authScopes: { authenticated: true },
  name: 'Department',
  label: '部门',
  plural: 'departments',
  singular: 'department',
  description: '部门',
  ref: Department,
  filter: DepartmentFilter,
  where: (f) => and(idsIn(f?.ids), contains(['name', 'shortName', 'code'], f?.q), eq('isOfficeHost', f?.isOfficeHost), eq('active', f?.active)),
  sortFields: ['sortOrder', 'code', 'name', 'createdAt'],
  defaultSort: [{ sortOrder: 'asc' }],
});
