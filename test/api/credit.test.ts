// Credit linkage (issue 6 part B), on PGlite and PostgreSQL: the rule table (code ↔ docs/CREDIT.md), the events and
// follow-ups of every result code, correction relink, credit repair by the office, the risk class recomputed up and
// down (never below the base class), imports and pool edits writing the base class, and the stratum move in the next
// target draw through GraphQL.
//
// Published results are written directly (test/fixtures/credit.ts) and linked by calling linkCreditForPublished in an
// audited transaction, as the record module's publication does.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, db, prisma } from '../../server/src/db/database.ts';
import { AUTO_FOLLOW_UPS, RESULT_CODES, effectiveClass, rulesFor } from '../../server/src/modules/credit/credit.rules.ts';
import { linkCreditForPublished, relinkCreditForCorrection, type PublishedResult } from '../../server/src/modules/credit/credit.service.ts';
import { writeTargets, type TargetRow } from '../../server/src/modules/import/target.rows.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { userActor, type TestActor } from '../helpers/auth.ts';
import { COMMIT_TARGET, LOCK, REVEAL, makeDepartment, makeTask } from '../fixtures/draws.ts';
import { creditWorld, inTx, makeClassedTargets, publishedResult, type CreditWorld } from '../fixtures/credit.ts';
import { DECIDE_CORRECTION, ENTER_RESULTS, PUBLISH_PART, REQUEST_CORRECTION, SAVE_RECORD, recordScenario } from '../fixtures/records.ts';

useTestDatabase();

const ON = new Date('2026-07-01T00:00:00Z'); // a Wednesday; 20 working days later: 2026-07-29
const iso = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const ext = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions ?? {};

const target = (id: string) => prisma().target.findUniqueOrThrow({ where: { id } });
const eventsOf = (targetId: string) => prisma().creditEvent.findMany({ where: { targetId }, orderBy: [{ createdAt: 'asc' }, { kind: 'asc' }] });

describe('the rule table: docs/CREDIT.md and credit.rules.ts agree', () => {
  function readTable() {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'CREDIT.md'), 'utf8');
    const section = text.slice(text.indexOf('## Rule table'), text.indexOf('\n## ', text.indexOf('## Rule table') + 5));
    return section
      .split('\n')
      .filter((l) => /^\| \d+ \|/.test(l))
      .map((l) => {
        const c = l.split('|').slice(1, -1).map((x) => x.trim());
        const list = (s: string) => (s === '—' ? [] : s.split(';').map((x) => x.trim()));
        return { code: Number(c[0]), events: list(c[2]!), periods: list(c[3]!), followUp: c[4]! };
      });
  }

  it('every result code 1–10 has a row, and each row says what the code does', () => {
    const rows = readTable();
    expect(rows.map((r) => r.code)).toEqual([...RESULT_CODES]);
    for (const row of rows) {
      const rules = rulesFor(row.code);
      expect(row.events, `code ${row.code}: events`).toEqual(rules.map((r) => r.kind));
      expect(row.periods, `code ${row.code}: periods`).toEqual(rules.map((r) => r.period));
      const f = AUTO_FOLLOW_UPS[row.code];
      expect(row.followUp, `code ${row.code}: follow-up`).toBe(f ? `${f.kind}, ${f.status}, ${f.workingDays} working days` : '—');
      // a follow-up is opened exactly when the code requires one
      expect(!!f).toBe(rules.some((r) => r.kind === 'FOLLOW_UP_REQUIRED'));
    }
  });

  it('codes 1, 2, 7, 9 create no event; 3, 6, 10 a dishonesty record; 4 the abnormal list; 5, 8, 10 a follow-up', () => {
    for (const c of [1, 2, 7, 9]) expect(rulesFor(c)).toEqual([]);
    for (const c of [3, 6, 10]) expect(rulesFor(c).map((r) => r.kind)).toContain('DISHONESTY');
    expect(rulesFor(4).map((r) => r.kind)).toEqual(['ABNORMAL_OPERATIONS']);
    for (const c of [5, 8, 10]) expect(rulesFor(c).map((r) => r.kind)).toContain('FOLLOW_UP_REQUIRED');
  });

  it('the class rule: max(base, D for dishonesty, C for abnormal list or open follow-up)', () => {
    expect(effectiveClass('A', [], false)).toBe('A');
    expect(effectiveClass('A', ['DISHONESTY'], false)).toBe('D');
    expect(effectiveClass('A', ['ABNORMAL_OPERATIONS'], false)).toBe('C');
    expect(effectiveClass('A', ['FOLLOW_UP_REQUIRED'], false)).toBe('C');
    expect(effectiveClass('A', [], true)).toBe('C');
    expect(effectiveClass('D', [], false)).toBe('D');
    expect(effectiveClass('B', ['FOLLOW_UP_REQUIRED', 'DISHONESTY'], false)).toBe('D');
  });
});

