// Check items (抽查事项) and versioned item lists (抽查事项清单): read API.
import { builder } from '../../builder.ts';
import { InspectionMethod, ItemCategory, ItemListStatus, ListKind, TargetType } from '../../shared/enums.ts';
import { and, contains, eq, idEq, idsIn } from '../../shared/filters.ts';
import { defineListQueries } from '../../shared/pagination.ts';

export const CheckItem = builder.prismaObject('CheckItem', {
  description: '抽查事项 / A check item: what may be checked, on what legal basis, by whom and how',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    category: t.expose('category', { type: ItemCategory }),
    domain: t.exposeString('domain'),
    legalBasis: t.exposeString('legalBasis'),
    content: t.exposeString('content'),
    methods: t.expose('methods', { type: [InspectionMethod] }),
    targetType: t.expose('targetType', { type: TargetType }),
    ratioCapBp: t.exposeInt('ratioCapBp', { nullable: true, description: '一般事项抽查比例上限（基点，1% = 100）/ Ratio cap for GENERAL items, basis points' }),
    active: t.exposeBoolean('active'),
    department: t.relation('department', { description: '抽查主体 / Subject department' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const CheckItemFilter = builder.inputType('CheckItemFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false, description: '名称、编码或领域包含' }),
    departmentId: t.id({ required: false }),
    category: t.field({ type: ItemCategory, required: false }),
    domain: t.string({ required: false }),
    active: t.boolean({ required: false }),
  }),
});

defineListQueries<typeof CheckItemFilter.$inferInput>({
  model: 'CheckItem',
  authScopes: { authenticated: true },
  name: 'CheckItem',
  label: '抽查事项',
  plural: 'checkItems',
  singular: 'checkItem',
  description: '抽查事项',
  ref: CheckItem,
  filter: CheckItemFilter,
  where: (f) =>
    and(idsIn(f?.ids), contains(['name', 'code', 'domain'], f?.q), idEq('departmentId', f?.departmentId), eq('category', f?.category), eq('domain', f?.domain), eq('active', f?.active)),
  sortFields: ['code', 'name', 'domain', 'category', 'createdAt'],
  defaultSort: [{ code: 'asc' }],
});

export const ItemList = builder.prismaObject('ItemList', {
  description: '抽查事项清单（按版本发布）/ A versioned list of check items, departmental or joint',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    year: t.exposeInt('year'),
    version: t.exposeInt('version'),
    kind: t.expose('kind', { type: ListKind }),
    status: t.expose('status', { type: ItemListStatus }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    department: t.relation('department', { nullable: true }),
    supersedes: t.relation('supersedes', { nullable: true, description: '上一版本 / Previous version' }),
    supersededBy: t.relation('supersededBy', { nullable: true, description: '新版本 / Next version' }),
    items: t.field({
      type: [CheckItem],
      description: '清单中的事项（按序）/ The items, in list order',
      select: (_args, _ctx, nested) => ({ entries: { orderBy: { position: 'asc' }, include: { checkItem: nested(true) } } }),
      resolve: (list) => list.entries.map((e) => e.checkItem),
    }),
    itemCount: t.relationCount('entries'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const ItemListFilter = builder.inputType('ItemListFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false }),
    departmentId: t.id({ required: false }),
    year: t.int({ required: false }),
    kind: t.field({ type: ListKind, required: false }),
    status: t.field({ type: ItemListStatus, required: false }),
  }),
});

defineListQueries<typeof ItemListFilter.$inferInput>({
  model: 'ItemList',
  authScopes: { authenticated: true },
  name: 'ItemList',
  label: '抽查事项清单',
  plural: 'itemLists',
  singular: 'itemList',
  description: '抽查事项清单',
  ref: ItemList,
  filter: ItemListFilter,
  where: (f) => and(idsIn(f?.ids), contains(['name'], f?.q), idEq('departmentId', f?.departmentId), eq('year', f?.year), eq('kind', f?.kind), eq('status', f?.status)),
  sortFields: ['year', 'version', 'name', 'createdAt'],
  defaultSort: [{ year: 'desc' }, { version: 'desc' }],
});
