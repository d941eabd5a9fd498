// Check items (抽查事项) and versioned item lists (抽查事项清单): the rules, in the order
// authorise → validate → persist → audit, each change one transaction (shared/mutation.ts).
//
// Item lists are versioned per (kind, department, year) — a "group":
//   DRAFT → PUBLISHED → SUPERSEDED (when the next version of the group is published)
// A group holds at most one DRAFT at a time, so version numbers stay a line (1, 2, 3 …); creating a draft and
// publishing are serialised per group by an advisory lock. Published and superseded lists never change: the
// entries of "2022 第一版" stay what was published, and a change is a new version (newItemListVersion).
import type { InspectionMethod, ItemCategory, ItemListStatus, ListKind, TargetType } from '../../generated/prisma/enums.ts';
import { prisma } from '../../db/database.ts';
import { AppError, InputError, NotFoundError } from '../../shared/errors.ts';
import { mutate, type Tx } from '../../shared/mutation.ts';
import type { Context } from '../../context.ts';

// ── shared guards (plan.service.ts uses them too) ──

/**
 * A department admin acts only for its own department; the office acts for all. Anything else (inspectors,
 * analysts, partners never reach here: their auth scopes refuse first) is refused too.
 */
export function assertActsFor(ctx: Pick<Context, 'actor'>, departmentId: string | null, field: string): void {
  const a = ctx.actor;
  if (a.kind === 'user' && a.role === 'OFFICE_ADMIN') return;
  if (a.kind === 'user' && a.role === 'DEPARTMENT_ADMIN' && a.departmentId && departmentId === a.departmentId) return;
  throw new AppError(
    'FORBIDDEN',
    { zh: '部门管理员只能处理本部门的数据', en: "a department admin acts only for its own department's rows" },
    { field, reason: 'OTHER_DEPARTMENT' },
  );
}

export function assertOffice(ctx: Pick<Context, 'actor'>, field: string, what: Bilingual): void {
  if (ctx.actor.kind === 'user' && ctx.actor.role === 'OFFICE_ADMIN') return;
  throw new AppError('FORBIDDEN', { zh: `只有联席会议办公室可以${what.zh}`, en: `only the joint-meeting office may ${what.en}` }, { field, reason: 'OFFICE_ONLY' });
}

interface Bilingual {
  zh: string;
  en: string;
}

export function requireText(field: string, value: string | null | undefined, max = 2000): string {
  const text = value?.trim() ?? '';
  if (!text) throw new InputError(field, 'REQUIRED', { zh: '不能为空', en: 'is required' });
  if (text.length > max) throw new InputError(field, 'TOO_LONG', { zh: `不能超过 ${max} 个字符`, en: `at most ${max} characters` });
  return text;
}

export function requireBasisPoints(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 10_000)
    throw new InputError(field, 'RATIO_RANGE', { zh: '比例应为 0–10000 基点（0%–100%）', en: 'a ratio is 0–10000 basis points (0 %–100 %)' });
  return value;
}

export function requireYear(field: string, year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new InputError(field, 'YEAR', { zh: '年度应在 2000–2100 之间', en: 'a year between 2000 and 2100' });
  return year;
}

/** Workflow steps refused because the row is no longer a draft (published rows are immutable). */
export function notDraft(entity: 'ItemList' | 'Plan', current: string, requested: string): AppError {
  const zh = entity === 'ItemList' ? '清单' : '计划';
  return new AppError(
    'INVALID_TRANSITION',
    { zh: `${zh}状态为 ${current}，不能${requested === 'edit' ? '修改' : `执行 ${requested}`}（已发布的${zh}不可变更）`, en: `a ${entity} in state ${current} cannot ${requested === 'edit' ? 'be edited' : `go through ${requested}`}; published rows are immutable` },
    { entity, current, requested, reason: 'NOT_DRAFT' },
  );
}

async function departmentExists(tx: Tx | ReturnType<typeof prisma>, id: string, field: string) {
  const d = await tx.department.findUnique({ where: { id } });
  if (!d) throw new AppError('NOT_FOUND', { zh: '未找到部门', en: 'no such department' }, { field, entity: 'Department', id });
  return d;
}

// ── check items ──

const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,49}$/;

export interface CheckItemFields {
  name: string;
  category: ItemCategory;
  domain: string;
  legalBasis: string;
  content: string;
  methods: InspectionMethod[];
  targetType: TargetType;
  ratioCapBp: number | null;
}

export interface CreateCheckItemInput extends CheckItemFields {
  code: string;
  departmentId: string;
}