describe('linking published results (linkCreditForPublished)', () => {
  let w: CreditWorld;
  const byCode = new Map<number, string>(); // code → target id
  beforeAll(async () => {
    w = await creditWorld();
    const ts = await makeClassedTargets(w.dep.poolId, 10, 'A');
    const results: PublishedResult[] = [];
    for (const c of RESULT_CODES) {
      byCode.set(c, ts[c - 1]!.id);
      results.push(await publishedResult(w.taskId, w.dep.id, ts[c - 1]!.id, c));
    }
    await inTx((tx, audit) => linkCreditForPublished(tx, audit, results, ON));
  });

  it('codes 1, 2, 7, 9: no event, no follow-up, class unchanged', async () => {
    for (const c of [1, 2, 7, 9]) {
      const id = byCode.get(c)!;
      expect(await eventsOf(id), `code ${c}`).toEqual([]);
      expect(await prisma().followUp.count({ where: { targetId: id } })).toBe(0);
      expect((await target(id)).riskClass).toBe('A');
    }
  });

  it('codes 3 and 6: a dishonesty record for 3 years → class D', async () => {
    for (const c of [3, 6]) {
      const ev = await eventsOf(byCode.get(c)!);
      expect(ev.map((e) => e.kind)).toEqual(['DISHONESTY']);
      expect(ev[0]).toMatchObject({ resultCode: c, departmentId: w.dep.id });
      expect(ev[0]!.itemResultId).toBeTruthy();
      expect(iso(ev[0]!.effectiveFrom)).toBe('2026-07-01');
      expect(iso(ev[0]!.effectiveTo)).toBe('2029-07-01');
      const t = await target(byCode.get(c)!);
      expect(t).toMatchObject({ riskClass: 'D', riskClassBase: 'A' });
      expect(t.riskClassComputedAt).toBeTruthy();
    }
  });

  it('code 4: the abnormal-operations list until repaired → flag set, class C', async () => {
    const id = byCode.get(4)!;
    const ev = await eventsOf(id);
    expect(ev.map((e) => [e.kind, e.resultCode, iso(e.effectiveTo)])).toEqual([['ABNORMAL_OPERATIONS', 4, null]]);
    expect(await target(id)).toMatchObject({ onAbnormalList: true, riskClass: 'C', riskClassBase: 'A' });
  });

  it('codes 5 and 8: a follow-up owned by the result department, due on the 20th working day → class C', async () => {
    for (const [c, status] of [[5, 'IN_PROGRESS'], [8, 'OPEN']] as const) {
      const id = byCode.get(c)!;
      expect((await eventsOf(id)).map((e) => e.kind)).toEqual(['FOLLOW_UP_REQUIRED']);
      const fu = await prisma().followUp.findMany({ where: { targetId: id } });
      expect(fu).toHaveLength(1);
      expect(fu[0]).toMatchObject({ kind: 'RECTIFICATION', status, departmentId: w.dep.id, taskId: w.taskId });
      expect(fu[0]!.itemResultId).toBeTruthy();
      expect(iso(fu[0]!.dueOn)).toBe('2026-07-29');
      expect((await target(id)).riskClass).toBe('C');
    }
  });

  it('code 10: a dishonesty record and a follow-up → class D', async () => {
    const id = byCode.get(10)!;
    expect((await eventsOf(id)).map((e) => e.kind).sort()).toEqual(['DISHONESTY', 'FOLLOW_UP_REQUIRED']);
    expect(await prisma().followUp.count({ where: { targetId: id, status: 'OPEN' } })).toBe(1);
    expect((await target(id)).riskClass).toBe('D');
  });

  it('every event, follow-up and class change is audited', async () => {
    const events = await prisma().creditEvent.count({ where: { targetId: { in: [...byCode.values()] } } });
    const audited = await prisma().auditEvent.count({ where: { operation: 'linkCreditForPublished', entity: 'CreditEvent' } });
    expect(audited).toBe(events);
    expect(await prisma().auditEvent.count({ where: { operation: 'linkCreditForPublished', entity: 'FollowUp' } })).toBe(3);
    expect(await prisma().auditEvent.count({ where: { operation: 'recomputeRiskClass', entity: 'Target', entityId: byCode.get(3)! } })).toBe(1);
  });

  it('linking the same results again creates nothing', async () => {
    const before = [await prisma().creditEvent.count(), await prisma().followUp.count()];
    const results = await prisma().itemResult.findMany({ where: { record: { taskId: w.taskId } }, include: { record: true } });
    await inTx((tx, audit) =>
      linkCreditForPublished(tx, audit, results.map((r) => ({ itemResultId: r.id, targetId: r.record.targetId, departmentId: r.departmentId, taskId: w.taskId, code: r.code })), ON),
    );
    expect([await prisma().creditEvent.count(), await prisma().followUp.count()]).toEqual(before);
  });

  it('is set-based: 200 results cost the same statements as 10', async () => {
    async function statementsFor(n: number) {
      const ts = await makeClassedTargets(w.dep.poolId, n, 'B');
      const results: PublishedResult[] = [];
      for (const [i, t] of ts.entries()) results.push(await publishedResult(w.taskId, w.dep.id, t.id, RESULT_CODES[i % 10]!));
      const before = db().stats.statements;
      await inTx((tx, audit) => linkCreditForPublished(tx, audit, results, ON));
      return db().stats.statements - before;
    }
    const small = await statementsFor(10);
    const large = await statementsFor(200);
    expect(large).toBe(small);
    expect(small).toBeLessThan(20);
  });
});

