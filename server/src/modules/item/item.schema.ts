// Check items (抽查事项) and versioned item lists (抽查事项清单): types, lists and the mutations (thin resolvers;
// the rules live in item.service.ts).
import { builder } from '../../builder.ts';
import { InspectionMethod, ItemCategory, ItemListStatus, ListKind, TargetType } from '../../shared/enums.ts';
import { and, contains, eq, idEq, idsIn } from '../../shared/filters.ts';
import { prisma } from '../../db/database.ts';
import { defineListQueries, requireId } from '../../shared/pagination.ts';
import * as items from './item.service.ts';

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

// ── mutations (rules in item.service.ts) ──

const CreateCheckItemInput = builder.inputType('CreateCheckItemInput', {
  description: '新建抽查事项 / A new check item',
  fields: (t) => ({
    code: t.string({ required: true, description: '事项编码（唯一，创建后不变）/ Unique code; never changes' }),
    name: t.string({ required: true }),
    category: t.field({ type: ItemCategory, required: true }),
    domain: t.string({ required: true, description: '抽查领域 / Domain, e.g. 食品生产' }),
    legalBasis: t.string({ required: true, description: '抽查依据 / Legal basis' }),
    departmentId: t.id({ required: true, description: '抽查主体 / Subject department' }),
    content: t.string({ required: true, description: '抽查内容 / What is checked' }),
    methods: t.field({ type: [InspectionMethod], required: true, description: '检查方式（至少一种）/ Methods, at least one' }),
    targetType: t.field({ type: TargetType, required: true }),
    ratioCapBp: t.int({ required: false, description: '一般事项必填、重点事项不填（基点）/ Required for GENERAL, forbidden for KEY' }),
  }),
});

const UpdateCheckItemInput = builder.inputType('UpdateCheckItemInput', {
  description: '修改抽查事项（只改给出的字段；编码与抽查主体不可改）/ Changes to a check item; code and department never change',
  fields: (t) => ({
    name: t.string({ required: false }),
    category: t.field({ type: ItemCategory, required: false }),
    domain: t.string({ required: false }),
    legalBasis: t.string({ required: false }),
    content: t.string({ required: false }),
    methods: t.field({ type: [InspectionMethod], required: false }),
    targetType: t.field({ type: TargetType, required: false }),
    ratioCapBp: t.int({ required: false, description: '改为重点事项时须同时传 null / Send null when switching to KEY' }),
  }),
});

builder.mutationField('createCheckItem', (t) =>
  t.prismaField({
    type: 'CheckItem',
    description: '新建抽查事项（部门管理员：本部门；办公室：所有部门）/ Create a check item (department admin: own department; office: any)',
    authScopes: { office: true, departmentAdmin: true },
    args: { input: t.arg({ type: CreateCheckItemInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const item = await items.createCheckItem(ctx, {
        ...input,
        departmentId: requireId('input.departmentId', String(input.departmentId)),
        ratioCapBp: input.ratioCapBp ?? null,
      });
      return prisma().checkItem.findUniqueOrThrow({ ...query, where: { id: item.id } });
    },
  }),
);

builder.mutationField('updateCheckItem', (t) =>
  t.prismaField({
    type: 'CheckItem',
    description: '修改抽查事项 / Update a check item',
    authScopes: { office: true, departmentAdmin: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateCheckItemInput, required: true }) },
    resolve: async (query, _r, { id, input }, ctx) => {
      const changes: items.UpdateCheckItemInput = {};
      for (const [k, v] of Object.entries(input)) if (v !== undefined && (v !== null || k === 'ratioCapBp')) (changes as Record<string, unknown>)[k] = v;
      const item = await items.updateCheckItem(ctx, requireId('id', String(id)), changes);
      return prisma().checkItem.findUniqueOrThrow({ ...query, where: { id: item.id } });
    },
  }),
);

