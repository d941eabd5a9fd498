// Check items and versioned item lists through GraphQL: who may change what, the KEY/GENERAL cap rule, drafts,
// publication and supersession (the old version stays readable as published), and the office's joint list.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { planningScenario } from '../fixtures/planning.ts';

useTestDatabase();
let s: Awaited<ReturnType<typeof planningScenario>>;
beforeAll(async () => {
  s = await planningScenario();
});

const err = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

const CREATE_ITEM = `mutation($input: CreateCheckItemInput!) {
  createCheckItem(input: $input) { id code category ratioCapBp methods active department { code } }
}`;
const itemInput = (over: Record<string, unknown> = {}) => ({
  code: 'SCJG-NEW-01',
  name: '食品生产企业日常监督检查',
  category: 'GENERAL',
  domain: '食品生产',
  legalBasis: '《食品生产经营监督检查管理办法》第十条',
  departmentId: s.departments.scjg.id,
  content: '生产环境、进货查验、生产过程控制',
  methods: ['ON_SITE', 'DOCUMENT', 'ON_SITE'],
  targetType: 'ENTERPRISE',
  ratioCapBp: 500,
  ...over,
});

describe('check items', () => {
  it('a department admin creates an item of its own department; methods are de-duplicated', async () => {
    const r = await gqlOk(CREATE_ITEM, { input: itemInput() }, s.actors.scjgAdmin.headers);
    expect(r.createCheckItem).toMatchObject({ code: 'SCJG-NEW-01', category: 'GENERAL', ratioCapBp: 500, methods: ['ON_SITE', 'DOCUMENT'], active: true, department: { code: 'SCJG' } });
    const audit = await prisma().auditEvent.findFirst({ where: { entity: 'CheckItem', entityId: r.createCheckItem.id, operation: 'createCheckItem' } });
    expect(audit).not.toBeNull();
  });

  it("a department admin cannot create an item for another department; the office can", async () => {
    const r = await gql(CREATE_ITEM, { input: itemInput({ code: 'YJGL-NEW-01', departmentId: s.departments.yjgl.id }) }, s.actors.scjgAdmin.headers);
    expect(err(r)).toMatchObject({ code: 'FORBIDDEN', field: 'input.departmentId', reason: 'OTHER_DEPARTMENT' });
    expect(await prisma().checkItem.count({ where: { code: 'YJGL-NEW-01' } })).toBe(0);
    const ok = await gqlOk(CREATE_ITEM, { input: itemInput({ code: 'YJGL-NEW-01', departmentId: s.departments.yjgl.id }) }, s.actors.office.headers);
    expect(ok.createCheckItem.department.code).toBe('YJGL');
  });

  it('a GENERAL item needs a cap; a KEY item may not have one', async () => {
    const general = await gql(CREATE_ITEM, { input: itemInput({ code: 'SCJG-NEW-02', ratioCapBp: null }) }, s.actors.scjgAdmin.headers);
    expect(err(general)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ratioCapBp', reason: 'RATIO_CAP_REQUIRED' });
    const key = await gql(CREATE_ITEM, { input: itemInput({ code: 'SCJG-NEW-02', category: 'KEY', ratioCapBp: 300 }) }, s.actors.scjgAdmin.headers);
    expect(err(key)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ratioCapBp', reason: 'RATIO_CAP_FORBIDDEN' });
    const range = await gql(CREATE_ITEM, { input: itemInput({ code: 'SCJG-NEW-02', ratioCapBp: 10_001 }) }, s.actors.scjgAdmin.headers);
    expect(err(range)).toMatchObject({ field: 'input.ratioCapBp', reason: 'RATIO_RANGE' });
    const keyOk = await gqlOk(CREATE_ITEM, { input: itemInput({ code: 'SCJG-NEW-02', category: 'KEY', ratioCapBp: null }) }, s.actors.scjgAdmin.headers);
    expect(keyOk.createCheckItem).toMatchObject({ category: 'KEY', ratioCapBp: null });
  });

  it('refuses no methods, blank required text, a bad code and a duplicate code', async () => {
    expect(err(await gql(CREATE_ITEM, { input: itemInput({ code: 'SCJG-NEW-03', methods: [] }) }, s.actors.scjgAdmin.headers))).toMatchObject({ field: 'input.methods', reason: 'REQUIRED' });
    expect(err(await gql(CREATE_ITEM, { input: itemInput({ code: 'SCJG-NEW-03', legalBasis: '  ' }) }, s.actors.scjgAdmin.headers))).toMatchObject({ field: 'input.legalBasis', reason: 'REQUIRED' });
    expect(err(await gql(CREATE_ITEM, { input: itemInput({ code: 'a b' }) }, s.actors.scjgAdmin.headers))).toMatchObject({ field: 'input.code', reason: 'CODE_FORMAT' });
    expect(err(await gql(CREATE_ITEM, { input: itemInput({ code: 'SCJG-G1' }) }, s.actors.scjgAdmin.headers))).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
  });

  it('inspectors and analysts cannot create items', async () => {
    for (const a of [s.actors.inspector, s.actors.analyst]) {
      expect(err(await gql(CREATE_ITEM, { input: itemInput({ code: 'SCJG-NEW-04' }) }, a.headers))).toMatchObject({ code: 'FORBIDDEN', reason: 'SCOPE' });
    }
  });

  const UPDATE = `mutation($id: ID!, $input: UpdateCheckItemInput!) { updateCheckItem(id: $id, input: $input) { code name category ratioCapBp } }`;

  it('updates keep the category rule: switching to KEY needs the cap cleared in the same change', async () => {
    const id = s.items.scjgGen2.id;
    const r = await gql(UPDATE, { id, input: { category: 'KEY' } }, s.actors.scjgAdmin.headers);
    expect(err(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ratioCapBp', reason: 'RATIO_CAP_FORBIDDEN' });
    const ok = await gqlOk(UPDATE, { id, input: { category: 'KEY', ratioCapBp: null, name: '改为重点事项' } }, s.actors.scjgAdmin.headers);
    expect(ok.updateCheckItem).toEqual({ code: 'SCJG-G2', name: '改为重点事项', category: 'KEY', ratioCapBp: null });
    const back = await gql(UPDATE, { id, input: { category: 'GENERAL' } }, s.actors.scjgAdmin.headers);
    expect(err(back)).toMatchObject({ field: 'input.ratioCapBp', reason: 'RATIO_CAP_REQUIRED' });
    const audit = await prisma().auditEvent.findFirst({ where: { entity: 'CheckItem', entityId: id, operation: 'updateCheckItem' } });
    expect((audit?.before as any).category).toBe('GENERAL');
    expect((audit?.after as any).category).toBe('KEY');
  });

  it("a department admin cannot edit or deactivate another department's item", async () => {
    const r = await gql(UPDATE, { id: s.items.yjglGen.id, input: { name: 'x' } }, s.actors.scjgAdmin.headers);
    expect(err(r)).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' });
    const a = await gql(`mutation($id: ID!) { setCheckItemActive(id: $id, active: false) { active } }`, { id: s.items.yjglGen.id }, s.actors.scjgAdmin.headers);
    expect(err(a)).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' });
    const missing = await gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { name: 'x' } }, s.actors.office.headers);
    expect(err(missing).code).toBe('NOT_FOUND');
  });

  it('deactivates and reactivates an item', async () => {
    const q = `mutation($id: ID!, $a: Boolean!) { setCheckItemActive(id: $id, active: $a) { active } }`;
    const off = await gqlOk(q, { id: s.items.yjglKey.id, a: false }, s.actors.yjglAdmin.headers);
    expect(off.setCheckItemActive.active).toBe(false);
    const on = await gqlOk(q, { id: s.items.yjglKey.id, a: true }, s.actors.office.headers);
    expect(on.setCheckItemActive.active).toBe(true);
  });
});

const CREATE_LIST = `mutation($input: CreateItemListInput!) {
  createItemList(input: $input) { id name year version kind status department { code } items { code } }
}`;
const SET_ITEMS = `mutation($id: ID!, $itemIds: [ID!]!) { setItemListItems(id: $id, itemIds: $itemIds) { id status items { code } } }`;
const PUBLISH = `mutation($id: ID!) { publishItemList(id: $id) { id status version publishedAt supersedes { id version status } } }`;
const NEW_VERSION = `mutation($id: ID!) { newItemListVersion(id: $id) { id name version status items { code } } }`;

describe('item lists: draft → published → superseded', () => {
  let v1: string;
  let v2: string;

  it('a department admin creates a draft of its own department; another department\'s item is refused by position', async () => {
    const bad = await gql(
      CREATE_LIST,
      { input: { name: '2023 第一版', year: 2023, kind: 'DEPARTMENT', departmentId: s.departments.scjg.id, itemIds: [s.items.scjgKey.id, s.items.yjglKey.id] } },
      s.actors.scjgAdmin.headers,
    );
    expect(err(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.itemIds[1]', reason: 'ITEM_OTHER_DEPARTMENT' });
    const inactive = await gql(
      CREATE_LIST,
      { input: { name: '2023 第一版', year: 2023, kind: 'DEPARTMENT', departmentId: s.departments.scjg.id, itemIds: [s.items.scjgOld.id] } },
      s.actors.scjgAdmin.headers,
    );
    expect(err(inactive)).toMatchObject({ field: 'input.itemIds[0]', reason: 'ITEM_INACTIVE' });
    const other = await gql(CREATE_LIST, { input: { name: 'x', year: 2023, kind: 'DEPARTMENT', departmentId: s.departments.yjgl.id } }, s.actors.scjgAdmin.headers);
    expect(err(other)).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' });
    const joint = await gql(CREATE_LIST, { input: { name: 'x', year: 2023, kind: 'JOINT' } }, s.actors.scjgAdmin.headers);
    expect(err(joint)).toMatchObject({ code: 'FORBIDDEN', reason: 'OFFICE_ONLY' });

    const r = await gqlOk(
      CREATE_LIST,
      { input: { name: '2023 第一版', year: 2023, kind: 'DEPARTMENT', departmentId: s.departments.scjg.id, itemIds: [s.items.scjgKey.id] } },
      s.actors.scjgAdmin.headers,
    );
    expect(r.createItemList).toMatchObject({ version: 1, kind: 'DEPARTMENT', status: 'DRAFT', department: { code: 'SCJG' }, items: [{ code: 'SCJG-K1' }] });
    v1 = r.createItemList.id;
  });

  it('one draft at a time per department, kind and year', async () => {
    const r = await gql(CREATE_LIST, { input: { name: '又一版', year: 2023, kind: 'DEPARTMENT', departmentId: s.departments.scjg.id } }, s.actors.scjgAdmin.headers);
    expect(err(r)).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_EXISTS', draftId: v1 });
  });

  it('replaces the entries of a draft, in the given order; duplicates are refused', async () => {
    const dup = await gql(SET_ITEMS, { id: v1, itemIds: [s.items.scjgGen.id, s.items.scjgGen.id] }, s.actors.scjgAdmin.headers);
    expect(err(dup)).toMatchObject({ field: 'itemIds[1]', reason: 'DUPLICATE' });
    const r = await gqlOk(SET_ITEMS, { id: v1, itemIds: [s.items.scjgGen.id, s.items.scjgKey.id] }, s.actors.scjgAdmin.headers);
    expect(r.setItemListItems.items.map((i: any) => i.code)).toEqual(['SCJG-G1', 'SCJG-K1']);
    const other = await gql(SET_ITEMS, { id: v1, itemIds: [] }, s.actors.yjglAdmin.headers);
    expect(err(other)).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' });
  });

  it('publishes; a published list is immutable', async () => {
    const r = await gqlOk(PUBLISH, { id: v1 }, s.actors.scjgAdmin.headers);
    expect(r.publishItemList).toMatchObject({ status: 'PUBLISHED', version: 1, supersedes: null });
    expect(r.publishItemList.publishedAt).toBeTruthy();
    const edit = await gql(SET_ITEMS, { id: v1, itemIds: [s.items.scjgKey.id] }, s.actors.scjgAdmin.headers);
    expect(err(edit)).toMatchObject({ code: 'INVALID_TRANSITION', current: 'PUBLISHED', reason: 'NOT_DRAFT' });
    const again = await gql(PUBLISH, { id: v1 }, s.actors.office.headers);
    expect(err(again)).toMatchObject({ code: 'INVALID_TRANSITION', current: 'PUBLISHED' });
    const entries = await prisma().itemListEntry.count({ where: { itemListId: v1 } });
    expect(entries).toBe(2);
  });

  it('an empty draft cannot be published', async () => {
    const l = await gqlOk(CREATE_LIST, { input: { name: '空清单', year: 2023, kind: 'DEPARTMENT', departmentId: s.departments.wjj.id } }, s.actors.wjjAdmin.headers);
    const r = await gql(PUBLISH, { id: l.createItemList.id }, s.actors.wjjAdmin.headers);
    expect(err(r)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LIST_EMPTY' });
  });

  it('a new version copies the published list as a draft, version + 1', async () => {
    const fromDraft = await gql(NEW_VERSION, { id: (await prisma().itemList.findFirstOrThrow({ where: { departmentId: s.departments.wjj.id } })).id }, s.actors.wjjAdmin.headers);
    expect(err(fromDraft)).toMatchObject({ code: 'INVALID_TRANSITION', current: 'DRAFT' });
    const r = await gqlOk(NEW_VERSION, { id: v1 }, s.actors.scjgAdmin.headers);
    expect(r.newItemListVersion).toMatchObject({ name: '2023 第一版', version: 2, status: 'DRAFT', items: [{ code: 'SCJG-G1' }, { code: 'SCJG-K1' }] });
    v2 = r.newItemListVersion.id;
    const second = await gql(NEW_VERSION, { id: v1 }, s.actors.scjgAdmin.headers);
    expect(err(second)).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_EXISTS' });
  });

  it('publishing the new version supersedes the old one, which stays readable as it was', async () => {
    await gqlOk(SET_ITEMS, { id: v2, itemIds: [s.items.scjgKey.id, s.items.scjgGen.id, s.items.scjgGen2.id] }, s.actors.scjgAdmin.headers);
    const r = await gqlOk(PUBLISH, { id: v2 }, s.actors.scjgAdmin.headers);
    expect(r.publishItemList).toMatchObject({ status: 'PUBLISHED', version: 2, supersedes: { id: v1, version: 1, status: 'SUPERSEDED' } });
    const old = await gqlOk(
      `query($id: ID!) { itemList(id: $id) { status version supersededBy { id version } items { code } } }`,
      { id: v1 },
      s.actors.analyst.headers,
    );
    expect(old.itemList).toEqual({ status: 'SUPERSEDED', version: 1, supersededBy: { id: v2, version: 2 }, items: [{ code: 'SCJG-G1' }, { code: 'SCJG-K1' }] });
    const edit = await gql(SET_ITEMS, { id: v1, itemIds: [] }, s.actors.scjgAdmin.headers);
    expect(err(edit)).toMatchObject({ code: 'INVALID_TRANSITION', current: 'SUPERSEDED' });
    const current = await gqlOk(`{ itemLists(filter: { year: 2023, status: PUBLISHED }) { nodes { id version } } }`, undefined, s.actors.office.headers);
    expect(current.itemLists.nodes).toEqual([{ id: v2, version: 2 }]);
    const audit = await prisma().auditEvent.findMany({ where: { entity: 'ItemList', entityId: { in: [v1, v2] }, operation: { in: ['publishItemList', 'supersedeItemList'] } } });
    expect(audit.map((a) => a.operation).sort()).toEqual(['publishItemList', 'publishItemList', 'supersedeItemList']);
  });
});

describe('the joint item list', () => {
  const COMPILE = `mutation($year: Int!) { compileJointItemList(year: $year) { id kind status version year department { id } items { code department { code } } } }`;

  it('refuses a year without published departmental lists, and anyone but the office', async () => {
    const none = await gql(COMPILE, { year: 2030 }, s.actors.office.headers);
    expect(err(none)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year', reason: 'NO_PUBLISHED_LISTS' });
    const dept = await gql(COMPILE, { year: 2023 }, s.actors.scjgAdmin.headers);
    expect(err(dept)).toMatchObject({ code: 'FORBIDDEN', reason: 'SCOPE' });
  });

  it('compiles the currently published departmental lists of the year into a joint draft, by department order', async () => {
    // YJGL publishes a 2023 list; WJJ's 2023 list is still an (empty) draft: it is not compiled.
    const y = await gqlOk(
      CREATE_LIST,
      { input: { name: '应急 2023', year: 2023, kind: 'DEPARTMENT', departmentId: s.departments.yjgl.id, itemIds: [s.items.yjglGen.id, s.items.yjglKey.id] } },
      s.actors.yjglAdmin.headers,
    );
    await gqlOk(PUBLISH, { id: y.createItemList.id }, s.actors.yjglAdmin.headers);
    // A 2024 list must not leak into 2023.
    const later = await gqlOk(CREATE_LIST, { input: { name: '2024', year: 2024, kind: 'DEPARTMENT', departmentId: s.departments.swj.id, itemIds: [s.items.swjKey.id] } }, s.actors.office.headers);
    await gqlOk(PUBLISH, { id: later.createItemList.id }, s.actors.office.headers);

    const r = await gqlOk(COMPILE, { year: 2023 }, s.actors.office.headers);
    expect(r.compileJointItemList).toMatchObject({ kind: 'JOINT', status: 'DRAFT', version: 1, year: 2023, department: null });
    // SCJG's current version 2 (superseded version 1 is not used), then YJGL's list, in list order.
    expect(r.compileJointItemList.items.map((i: any) => i.code)).toEqual(['SCJG-K1', 'SCJG-G1', 'SCJG-G2', 'YJGL-G1', 'YJGL-K1']);

    // Recompiling after an item is deactivated refills the same draft without it.
    await gqlOk(`mutation($id: ID!) { setCheckItemActive(id: $id, active: false) { active } }`, { id: s.items.scjgGen2.id }, s.actors.office.headers);
    const again = await gqlOk(COMPILE, { year: 2023 }, s.actors.office.headers);
    expect(again.compileJointItemList.id).toBe(r.compileJointItemList.id);
    expect(again.compileJointItemList.items.map((i: any) => i.code)).toEqual(['SCJG-K1', 'SCJG-G1', 'YJGL-G1', 'YJGL-K1']);

    const pub = await gqlOk(PUBLISH, { id: r.compileJointItemList.id }, s.actors.office.headers);
    expect(pub.publishItemList).toMatchObject({ status: 'PUBLISHED', version: 1 });
    const next = await gqlOk(COMPILE, { year: 2023 }, s.actors.office.headers);
    expect(next.compileJointItemList).toMatchObject({ status: 'DRAFT', version: 2 });
    expect(next.compileJointItemList.id).not.toBe(r.compileJointItemList.id);
  });

  it('a department admin cannot publish or edit the joint list', async () => {
    const joint = await prisma().itemList.findFirstOrThrow({ where: { kind: 'JOINT', status: 'DRAFT' } });
    expect(err(await gql(PUBLISH, { id: joint.id }, s.actors.scjgAdmin.headers))).toMatchObject({ code: 'FORBIDDEN', reason: 'OFFICE_ONLY' });
    expect(err(await gql(SET_ITEMS, { id: joint.id, itemIds: [] }, s.actors.scjgAdmin.headers))).toMatchObject({ code: 'FORBIDDEN', reason: 'OFFICE_ONLY' });
  });
});