describe('correction relink (relinkCreditForCorrection)', () => {
  let w: CreditWorld;
  beforeAll(async () => {
    w = await creditWorld();
  });
  const CORRECTED = new Date('2026-08-03T00:00:00Z');

  it('3 → 1: the dishonesty record ends on the approval day with a note; the class goes back to the base', async () => {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'A');
    const r = await publishedResult(w.taskId, w.dep.id, t!.id, 3);
    await inTx((tx, audit) => linkCreditForPublished(tx, audit, [r], ON));
    expect((await target(t!.id)).riskClass).toBe('D');
    await inTx((tx, audit) => relinkCreditForCorrection(tx, audit, { ...r, code: 1, oldCode: 3 }, CORRECTED));
    const ev = await eventsOf(t!.id);
    expect(ev).toHaveLength(1);
    expect(iso(ev[0]!.effectiveTo)).toBe('2026-08-03');
    expect(ev[0]!.note).toContain('更正');
    expect((await target(t!.id)).riskClass).toBe('A');
    expect(await prisma().auditEvent.count({ where: { operation: 'relinkCreditForCorrection', entityId: ev[0]!.id } })).toBe(1);
  });

  it('4 → 5: the abnormal listing ends (flag cleared), a follow-up event and follow-up start, class stays C', async () => {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'A');
    const r = await publishedResult(w.taskId, w.dep.id, t!.id, 4);
    await inTx((tx, audit) => linkCreditForPublished(tx, audit, [r], ON));
    expect(await target(t!.id)).toMatchObject({ onAbnormalList: true, riskClass: 'C' });
    await inTx((tx, audit) => relinkCreditForCorrection(tx, audit, { ...r, code: 5, oldCode: 4 }, CORRECTED));
    const ev = await eventsOf(t!.id);
    expect(ev.map((e) => [e.kind, e.resultCode, iso(e.effectiveFrom), iso(e.effectiveTo)])).toEqual([
      ['ABNORMAL_OPERATIONS', 4, '2026-07-01', '2026-08-03'],
      ['FOLLOW_UP_REQUIRED', 5, '2026-08-03', null],
    ]);
    expect(await target(t!.id)).toMatchObject({ onAbnormalList: false, riskClass: 'C' });
    expect(await prisma().followUp.count({ where: { targetId: t!.id, status: 'IN_PROGRESS', kind: 'RECTIFICATION' } })).toBe(1);
  });

  it('8 → 9: the follow-up the old code opened is closed with a note; class back to A', async () => {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'A');
    const r = await publishedResult(w.taskId, w.dep.id, t!.id, 8);
    await inTx((tx, audit) => linkCreditForPublished(tx, audit, [r], ON));
    await inTx((tx, audit) => relinkCreditForCorrection(tx, audit, { ...r, code: 9, oldCode: 8 }, CORRECTED));
    const fu = await prisma().followUp.findMany({ where: { targetId: t!.id } });
    expect(fu.map((f) => f.status)).toEqual(['CLOSED']);
    expect(fu[0]!.closureNote).toContain('9');
    expect((await target(t!.id)).riskClass).toBe('A');
  });

  it('1 → 6: a clean result corrected to serious non-cooperation becomes a dishonesty record', async () => {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'B');
    const r = await publishedResult(w.taskId, w.dep.id, t!.id, 1);
    await inTx((tx, audit) => linkCreditForPublished(tx, audit, [r], ON));
    await inTx((tx, audit) => relinkCreditForCorrection(tx, audit, { ...r, code: 6, oldCode: 1 }, CORRECTED));
    expect((await eventsOf(t!.id)).map((e) => [e.kind, e.resultCode, iso(e.effectiveFrom), iso(e.effectiveTo)])).toEqual([['DISHONESTY', 6, '2026-08-03', '2029-08-03']]);
    expect((await target(t!.id)).riskClass).toBe('D');
  });
});