builder.mutationField('setCheckItemActive', (t) =>
  t.prismaField({
    type: 'CheckItem',
    description: '启用 / 停用抽查事项 / Activate or deactivate a check item',
    authScopes: { office: true, departmentAdmin: true },
    args: { id: t.arg.id({ required: true }), active: t.arg.boolean({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const item = await items.setCheckItemActive(ctx, requireId('id', String(args.id)), args.active);
      return prisma().checkItem.findUniqueOrThrow({ ...query, where: { id: item.id } });
    },
  }),
);

const CreateItemListInput = builder.inputType('CreateItemListInput', {
  description: '新建抽查事项清单草稿 / A new item list draft',
  fields: (t) => ({
    name: t.string({ required: true, description: '如 “2022 第一版”' }),
    year: t.int({ required: true }),
    kind: t.field({ type: ListKind, required: true }),
    departmentId: t.id({ required: false, description: '部门清单必填，联合清单不填 / Departmental lists only' }),
    itemIds: t.idList({ required: false, description: '事项（按序）/ Items, in order' }),
  }),
});

const ids = (field: string, list: readonly (string | number)[] | null | undefined) => (list ?? []).map((id, i) => requireId(`${field}[${i}]`, String(id)));

builder.mutationField('createItemList', (t) =>
  t.prismaField({
    type: 'ItemList',
    description: '新建清单草稿（部门清单：本部门管理员或办公室；联合清单：办公室）；版本号自动递增 / Create a draft list; its version is the next of its department, kind and year',
    authScopes: { office: true, departmentAdmin: true },
    args: { input: t.arg({ type: CreateItemListInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const list = await items.createItemList(ctx, {
        ...input,
        departmentId: input.departmentId ? requireId('input.departmentId', String(input.departmentId)) : null,
        itemIds: ids('input.itemIds', input.itemIds),
      });
      return prisma().itemList.findUniqueOrThrow({ ...query, where: { id: list.id } });
    },
  }),
);

builder.mutationField('setItemListItems', (t) =>
  t.prismaField({
    type: 'ItemList',
    description: '替换草稿清单的事项（已发布清单不可修改）/ Replace the items of a DRAFT list; published lists are immutable',
    authScopes: { office: true, departmentAdmin: true },
    args: { id: t.arg.id({ required: true }), itemIds: t.arg.idList({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const list = await items.setItemListItems(ctx, requireId('id', String(args.id)), ids('itemIds', args.itemIds));
      return prisma().itemList.findUniqueOrThrow({ ...query, where: { id: list.id } });
    },
  }),
);

builder.mutationField('publishItemList', (t) =>
  t.prismaField({
    type: 'ItemList',
    description: '发布清单：同部门、同类型、同年度的已发布清单变为“已被取代” / Publish a draft; the previously published list of its group becomes SUPERSEDED',
    authScopes: { office: true, departmentAdmin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const list = await items.publishItemList(ctx, requireId('id', String(args.id)));
      return prisma().itemList.findUniqueOrThrow({ ...query, where: { id: list.id } });
    },
  }),
);

builder.mutationField('newItemListVersion', (t) =>
  t.prismaField({
    type: 'ItemList',
    description: '以已发布清单为底稿新建下一版本草稿 / Copy a published list into a new draft, version + 1',
    authScopes: { office: true, departmentAdmin: true },
    args: { id: t.arg.id({ required: true }), name: t.arg.string({ required: false, description: '新版本名称（默认沿用）' }) },
    resolve: async (query, _r, args, ctx) => {
      const list = await items.newItemListVersion(ctx, requireId('id', String(args.id)), args.name);
      return prisma().itemList.findUniqueOrThrow({ ...query, where: { id: list.id } });
    },
  }),
);

builder.mutationField('compileJointItemList', (t) =>
  t.prismaField({
    type: 'ItemList',
    description: '办公室汇编联合抽查事项清单草稿：汇总该年度各部门已发布清单的事项 / The office compiles the joint list draft from every department\'s published list of the year',
    authScopes: { office: true },
    args: { year: t.arg.int({ required: true }), name: t.arg.string({ required: false }) },
    resolve: async (query, _r, args, ctx) => {
      const list = await items.compileJointItemList(ctx, args.year, args.name);
      return prisma().itemList.findUniqueOrThrow({ ...query, where: { id: list.id } });
    },
  }),
);