export type UpdateCheckItemInput = Partial<Omit<CheckItemFields, 'ratioCapBp'>> & { ratioCapBp?: number | null };

/** Validates the fields every item must satisfy; returns them normalised. */
function validateItemFields(f: CheckItemFields, prefix: string): CheckItemFields {
  const methods = [...new Set(f.methods)];
  if (!methods.length) throw new InputError(`${prefix}.methods`, 'REQUIRED', { zh: '至少选择一种检查方式', en: 'choose at least one method' });
  if (f.category === 'GENERAL') {
    if (f.ratioCapBp === null || f.ratioCapBp === undefined)
      throw new InputError(`${prefix}.ratioCapBp`, 'RATIO_CAP_REQUIRED', { zh: '一般检查事项须设定抽查比例上限', en: 'a GENERAL item needs a ratio cap' });
    requireBasisPoints(`${prefix}.ratioCapBp`, f.ratioCapBp);
  } else if (f.ratioCapBp !== null && f.ratioCapBp !== undefined) {
    throw new InputError(`${prefix}.ratioCapBp`, 'RATIO_CAP_FORBIDDEN', { zh: '重点检查事项不设抽查比例上限', en: 'a KEY item has no ratio cap (send null)' });
  }
  return {
    name: requireText(`${prefix}.name`, f.name, 200),
    category: f.category,
    domain: requireText(`${prefix}.domain`, f.domain, 100),
    legalBasis: requireText(`${prefix}.legalBasis`, f.legalBasis),
    content: requireText(`${prefix}.content`, f.content),
    methods,
    targetType: f.targetType,
    ratioCapBp: f.category === 'GENERAL' ? f.ratioCapBp : null,
  };
}

export async function createCheckItem(ctx: Context, input: CreateCheckItemInput) {
  assertActsFor(ctx, input.departmentId, 'input.departmentId');
  const code = input.code.trim();
  if (!CODE_RE.test(code))
    throw new InputError('input.code', 'CODE_FORMAT', { zh: '编码为 2–50 位字母、数字或 . _ -', en: 'a code has 2–50 letters, digits, . _ -' });
  const fields = validateItemFields(input, 'input');
  await departmentExists(prisma(), input.departmentId, 'input.departmentId');
  if (await prisma().checkItem.findUnique({ where: { code }, select: { id: true } }))
    throw new AppError('CONFLICT', { zh: `事项编码 ${code} 已存在`, en: `item code ${code} is taken` }, { field: 'input.code', reason: 'DUPLICATE_CODE' });
  try {
    return await mutate(ctx, async (tx, audit) => {
      const item = await tx.checkItem.create({ data: { code, departmentId: input.departmentId, ...fields } });
      audit.record({ operation: 'createCheckItem', entity: 'CheckItem', entityId: item.id, after: item });
      return item;
    });
  } catch (e) {
    // Two creators raced for the same code: the unique index settles it.
    if ((e as { code?: string }).code === 'P2002')
      throw new AppError('CONFLICT', { zh: `事项编码 ${code} 已存在`, en: `item code ${code} is taken` }, { field: 'input.code', reason: 'DUPLICATE_CODE' });
    throw e;
  }
}