const REPAIR = `mutation($id: ID!, $reason: String!) { repairCreditEvent(id: $id, reason: $reason) { id repairedAt repairReason repairedBy active target { riskClass riskClassBase } } }`;

describe('credit repair (信用修复)', () => {
  let w: CreditWorld;
  let office: TestActor, deptAdmin: TestActor, analyst: TestActor;
  beforeAll(async () => {
    w = await creditWorld();
    office = await userActor('OFFICE_ADMIN');
    deptAdmin = await userActor('DEPARTMENT_ADMIN', w.dep.id);
    analyst = await userActor('ANALYST');
  });

  async function dishonest(base: 'A' | 'C') {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, base);
    const r = await publishedResult(w.taskId, w.dep.id, t!.id, 3);
    await inTx((tx, audit) => linkCreditForPublished(tx, audit, [r], ON));
    const [e] = await eventsOf(t!.id);
    return { targetId: t!.id, eventId: e!.id };
  }

  it('only the office repairs: department admins and analysts are refused', async () => {
    const { eventId } = await dishonest('A');
    for (const who of [deptAdmin, analyst]) {
      const r = await gql(REPAIR, { id: eventId, reason: '已整改' }, who.headers);
      expect(code(r)).toBe('FORBIDDEN');
    }
    expect((await prisma().creditEvent.findUniqueOrThrow({ where: { id: eventId } })).repairedAt).toBeNull();
  });

  it('a reason is required (typed error naming the field)', async () => {
    const { eventId } = await dishonest('A');
    const r = await gql(REPAIR, { id: eventId, reason: '   ' }, office.headers);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(ext(r)).toMatchObject({ field: 'reason', reason: 'REQUIRED' });
    expect(ext(r).messageZh).toBeTruthy();
    expect(ext(r).messageEn).toBeTruthy();
  });

  it('the office repairs: the event stays visible as repaired, the class goes down to the base, audited', async () => {
    const { targetId, eventId } = await dishonest('A');
    expect((await target(targetId)).riskClass).toBe('D');
    const r = await gqlOk(REPAIR, { id: eventId, reason: '当事人已纠正公示信息并申请信用修复' }, office.headers);
    expect(r.repairCreditEvent).toMatchObject({ id: eventId, active: false, repairedBy: office.userId, target: { riskClass: 'A', riskClassBase: 'A' } });
    expect(r.repairCreditEvent.repairReason).toBe('当事人已纠正公示信息并申请信用修复');
    const list = await gqlOk(`query($t: ID!) { creditEvents(filter: { targetId: $t, repaired: true }) { nodes { id kind repairedAt } } }`, { t: targetId }, deptAdmin.headers);
    expect(list.creditEvents.nodes.map((n: { id: string }) => n.id)).toEqual([eventId]);
    expect(await prisma().auditEvent.count({ where: { operation: 'repairCreditEvent', entityId: eventId } })).toBe(1);
    expect(await prisma().auditEvent.count({ where: { operation: 'recomputeRiskClass', entityId: targetId } })).toBe(2); // up, then down
    const again = await gql(REPAIR, { id: eventId, reason: '再次修复' }, office.headers);
    expect(code(again)).toBe('INVALID_TRANSITION');
  });

  it('the class never goes below the base class', async () => {
    const { targetId, eventId } = await dishonest('C');
    expect((await target(targetId)).riskClass).toBe('D');
    await gqlOk(REPAIR, { id: eventId, reason: '信用修复' }, office.headers);
    expect((await target(targetId)).riskClass).toBe('C');
  });

  it('repairing an abnormal-list event clears the flag and lowers the class', async () => {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'B');
    const r = await publishedResult(w.taskId, w.dep.id, t!.id, 4);
    await inTx((tx, audit) => linkCreditForPublished(tx, audit, [r], ON));
    const [e] = await eventsOf(t!.id);
    expect(await target(t!.id)).toMatchObject({ onAbnormalList: true, riskClass: 'C' });
    await gqlOk(REPAIR, { id: e!.id, reason: '已恢复联系，申请移出经营异常名录' }, office.headers);
    expect(await target(t!.id)).toMatchObject({ onAbnormalList: false, riskClass: 'B' });
  });

  it('recomputeRiskClasses (office): a dishonesty record past its 3 years no longer raises the class', async () => {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'A');
    await prisma().creditEvent.create({
      data: { targetId: t!.id, kind: 'DISHONESTY', resultCode: 3, effectiveFrom: new Date('2022-05-01T00:00:00Z'), effectiveTo: new Date('2025-05-01T00:00:00Z') },
    });
    await prisma().target.update({ where: { id: t!.id }, data: { riskClass: 'D', riskClassComputedAt: new Date('2024-01-01T00:00:00Z') } });
    expect(code(await gql(`mutation { recomputeRiskClasses { checked } }`, {}, deptAdmin.headers))).toBe('FORBIDDEN');
    const r = await gqlOk(`mutation { recomputeRiskClasses { checked changedCount changes { before after target { id } } } }`, {}, office.headers);
    expect(r.recomputeRiskClasses.changes).toContainEqual({ before: 'D', after: 'A', target: { id: t!.id } });
    expect((await target(t!.id)).riskClass).toBe('A');
  });
});

describe('base class from imports and pool edits; effective class by the same rule', () => {
  let w: CreditWorld;
  let admin: TestActor;
  beforeAll(async () => {
    w = await creditWorld();
    admin = await userActor('DEPARTMENT_ADMIN', w.dep.id);
  });

  it('updateTarget sets the base class; an active dishonesty record keeps the effective class at D', async () => {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'A');
    const r = await publishedResult(w.taskId, w.dep.id, t!.id, 6);
    await inTx((tx, audit) => linkCreditForPublished(tx, audit, [r], ON));
    const up = await gqlOk(`mutation($id: ID!) { updateTarget(id: $id, input: { riskClass: B }) { riskClass riskClassBase } }`, { id: t!.id }, admin.headers);
    expect(up.updateTarget).toEqual({ riskClass: 'D', riskClassBase: 'B' });
  });

  it('createTarget on the abnormal list: base as given, effective at least C', async () => {
    const uscc = (await makeClassedTargets(w.dep.poolId, 1, 'A'))[0]!.uscc; // borrow a valid code, then free it
    await prisma().targetPoolMember.deleteMany({ where: { target: { uscc } } });
    await prisma().target.delete({ where: { uscc } });
    const r = await gqlOk(
      `mutation($i: CreateTargetInput!) { createTarget(input: $i) { riskClass riskClassBase onAbnormalList } }`,
      { i: { poolId: w.dep.poolId, uscc, name: '信用测试新建有限公司', regionCode: '370687', industryCode: 'C1391', riskClass: 'A', onAbnormalList: true } },
      admin.headers,
    );
    expect(r.createTarget).toEqual({ riskClass: 'C', riskClassBase: 'A', onAbnormalList: true });
  });

  it('an import writes the base class (set-based) and the effective class by the rule', async () => {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'B');
    const r = await publishedResult(w.taskId, w.dep.id, t!.id, 3);
    await inTx((tx, audit) => linkCreditForPublished(tx, audit, [r], ON));
    const row = (uscc: string, name: string, risk: string): TargetRow => ({
      uscc,
      name,
      legal_representative: null,
      address: null,
      region_code: '370687',
      industry_code: 'C1391',
      business_scope: null,
      type: null,
      risk_class: risk,
      status: null,
      established_on: null,
      on_abnormal_list: null,
      on_key_attention_list: null,
      complaint_count: null,
      serious_violation: null,
    });
    await inTx((tx) => writeTargets(tx, [row(t!.uscc, t!.name, 'A')], [w.dep.poolId], w.dep.poolId));
    expect(await target(t!.id)).toMatchObject({ riskClassBase: 'A', riskClass: 'D' });
  });
});