async function lockItem(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from check_item where id = ${id}::uuid for update`;
  if (!rows[0]) throw new NotFoundError('抽查事项', id);
  return tx.checkItem.findUniqueOrThrow({ where: { id } });
}

export async function updateCheckItem(ctx: Context, id: string, input: UpdateCheckItemInput) {
  const current = await prisma().checkItem.findUnique({ where: { id } });
  if (!current) throw new NotFoundError('抽查事项', id);
  assertActsFor(ctx, current.departmentId, 'id');
  return mutate(ctx, async (tx, audit) => {
    const before = await lockItem(tx, id);
    const merged: CheckItemFields = {
      name: input.name ?? before.name,
      category: input.category ?? before.category,
      domain: input.domain ?? before.domain,
      legalBasis: input.legalBasis ?? before.legalBasis,
      content: input.content ?? before.content,
      methods: input.methods ?? before.methods,
      targetType: input.targetType ?? before.targetType,
      ratioCapBp: input.ratioCapBp !== undefined ? input.ratioCapBp : before.ratioCapBp,
    };
    const fields = validateItemFields(merged, 'input');
    const item = await tx.checkItem.update({ where: { id }, data: fields });
    audit.record({ operation: 'updateCheckItem', entity: 'CheckItem', entityId: id, before, after: item });
    return item;
  });
}

export async function setCheckItemActive(ctx: Context, id: string, active: boolean) {
  const current = await prisma().checkItem.findUnique({ where: { id } });
  if (!current) throw new NotFoundError('抽查事项', id);
  assertActsFor(ctx, current.departmentId, 'id');
  return mutate(ctx, async (tx, audit) => {
    const before = await lockItem(tx, id);
    const item = await tx.checkItem.update({ where: { id }, data: { active } });
    audit.record({ operation: active ? 'activateCheckItem' : 'deactivateCheckItem', entity: 'CheckItem', entityId: id, before: { active: before.active }, after: { active } });
    return item;
  });
}

// ── item lists ──

/** Advisory lock namespace for item-list groups (two-key form; see calendar.service.ts for another namespace). */
const ITEM_LIST_LOCK = 727_073_010;

async function lockGroup(tx: Tx, kind: ListKind, departmentId: string | null, year: number) {
  const key = `${kind}:${departmentId ?? '-'}:${year}`;
  await tx.$executeRaw`select pg_advisory_xact_lock(${ITEM_LIST_LOCK}::int, hashtext(${key}))`;
}

const groupWhere = (kind: ListKind, departmentId: string | null, year: number) => ({ kind, departmentId, year });

async function nextVersion(tx: Tx, kind: ListKind, departmentId: string | null, year: number): Promise<number> {
  const agg = await tx.itemList.aggregate({ where: groupWhere(kind, departmentId, year), _max: { version: true } });
  return (agg._max.version ?? 0) + 1;
}

async function refuseSecondDraft(tx: Tx, kind: ListKind, departmentId: string | null, year: number) {
  const draft = await tx.itemList.findFirst({ where: { ...groupWhere(kind, departmentId, year), status: 'DRAFT' }, select: { id: true, version: true } });
  if (draft)
    throw new AppError(
      'CONFLICT',
      { zh: `该清单已有草稿（第 ${draft.version} 版），请先发布或继续编辑该草稿`, en: `this list already has a draft (version ${draft.version}); publish or edit that one` },
      { reason: 'DRAFT_EXISTS', draftId: draft.id },
    );
}

function listAuthorise(ctx: Context, list: { kind: ListKind; departmentId: string | null }, field: string) {
  if (list.kind === 'JOINT') assertOffice(ctx, field, { zh: '编制联合抽查事项清单', en: 'edit the joint item list' });
  else assertActsFor(ctx, list.departmentId, field);
}

/**
 * Checks the items for a list: they exist, are active, appear once, and (departmental list) belong to the list's
 * department. Field names point at the offending position, e.g. `itemIds[2]`.
 */
async function validateEntries(tx: Tx | ReturnType<typeof prisma>, list: { kind: ListKind; departmentId: string | null }, itemIds: string[], field: string) {
  const seen = new Set<string>();
  itemIds.forEach((id, i) => {
    if (seen.has(id)) throw new InputError(`${field}[${i}]`, 'DUPLICATE', { zh: '事项重复', en: 'this item is listed twice' });
    seen.add(id);
  });
  const items = await tx.checkItem.findMany({ where: { id: { in: itemIds } }, select: { id: true, departmentId: true, active: true } });
  const byId = new Map(items.map((i) => [i.id, i]));
  itemIds.forEach((id, i) => {
    const item = byId.get(id);
    if (!item) throw new InputError(`${field}[${i}]`, 'NOT_FOUND', { zh: '未找到该抽查事项', en: 'no such check item' });
    if (!item.active) throw new InputError(`${field}[${i}]`, 'ITEM_INACTIVE', { zh: '该事项已停用', en: 'this item is inactive' });
    if (list.kind === 'DEPARTMENT' && item.departmentId !== list.departmentId)
      throw new InputError(`${field}[${i}]`, 'ITEM_OTHER_DEPARTMENT', { zh: '部门清单只能包含本部门的事项', en: "a departmental list holds only its own department's items" });
  });
}

export interface CreateItemListInput {
  name: string;
  year: number;
  kind: ListKind;
  departmentId?: string | null;
  itemIds?: string[] | null;
}

export async function createItemList(ctx: Context, input: CreateItemListInput) {
  const departmentId = input.kind === 'DEPARTMENT' ? (input.departmentId ?? null) : null;
  if (input.kind === 'DEPARTMENT' && !departmentId)
    throw new InputError('input.departmentId', 'REQUIRED', { zh: '部门清单须指定部门', en: 'a departmental list names its department' });
  if (input.kind === 'JOINT' && input.departmentId)
    throw new InputError('input.departmentId', 'JOINT_HAS_NO_DEPARTMENT', { zh: '联合清单不属于单个部门', en: 'a joint list belongs to no single department' });
  listAuthorise(ctx, { kind: input.kind, departmentId }, input.kind === 'JOINT' ? 'input.kind' : 'input.departmentId');
  const name = requireText('input.name', input.name, 200);
  const year = requireYear('input.year', input.year);
  if (departmentId) await departmentExists(prisma(), departmentId, 'input.departmentId');
  const itemIds = input.itemIds ?? [];
  await validateEntries(prisma(), { kind: input.kind, departmentId }, itemIds, 'input.itemIds');
  return mutate(ctx, async (tx, audit) => {
    await lockGroup(tx, input.kind, departmentId, year);
    await refuseSecondDraft(tx, input.kind, departmentId, year);
    const version = await nextVersion(tx, input.kind, departmentId, year);
    const list = await tx.itemList.create({ data: { name, year, version, kind: input.kind, departmentId, status: 'DRAFT' } });
    if (itemIds.length) await tx.itemListEntry.createMany({ data: itemIds.map((checkItemId, position) => ({ itemListId: list.id, checkItemId, position })) });
    audit.record({ operation: 'createItemList', entity: 'ItemList', entityId: list.id, after: { ...list, itemIds } });
    return list;
  });
}

/** Locks a list row and returns it; refuses unless it is still a draft. */
async function lockDraftList(tx: Tx, id: string, requested: string) {
  const rows = await tx.$queryRaw<{ status: ItemListStatus }[]>`select status from item_list where id = ${id}::uuid for update`;
  if (!rows[0]) throw new NotFoundError('抽查事项清单', id);
  if (rows[0].status !== 'DRAFT') throw notDraft('ItemList', rows[0].status, requested);
  return tx.itemList.findUniqueOrThrow({ where: { id }, include: { entries: { orderBy: { position: 'asc' } } } });
}

async function readList(id: string) {
  const list = await prisma().itemList.findUnique({ where: { id } });
  if (!list) throw new NotFoundError('抽查事项清单', id);
  return list;
}

export async function setItemListItems(ctx: Context, id: string, itemIds: string[]) {
  const list = await readList(id);
  listAuthorise(ctx, list, 'id');
  if (list.status !== 'DRAFT') throw notDraft('ItemList', list.status, 'edit');
  await validateEntries(prisma(), list, itemIds, 'itemIds');
  return mutate(ctx, async (tx, audit) => {
    const before = await lockDraftList(tx, id, 'edit');
    await tx.itemListEntry.deleteMany({ where: { itemListId: id } });
    if (itemIds.length) await tx.itemListEntry.createMany({ data: itemIds.map((checkItemId, position) => ({ itemListId: id, checkItemId, position })) });
    const updated = await tx.itemList.update({ where: { id }, data: { updatedAt: new Date() } });
    audit.record({
      operation: 'setItemListItems',
      entity: 'ItemList',
      entityId: id,
      before: { itemIds: before.entries.map((e) => e.checkItemId) },
      after: { itemIds },
    });
    return updated;
  });
}

export async function publishItemList(ctx: Context, id: string) {
  const list = await readList(id);
  listAuthorise(ctx, list, 'id');
  if (list.status !== 'DRAFT') throw notDraft('ItemList', list.status, 'publishItemList');
  return mutate(ctx, async (tx, audit) => {
    await lockGroup(tx, list.kind, list.departmentId, list.year);
    const draft = await lockDraftList(tx, id, 'publishItemList');
    if (!draft.entries.length) throw new InputError('id', 'LIST_EMPTY', { zh: '清单中没有事项，不能发布', en: 'an empty list cannot be published' });
    const inactive = await tx.checkItem.findFirst({ where: { id: { in: draft.entries.map((e) => e.checkItemId) }, active: false }, select: { code: true } });
    if (inactive) throw new InputError('id', 'ITEM_INACTIVE', { zh: `事项 ${inactive.code} 已停用，请先移出清单`, en: `item ${inactive.code} is inactive; remove it first` });
    const previous = await tx.itemList.findFirst({ where: { ...groupWhere(list.kind, list.departmentId, list.year), status: 'PUBLISHED' } });
    const now = new Date();
    if (previous) {
      await tx.itemList.update({ where: { id: previous.id }, data: { status: 'SUPERSEDED' } });
      audit.record({ operation: 'supersedeItemList', entity: 'ItemList', entityId: previous.id, before: { status: 'PUBLISHED' }, after: { status: 'SUPERSEDED', supersededBy: id } });
    }
    const published = await tx.itemList.update({ where: { id }, data: { status: 'PUBLISHED', publishedAt: now, supersedesId: previous?.id ?? null } });
    audit.record({
      operation: 'publishItemList',
      entity: 'ItemList',
      entityId: id,
      before: { status: 'DRAFT' },
      after: { status: 'PUBLISHED', version: published.version, supersedes: previous?.id ?? null, itemIds: draft.entries.map((e) => e.checkItemId) },
    });
    return published;
  });
}

export async function newItemListVersion(ctx: Context, id: string, name?: string | null) {
  const source = await readList(id);
  listAuthorise(ctx, source, 'id');
  if (source.status !== 'PUBLISHED')
    throw new AppError(
      'INVALID_TRANSITION',
      { zh: `只能从已发布的清单新建版本（该清单状态为 ${source.status}）`, en: `a new version is made from the PUBLISHED list; this one is ${source.status}` },
      { entity: 'ItemList', current: source.status, requested: 'newItemListVersion', reason: 'NOT_PUBLISHED' },
    );
  const newName = name == null ? source.name : requireText('name', name, 200);
  return mutate(ctx, async (tx, audit) => {
    await lockGroup(tx, source.kind, source.departmentId, source.year);
    await refuseSecondDraft(tx, source.kind, source.departmentId, source.year);
    const version = await nextVersion(tx, source.kind, source.departmentId, source.year);
    const draft = await tx.itemList.create({
      data: { name: newName, year: source.year, version, kind: source.kind, departmentId: source.departmentId, status: 'DRAFT' },
    });
    const copied = await tx.$executeRaw`
      insert into item_list_entry (item_list_id, check_item_id, position)
      select ${draft.id}::uuid, e.check_item_id, e.position from item_list_entry e where e.item_list_id = ${id}::uuid`;
    audit.record({ operation: 'newItemListVersion', entity: 'ItemList', entityId: draft.id, after: { ...draft, copiedFrom: id, entries: copied } });
    return draft;
  });
}

/**
 * The office compiles the joint item list of a year from every department's currently PUBLISHED departmental
 * list of that year (seed 001: 联席会议办公室会同同级相关部门制定本级联合随机抽查事项清单). The result is a JOINT
 * draft (an existing joint draft of the year is refilled), ordered by department then position; items that
 * were deactivated since their list was published are left out.
 */
export async function compileJointItemList(ctx: Context, year: number, name?: string | null) {
  assertOffice(ctx, 'year', { zh: '汇编联合抽查事项清单', en: 'compile the joint item list' });
  requireYear('year', year);
  const listName = name == null ? `${year}年度部门联合随机抽查事项清单` : requireText('name', name, 200);
  return mutate(ctx, async (tx, audit) => {
    await lockGroup(tx, 'JOINT', null, year);
    const sources = await tx.itemList.findMany({ where: { kind: 'DEPARTMENT', year, status: 'PUBLISHED' }, select: { id: true, departmentId: true, version: true } });
    if (!sources.length)
      throw new InputError('year', 'NO_PUBLISHED_LISTS', { zh: `${year} 年没有已发布的部门抽查事项清单`, en: `no departmental item list of ${year} is published` });
    let list = await tx.itemList.findFirst({ where: { ...groupWhere('JOINT', null, year), status: 'DRAFT' } });
    const refilled = !!list;
    if (list) {
      await tx.itemListEntry.deleteMany({ where: { itemListId: list.id } });
      list = await tx.itemList.update({ where: { id: list.id }, data: { name: listName } });
    } else {
      const version = await nextVersion(tx, 'JOINT', null, year);
      list = await tx.itemList.create({ data: { name: listName, year, version, kind: 'JOINT', departmentId: null, status: 'DRAFT' } });
    }
    const entries = await tx.$executeRaw`
      insert into item_list_entry (item_list_id, check_item_id, position)
      select ${list.id}::uuid, x.check_item_id, (row_number() over (order by x.sort_order, x.code, x.position, x.check_item_id) - 1)::int
        from (select distinct on (e.check_item_id) e.check_item_id, d.sort_order, d.code, e.position
                from item_list l
                join item_list_entry e on e.item_list_id = l.id
                join check_item ci on ci.id = e.check_item_id and ci.active
                join department d on d.id = l.department_id
               where l.kind = 'DEPARTMENT' and l.status = 'PUBLISHED' and l.year = ${year}
               order by e.check_item_id, d.sort_order) x`;
    audit.record({
      operation: 'compileJointItemList',
      entity: 'ItemList',
      entityId: list.id,
      after: { ...list, refilled, entries, sources: sources.map((s) => ({ id: s.id, departmentId: s.departmentId, version: s.version })) },
    });
    return list;
  });
}