describe('the next target draw puts a target in its new stratum', () => {
  it('class A, result code 3 published → class D → stratum D in the next draw (GraphQL)', async () => {
    const lead = await makeDepartment(2, { codePrefix: 'CRD' });
    const targets = await makeClassedTargets(lead.poolId, 8, 'A');
    const x = targets[0]!;
    const admin = (await userActor('DEPARTMENT_ADMIN', lead.id)).headers;
    const earlier = await makeTask({ lead, status: 'PUBLISHED', year: 2026 });
    const r = await publishedResult(earlier.id, lead.id, x.id, 3);
    await inTx((tx, audit) => linkCreditForPublished(tx, audit, [r], ON));
    expect((await target(x.id)).riskClass).toBe('D');

    // A:10 % of 7 → 1 target; D: 100 % → the one D target, certainly drawn
    const task = await makeTask({ lead, year: 2026, ratios: { A: 1000, B: 2000, C: 5000, D: 10_000 } });
    const c = await gqlOk(COMMIT_TARGET, { taskId: task.id, src: '现场观察员读数' }, admin);
    await gqlOk(REVEAL, { id: c.commitTargetDraw.draw.id, input: '福彩3D 2026190 305' }, admin);
    await gqlOk(LOCK, { id: c.commitTargetDraw.draw.id }, admin);
    const drawn = await gqlOk(`query($id: ID!) { draw(id: $id) { targets(first: 100) { uscc stratum } } }`, { id: c.commitTargetDraw.draw.id }, admin);
    const mine = drawn.draw.targets.find((d: { uscc: string }) => d.uscc === x.uscc);
    expect(mine).toEqual({ uscc: x.uscc, stratum: 'D' });
    expect(drawn.draw.targets.filter((d: { stratum: string }) => d.stratum === 'D')).toHaveLength(1);
  });
});

describe('through the record module: publishRecordPart links, decideCorrection relinks (GraphQL)', () => {
  it('code 3 published → dishonesty record and class D; the head approves a correction to 1 → record ended, class C while the code-8 follow-up is open, B once it is closed', async () => {
    const s = await recordScenario({ window: ['2026-11-02', '2026-11-20'] });
    const targetId = s.drawn[0]!.targetId;
    await prisma().target.update({ where: { id: targetId }, data: { riskClassBase: 'B' } });
    const rec = (
      await gqlOk(
        SAVE_RECORD,
        {
          input: {
            taskId: s.task.id,
            targetId,
            inspectorIds: s.teamOf(targetId),
            inspectedOn: s.window[0],
            methods: ['ON_SITE'],
            onSite: true,
            signatureStatus: 'SIGNED',
            signatoryName: '张三',
          },
        },
        s.actors.leadAdmin.headers,
      )
    ).saveRecord;
    await gqlOk(ENTER_RESULTS, { recordId: rec.id, results: [{ checkItemId: s.items.lead[0]!.id, code: 3 }, { checkItemId: s.items.lead[1]!.id, code: 8 }] }, s.actors.leadInspector.headers);
    await gqlOk(ENTER_RESULTS, { recordId: rec.id, results: [{ checkItemId: s.items.other[0]!.id, code: 9 }] }, s.actors.otherInspector.headers);
    await gqlOk(PUBLISH_PART, { recordId: rec.id }, s.actors.leadAdmin.headers);

    const events = async () =>
      (await gqlOk(`query($t: ID!) { creditEvents(filter: { targetId: $t }, sort: { field: createdAt }) { nodes { kind resultCode active departmentId itemResult { id } } } }`, { t: targetId }, s.actors.analyst.headers)).creditEvents.nodes;
    expect((await events()).map((e: { kind: string; resultCode: number; departmentId: string }) => [e.kind, e.resultCode, e.departmentId]).sort()).toEqual([
      ['DISHONESTY', 3, s.lead.id],
      ['FOLLOW_UP_REQUIRED', 8, s.lead.id],
    ]);
    expect((await target(targetId)).riskClass).toBe('D');
    const fu = await gqlOk(`query($t: ID!) { followUps(filter: { targetId: $t }) { nodes { id kind status department { id } task { id } } } }`, { t: targetId }, s.actors.leadAdmin.headers);
    expect(fu.followUps.nodes).toMatchObject([{ kind: 'RECTIFICATION', status: 'OPEN', department: { id: s.lead.id }, task: { id: s.task.id } }]);

    const resultId = (await prisma().itemResult.findFirstOrThrow({ where: { recordId: rec.id, checkItemId: s.items.lead[0]!.id } })).id;
    const c = await gqlOk(REQUEST_CORRECTION, { input: { itemResultId: resultId, newCode: 1, reason: '录入时误选结果代码' } }, s.actors.leadAdmin.headers);
    await gqlOk(DECIDE_CORRECTION, { id: c.requestCorrection.id, approve: true, note: '核实无误' }, s.actors.leadHead.headers);
    const after = await events();
    expect(after.find((e: { kind: string }) => e.kind === 'DISHONESTY')).toMatchObject({ resultCode: 3, active: false });
    // the code-8 follow-up is still open: at least C
    expect((await target(targetId)).riskClass).toBe('C');
    await gqlOk(`mutation($id: ID!) { closeFollowUp(id: $id, closureNote: "整改到位，复查合格") { status } }`, { id: fu.followUps.nodes[0].id }, s.actors.leadAdmin.headers);
    expect((await target(targetId)).riskClass).toBe('B');
  });
});
