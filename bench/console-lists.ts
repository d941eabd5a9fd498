// Console list pages at scale (docs/BENCHMARKS.md "Scale: console list pages"): every list page of the console as
// it first opens (its default sort, 25 rows, totalCount, pageInfo), the filters and sorts an office user applies to
// the big tables, a deep page and the show pages — sent through a real server process (production settings, as
// bench/load.ts starts one) as the office and as a department admin (应急管理局, whose visibility rules add joins).
// The documents are built from the console's own data provider: selections from admin/src/dataProvider/fields.ts,
// the list query text as graphqlDataProvider.ts's fetchPage writes it, and each page's default sort read from its
// <List sort={…}> in admin/src/<resource>/*List.tsx — a console change is measured the moment it is made.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm exec tsx bench/console-lists.ts \
//     [--db ssj_lists1m] [--keep] [--targets 1000000] [--records 200000] [--audit 1000000] \
//     [--runs 50] [--warmup 3] [--only <regexp on case names>] [--explain [<regexp>]] [--budget 300] [--port 4211]
//     [--count bounded|total]
//
// Data: without --db, a fresh database ssj_bench_lists_<pid> gets the demo, the demo accounts, --targets synthetic
// targets and --records synthetic records (`pnpm db:seed --scale … --records …`: ≈ 60–200 s), then the rows the seed
// generator does not write (the "complete" step below: draw_target rows for the synthetic records, credit events for
// their published results, --audit audit events); it is dropped at the end unless --keep. With --db NAME an existing
// database is used (created and filled first when it does not exist, and always kept): fill it once, measure often.
// The complete step is idempotent. The synthetic audit events carry placeholder hashes: verifyAuditChain fails on
// such a database, which is only a benchmark's.
//
// Per case: --warmup requests, then --runs timed ones, one at a time over one keep-alive connection; p50 / p99 / max
// of the wall time as the client sees it. Before timing, each document is sent once more in this process through
// yoga.fetch (not production: the response carries extensions.sqlStatements) to count its SQL statements; with
// --explain every statement of the matching cases is run again under EXPLAIN (ANALYZE, BUFFERS) and printed.
// --count total sends `totalCount` (the exact count every list asked for before the console moved to boundedCount)
// instead of the console's `boundedCount(limit: COUNT_LIMIT) { count exact }`, for before/after figures.
// Exits 1 if any request fails; --budget N lists the cases whose p99 exceeds N ms (exit 2 when any does).
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, REPO_ROOT, useDatabase, type Database } from '../server/src/db/database.ts';
import { addScaleRecords, addScaleTargets, seedDemo } from '../server/src/db/seed.ts';
import { seedDemoUsers } from '../server/src/modules/access/demo-users.ts';
import { resourceFields, selectionOf, type ResourceFields } from '../admin/src/dataProvider/fields.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined && !args[i + 1]!.startsWith('--') ? args[i + 1]! : dflt;
};
const flag = (name: string) => args.includes(`--${name}`);
const num = (name: string, dflt: number) => Number(opt(name, String(dflt)).replace(/[_,]/g, ''));

const TARGETS = num('targets', 1_000_000);
const RECORDS = num('records', 200_000);
const AUDIT = num('audit', 1_000_000);
const RUNS = num('runs', 50);
const WARMUP = num('warmup', 3);
const PORT = num('port', 4211);
const BUDGET = num('budget', 0);
const ONLY = opt('only', '');
const EXPLAIN = flag('explain') ? opt('explain', '.') : '';
const EXISTING = opt('db', '');
const COUNT = opt('count', 'bounded');
const DB_NAME = EXISTING || `ssj_bench_lists_${process.pid}`;
const BASE = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = (name: string) => Object.assign(new URL(BASE), { pathname: `/${name}` }).toString();
const log = (m: string) => console.log(`[lists] ${m}`);
process.env.LOG_LEVEL ??= 'warn'; // the in-process counting pass (yoga.fetch) logs like the server does
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

async function admin<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: dbUrl('postgres') });
  await c.connect();
  try {
    return await c.query<T>(sql, params);
  } finally {
    await c.end();
  }
}

// ───────────────────────── data ─────────────────────────

async function prepare(): Promise<{ created: boolean }> {
  const exists = (await admin(`select 1 from pg_database where datname = $1`, [DB_NAME])).rows.length > 0;
  if (!exists) await admin(`create database ${DB_NAME}`);
  const db = useDatabase(await openDatabase({ url: dbUrl(DB_NAME), log }));
  try {
    const { rows } = await db.raw.query<{ n: number }>(`select count(*)::int as n from target`);
    if (rows[0]!.n === 0) {
      const t0 = performance.now();
      await seedDemo(db, { log: () => {} });
      await seedDemoUsers();
      if (TARGETS) await addScaleTargets(db, TARGETS, { log });
      if (RECORDS) await addScaleRecords(db, RECORDS, { log });
      log(`demo + ${TARGETS} targets + ${RECORDS} records in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    await complete(db);
  } finally {
    await db.close();
  }
  return { created: !exists };
}

/**
 * The rows a database of that size has and the seed generator does not write: the synthetic records' draws list
 * their targets (draw_target: the department admin's target visibility joins it), published results of codes that
 * imply a credit event have one (credit.rules.ts, one event per result), and the audit log holds AUDIT events spread
 * over 2023–2026 across the entities, operations and actors the services record.
 */
async function complete(db: Database): Promise<void> {
  const raw = db.raw;
  const step = async (label: string, sql: string) => {
    const t = performance.now();
    await raw.query(sql);
    log(`complete: ${label} (${Math.round(performance.now() - t)} ms)`);
  };
  const has = async (sql: string) => ((await raw.query<{ n: number }>(sql)).rows[0]!.n ?? 0) > 0;
  if (!(await has(`select count(*)::int as n from draw_target dt join draw d on d.id = dt.draw_id where d.candidate_hash = repeat('a', 64) and dt.year >= 2023`)))
    await step(
      'draw targets of the synthetic records',
      `insert into draw_target (draw_id, target_id, uscc, stratum, rank, ticket, year)
       select r.draw_id, r.target_id, t.uscc, case when d.stratified then t.risk_class::text else 'ALL' end,
              row_number() over (partition by r.draw_id order by t.uscc), md5(r.id::text) || md5(r.target_id::text), k.year
         from inspection_record r join draw d on d.id = r.draw_id join target t on t.id = r.target_id join task k on k.id = r.task_id
        where d.candidate_hash = repeat('a', 64) and k.year >= 2023
       on conflict do nothing`,
    );
  if (!(await has(`select count(*)::int as n from credit_event where note = 'bench'`)))
    await step(
      'credit events of published results',
      `insert into credit_event (target_id, kind, item_result_id, result_code, effective_from, effective_to, created_at, department_id, note)
       select r.target_id,
              (case when ir.code in (3, 6, 10) then 'DISHONESTY' when ir.code = 4 then 'ABNORMAL_OPERATIONS' else 'FOLLOW_UP_REQUIRED' end)::"CreditEventKind",
              ir.id, ir.code, (p.published_at at time zone 'Asia/Shanghai')::date,
              case when ir.code in (3, 6, 10) then ((p.published_at at time zone 'Asia/Shanghai')::date + interval '3 years')::date end,
              p.published_at, ir.department_id, 'bench'
         from item_result ir join publication p on p.id = ir.publication_id join inspection_record r on r.id = ir.record_id
        where ir.code in (3, 4, 5, 6, 8, 10)`,
    );
  const audit = (await raw.query<{ n: number }>(`select count(*)::int as n from audit_event where request_id like 'bench-%'`)).rows[0]!.n;
  if (audit < AUDIT) {
    const users = (await raw.query<{ id: string; role: string; department_id: string | null }>(`select id::text, role::text, department_id::text from app_user order by username`)).rows;
    const ops = [
      ['saveRecord', 'InspectionRecord'],
      ['enterItemResults', 'InspectionRecord'],
      ['publishRecordPart', 'Publication'],
      ['commitTargetDraw', 'Draw'],
      ['revealDraw', 'Draw'],
      ['lockDraw', 'Draw'],
      ['updateTarget', 'Target'],
      ['importTargets', 'ImportJob'],
      ['acceptTask', 'Task'],
      ['login', 'Session'],
    ];
    const arr = (xs: (string | null)[]) => `array[${xs.map((x) => (x === null ? 'null' : `'${x}'`)).join(',')}]`;
    const uIds = arr(users.map((u) => u.id));
    const uRoles = arr(users.map((u) => u.role));
    const uDeps = `${arr(users.map((u) => u.department_id))}::uuid[]`;
    for (let from = audit + 1; from <= AUDIT; from += 250_000) {
      const to = Math.min(AUDIT, from + 249_999);
      await step(
        `audit events ${from}–${to}`,
        `insert into audit_event (at, actor_id, actor_kind, role, department_id, operation, entity, entity_id, before, after, request_id, prev_hash, hash)
         select timestamptz '2023-01-01 00:00+08' + (g::float8 / ${AUDIT}) * (now() - timestamptz '2023-01-01 00:00+08'),
                (${uIds})[u], 'user', (${uRoles})[u], (${uDeps})[u],
                (${arr(ops.map((o) => o[0]!))})[o], (${arr(ops.map((o) => o[1]!))})[o], md5((g % 200000)::text || 'e')::uuid::text,
                case when o in (7, 9) then jsonb_build_object('status', 'BEFORE') end, jsonb_build_object('status', 'AFTER', 'n', g),
                'bench-' || g, md5(g::text) || md5(g::text || 'p'), md5(g::text || 'h') || md5(g::text || 'q')
           from (select g, 1 + (abs(hashint8extended(g, 1)) % ${users.length})::int as u, 1 + (abs(hashint8extended(g, 2)) % ${ops.length})::int as o
                   from generate_series(${from}::bigint, ${to}::bigint) g) s`,
      );
    }
  }
  const t = performance.now();
  await raw.exec('vacuum analyze');
  log(`complete: vacuum analyze (${Math.round(performance.now() - t)} ms)`);
}

// ───────────────────────── server and clients ─────────────────────────

function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('server', 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: dbUrl(DB_NAME), PORT: String(PORT), NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM') log(`server exited (${code ?? signal}); its output:\n${out.slice(-4000)}`);
  });
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const poll = () =>
      http
        .get({ host: '127.0.0.1', port: PORT, path: '/readyz' }, (res) => {
          res.resume();
          if (res.statusCode === 200) resolve(child);
          else setTimeout(poll, 300);
        })
        .on('error', () => (child.exitCode !== null || Date.now() - t0 > 120_000 ? reject(new Error(`server did not start:\n${out}`)) : setTimeout(poll, 300)));
    poll();
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function post(body: string, cookie?: string): Promise<{ status: number; text: string; setCookie?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: PORT, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, setCookie: res.headers['set-cookie']?.[0]?.split(';')[0] }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function login(username: string, password: string): Promise<string> {
  const r = await post(JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { expiresAt } }', variables: { u: username, p: password } }));
  if (!r.setCookie) throw new Error(`login ${username} failed: ${r.text}`);
  return r.setCookie;
}

// ───────────────────────── the console's documents ─────────────────────────

type Role = 'OFFICE_ADMIN' | 'DEPARTMENT_ADMIN';
const ROLE_LABEL: Record<Role, string> = { OFFICE_ADMIN: 'office', DEPARTMENT_ADMIN: 'dept' };

/** The <List sort={{ field, order }}> of admin/src/<resource>/*List.tsx, as the data provider turns it into `sort`. */
function defaultSort(resource: string, d: ResourceFields): { field: string; order: 'ASC' | 'DESC' } | undefined {
  const dir = path.join(REPO_ROOT, 'admin', 'src', resource);
  const file = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => /List\.tsx$/.test(f)) : undefined;
  if (!file) return undefined;
  const m = /<List[\s\S]*?sort=\{\{\s*field:\s*'(\w+)',\s*order:\s*'(ASC|DESC)'\s*\}\}/.exec(fs.readFileSync(path.join(dir, file), 'utf8'));
  // graphqlDataProvider.ts sortVariable: a field the server does not sort on is dropped (server default order)
  if (!m || !d.sortFields.includes(m[1]!)) return undefined;
  return { field: m[1]!, order: m[2] as 'ASC' | 'DESC' };
}

// The count the console's lists ask for: graphqlDataProvider.ts's COUNT_LIMIT and its selection, read from the source
// (that file imports react-admin, which this process does not load); a change there that this does not follow fails.
const PROVIDER = fs.readFileSync(path.join(REPO_ROOT, 'admin', 'src', 'dataProvider', 'graphqlDataProvider.ts'), 'utf8');
const COUNT_LIMIT = Number(/export const COUNT_LIMIT = ([\d_]+);/.exec(PROVIDER)?.[1]?.replace(/_/g, ''));
if (!COUNT_LIMIT || !PROVIDER.includes('boundedCount(limit: ${COUNT_LIMIT}) { count exact }'))
  throw new Error('admin/src/dataProvider/graphqlDataProvider.ts no longer asks for boundedCount(limit: COUNT_LIMIT) { count exact }: update listDocument');
const COUNT_SELECTION = COUNT === 'total' ? 'totalCount' : `boundedCount(limit: ${COUNT_LIMIT}) { count exact }`;

/** graphqlDataProvider.ts fetchPage, verbatim (with --count total: totalCount instead of boundedCount). */
function listDocument(resource: string, role: Role): string {
  const definition = resourceFields[resource]!;
  const { type } = definition;
  const sortable = definition.sortable !== false;
  return `query ${resource}List($page: Int, $perPage: Int${sortable ? `, $sort: ${type}Sort` : ''}, $filter: ${type}Filter) {
  ${resource}(page: $page, perPage: $perPage${sortable ? ', sort: $sort' : ''}, filter: $filter) {
    nodes { ${selectionOf(definition, 'list', role)} }
    ${COUNT_SELECTION}
    pageInfo { hasNextPage hasPreviousPage }
  }
}`;
}

/** graphqlDataProvider.ts getOne. */
function showDocument(resource: string, role: Role): string {
  const definition = resourceFields[resource]!;
  const one = definition.one!;
  return `query ${one}($id: ID!) { ${one}(id: $id) { ${selectionOf(definition, 'show', role)} } }`;
}

interface Case {
  name: string;
  role: Role;
  query: string;
  variables: Record<string, unknown>;
}

function listCase(resource: string, role: Role, label: string, opts: { filter?: Record<string, unknown>; sort?: { field: string; order: 'ASC' | 'DESC' } | null; page?: number } = {}): Case {
  const d = resourceFields[resource]!;
  const variables: Record<string, unknown> = { page: opts.page ?? 1, perPage: 25, filter: opts.filter };
  if (d.sortable !== false) variables.sort = opts.sort === null ? undefined : (opts.sort ?? defaultSort(resource, d));
  return { name: `${resource}${label ? ` ${label}` : ''}`, role, query: listDocument(resource, role), variables };
}

async function buildCases(raw: Database['raw']): Promise<Case[]> {
  const one = async <T = Record<string, string>>(sql: string, params: unknown[] = []) => (await raw.query(sql, params)).rows[0] as T;
  const ids = {
    office: (await one(`select department_id::text as id from app_user where username = 'office'`)).id,
    dept: (await one(`select department_id::text as id from app_user where username = 'yjgl'`)).id,
  };
  const ctx: Record<Role, { department: string; task: string; pool: string; record: string; publication: string; result: string; target: string; targetName: string; uscc: string }> = {} as never;
  for (const role of ['OFFICE_ADMIN', 'DEPARTMENT_ADMIN'] as Role[]) {
    const dep = role === 'OFFICE_ADMIN' ? ids.office : ids.dept;
    // the department's largest task (by records), its largest pool, one of its records, publications and results
    const task = (await one(`select r.task_id::text as id from inspection_record r join task_participant p on p.task_id = r.task_id and p.department_id = $1::uuid
                               group by r.task_id order by count(*) desc, r.task_id limit 1`, [dep])).id!;
    const pool = (await one(`select m.pool_id::text as id from target_pool_member m join target_pool p on p.id = m.pool_id where p.department_id = $1::uuid
                               group by m.pool_id order by count(*) desc limit 1`, [dep])).id!;
    const rec = await one(`select r.id::text as id, t.id::text as target, t.name, t.uscc from inspection_record r join target t on t.id = r.target_id where r.task_id = $1::uuid order by r.id limit 1`, [task]);
    const pub = (await one(`select p.id::text as id from publication p where p.record_id = $1::uuid order by p.department_id = $2::uuid desc limit 1`, [rec.id, dep])).id!;
    const res = (await one(`select id::text as id from item_result where record_id = $1::uuid order by department_id = $2::uuid desc limit 1`, [rec.id, dep])).id!;
    ctx[role] = { department: dep, task, pool, record: rec.id!, publication: pub, result: res, target: rec.target!, targetName: rec.name!, uscc: rec.uscc! };
  }
  // (with --audit 0 there may be no such events: the audit cases then filter on ids that match nothing)
  const actor = (await one(`select actor_id as id from audit_event where actor_id is not null group by actor_id order by count(*) desc limit 1`))?.id ?? randomUUID();
  const entityId = (await one(`select entity_id as id from audit_event where entity = 'InspectionRecord' and entity_id is not null order by id desc limit 1`))?.id ?? randomUUID();
  const common = (await one<{ w: string }>(`select substr(name, 4, 2) as w from target where name like '海阳市%' group by 1 order by count(*) desc limit 1`)).w;

  const cases: Case[] = [];
  for (const role of ['OFFICE_ADMIN', 'DEPARTMENT_ADMIN'] as Role[]) {
    const c = ctx[role];
    // every list page as the console first opens it
    for (const resource of Object.keys(resourceFields)) cases.push(listCase(resource, role, ''));
    // targets: the searches and filters of TargetList.tsx
    cases.push(
      listCase('targets', role, `q=${common} (name contains, common)`, { filter: { q: common } }),
      listCase('targets', role, `q=${c.targetName.slice(3, 8)} (name contains, rare)`, { filter: { q: c.targetName.slice(3, 8) } }),
      listCase('targets', role, 'q=USCC prefix', { filter: { q: c.uscc.slice(0, 13) } }),
      listCase('targets', role, 'uscc exact', { filter: { uscc: c.uscc } }),
      listCase('targets', role, 'industryCode=C14 (prefix)', { filter: { industryCode: 'C14' } }),
      listCase('targets', role, 'regionCode=370687', { filter: { regionCode: '370687' } }),
      listCase('targets', role, 'riskClass=D', { filter: { riskClass: ['D'] } }),
      listCase('targets', role, 'poolId (largest pool)', { filter: { poolId: c.pool } }),
      listCase('targets', role, 'riskClass=D + industryCode=H62', { filter: { riskClass: ['D'], industryCode: 'H62' } }),
      listCase('targets', role, 'sort complaintCount DESC', { sort: { field: 'complaintCount', order: 'DESC' } }),
      listCase('targets', role, 'sort industryCode ASC', { sort: { field: 'industryCode', order: 'ASC' } }),
      listCase('targets', role, 'sort riskClass DESC', { sort: { field: 'riskClass', order: 'DESC' } }),
      listCase('targets', role, 'sort regionCode ASC', { sort: { field: 'regionCode', order: 'ASC' } }),
      listCase('targets', role, 'page 200', { page: 200 }),
      listCase('inspectionRecords', role, 'taskId', { filter: { taskId: c.task } }),
      listCase('inspectionRecords', role, 'departmentId', { filter: { departmentId: c.department } }),
      listCase('inspectionRecords', role, 'inspected 2026-07', { filter: { inspectedFrom: '2026-07-01', inspectedTo: '2026-07-31' } }),
      listCase('inspectionRecords', role, 'page 200', { page: 200 }),
      listCase('publications', role, 'departmentId', { filter: { departmentId: c.department } }),
      listCase('publications', role, 'published 2026-07', { filter: { publishedFrom: '2026-07-01T00:00:00+08:00', publishedTo: '2026-07-31T23:59:59+08:00' } }),
      listCase('publications', role, 'onTime=false', { filter: { onTime: false } }),
      listCase('itemResults', role, 'departmentId', { filter: { departmentId: c.department } }),
      listCase('itemResults', role, 'code 8,10', { filter: { code: [8, 10] } }),
      listCase('tasks', role, 'status PUBLISHED', { filter: { status: ['PUBLISHED'] } }),
      listCase('followUps', role, 'overdue', { filter: { overdue: true } }),
      listCase('followUps', role, 'departmentId', { filter: { departmentId: c.department } }),
      listCase('creditEvents', role, 'page 200', { page: 200 }),
    );
    if (role === 'OFFICE_ADMIN')
      cases.push(
        listCase('auditEvents', role, 'entity=InspectionRecord', { filter: { entity: 'InspectionRecord' } }),
        listCase('auditEvents', role, 'entity + entityId', { filter: { entity: 'InspectionRecord', entityId } }),
        listCase('auditEvents', role, 'actorId', { filter: { actorId: actor } }),
        listCase('auditEvents', role, 'one day', { filter: { from: '2025-03-03T00:00:00+08:00', to: '2025-03-03T23:59:59+08:00' } }),
        listCase('auditEvents', role, 'q=publish', { filter: { q: 'publish' } }),
        listCase('auditEvents', role, 'page 200', { page: 200 }),
      );
    // the public results (dashboard: latest 10; by task / department / month)
    const pr = (label: string, filter?: Record<string, unknown>, perPage = 25): Case => ({
      name: `publicResults${label}`,
      role,
      query: `query latestPublicResults($perPage: Int, $filter: PublicResultFilter) { publicResults(perPage: $perPage, filter: $filter) { nodes {
                 id taskCode taskName targetName targetUscc departmentName checkItemName code codeText correctedCode correctedCodeText correctedOn inspectedOn publishedAt } } }`,
      variables: { perPage, filter },
    });
    cases.push(
      pr(' (dashboard, latest 10)', undefined, 10),
      pr(' taskId', { taskId: c.task }),
      pr(' departmentId', { departmentId: c.department }),
      pr(' published 2026-07', { publishedFrom: '2026-07-01T00:00:00+08:00', publishedTo: '2026-07-31T23:59:59+08:00' }),
    );
    // show pages
    const show = (resource: string, id: string): Case => ({ name: `${resource} show`, role, query: showDocument(resource, role), variables: { id } });
    cases.push(
      show('targets', c.target),
      show('tasks', c.task),
      show('inspectionRecords', c.record),
      show('publications', c.publication),
      show('itemResults', c.result),
    );
    // the landing page's work queue
    cases.push({
      name: 'myWork (landing page)',
      role,
      query: `query myWork($limit: Int) { myWork(limit: $limit) { today totalCount overdueCount
                items { kind title entityType entityId taskId taskCode departmentId departmentName dueOn daysLeft overdue count } } }`,
      variables: { limit: 100 },
    });
  }
  return cases.filter((c) => !ONLY || new RegExp(ONLY).test(`${c.name} ${ROLE_LABEL[c.role]}`));
}

// ───────────────────────── measuring ─────────────────────────

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

/** An exact total, or (negative) "more than" a bounded count. */
const totalText = (t: number) => (t < 0 ? `> ${(-t).toLocaleString('en')}` : t.toLocaleString('en'));

interface Captured {
  query: string;
  params: string;
  duration: number;
}

async function main() {
  const { created } = await prepare();
  const db = useDatabase(await openDatabase({ url: dbUrl(DB_NAME), poolSize: 2 }));
  const counts = (await db.raw.query(`select (select count(*) from target)::int as targets, (select count(*) from inspection_record)::int as records,
      (select count(*) from item_result)::int as results, (select count(*) from publication)::int as publications, (select count(*) from audit_event)::int as audit,
      (select count(*) from credit_event)::int as credit, (select count(*) from draw_target)::int as "drawTargets", (select count(*) from follow_up)::int as "followUps",
      (select count(*) from task)::int as tasks, pg_size_pretty(pg_database_size(current_database())) as size`)).rows[0];
  log(`database ${DB_NAME}: ${JSON.stringify(counts)}`);
  const server = await startServer();
  let failed = 0;
  const results: { c: Case; p50: number; p99: number; max: number; statements: number; rows: number; total: number | null }[] = [];
  try {
    const cookies: Record<Role, string> = { OFFICE_ADMIN: await login('office', 'Office#2026demo'), DEPARTMENT_ADMIN: await login('yjgl', 'Yjgl#2026demo') };
    const cases = await buildCases(db.raw);
    const { yoga } = await import('../server/src/yoga.ts');
    const captured: Captured[] = [];
    (db.prisma as unknown as { $on(e: 'query', cb: (e: Captured) => void): void }).$on('query', (e) => captured.push({ query: e.query, params: e.params, duration: e.duration }));
    // raw SQL too (compiled reads and bounded counts go through the raw driver, not Prisma)
    const raw = db.raw as { query: (sql: string, params?: unknown[]) => Promise<unknown>; prepared?: (name: string, sql: string, params?: unknown[]) => Promise<unknown> };
    const rawQuery = raw.query.bind(raw);
    raw.query = async (sql, params) => {
      const t = performance.now();
      try {
        return await rawQuery(sql, params);
      } finally {
        captured.push({ query: sql, params: JSON.stringify(params ?? []), duration: performance.now() - t });
      }
    };
    if (raw.prepared) {
      const rawPrepared = raw.prepared.bind(raw);
      raw.prepared = async (name, sql, params) => {
        const t = performance.now();
        try {
          return await rawPrepared(name, sql, params);
        } finally {
          captured.push({ query: sql, params: JSON.stringify(params ?? []), duration: performance.now() - t });
        }
      };
    }
    log(`${cases.length} cases × (${WARMUP} warm-up + ${RUNS} timed), server on :${PORT} (NODE_ENV=production); load ${load()}`);
    for (const c of cases) {
      const body = JSON.stringify({ query: c.query, variables: c.variables });
      // SQL statements, in this process (the production server does not report them)
      captured.length = 0;
      const res = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', cookie: cookies[c.role] }, body });
      const counted = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[]; extensions?: { sqlStatements?: number }; data?: Record<string, any> };
      if (counted.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) continue; // not this role's page (the console hides it)
      const statements = counted.extensions?.sqlStatements ?? -1;
      const plans = EXPLAIN && new RegExp(EXPLAIN).test(`${c.name} ${ROLE_LABEL[c.role]}`) ? [...captured] : [];
      const times: number[] = [];
      let last: typeof counted | undefined;
      for (let i = 0; i < WARMUP + RUNS; i++) {
        const t = performance.now();
        const r = await post(body, cookies[c.role]);
        const ms = performance.now() - t;
        const parsed = JSON.parse(r.text) as typeof counted;
        if (r.status !== 200 || parsed.errors) {
          failed++;
          log(`FAILED ${c.name} (${ROLE_LABEL[c.role]}): ${r.status} ${r.text.slice(0, 300)}`);
          break;
        }
        if (i >= WARMUP) times.push(ms);
        last = parsed;
      }
      if (times.length < RUNS) continue;
      const field = last?.data ? Object.values(last.data)[0] : undefined;
      const rows = Array.isArray(field?.nodes) ? field.nodes.length : Array.isArray(field?.items) ? field.items.length : field ? 1 : 0;
      const total = typeof field?.totalCount === 'number' ? field.totalCount : field?.boundedCount ? (field.boundedCount.exact ? field.boundedCount.count : -field.boundedCount.count) : null;
      const r = { c, p50: percentile(times, 50), p99: percentile(times, 99), max: Math.max(...times), statements, rows, total };
      results.push(r);
      log(`${c.name.padEnd(58)} ${ROLE_LABEL[c.role].padEnd(6)} p50 ${r.p50.toFixed(0).padStart(5)}  p99 ${r.p99.toFixed(0).padStart(5)}  max ${r.max.toFixed(0).padStart(5)} ms  ` +
          `${statements} stmt  ${rows} rows${total != null ? ` of ${totalText(total)}` : ''}`);
      for (const q of plans) {
        const plan = await db.raw.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${q.query}`, JSON.parse(q.params) as unknown[]);
        console.log(`\n--- ${c.name} (${ROLE_LABEL[c.role]}), statement (${q.duration} ms in the counting run):\n${q.query}\n${JSON.stringify(JSON.parse(q.params)).slice(0, 400)}\n${plan.rows.map((x) => x['QUERY PLAN']).join('\n')}\n`);
      }
    }
  } finally {
    server.kill('SIGTERM');
    agent.destroy();
    await db.close();
    if (created && !EXISTING && !flag('keep')) await admin(`drop database if exists ${DB_NAME} with (force)`);
    else log(`database kept: ${DB_NAME}`);
  }
  console.log(`\n| page | as | p50 ms | p99 ms | max ms | SQL statements | rows (of total) |\n|---|---|---|---|---|---|---|`);
  for (const r of results)
    console.log(`| ${r.c.name} | ${ROLE_LABEL[r.c.role]} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.max.toFixed(0)} | ${r.statements} | ${r.rows}${r.total != null ? ` (${totalText(r.total)})` : ''} |`);
  log(`load average at the end: ${load()}; node ${process.version}, ${os.cpus().length} CPUs`);
  const over = BUDGET ? results.filter((r) => r.p99 > BUDGET) : [];
  if (BUDGET) log(over.length ? `${over.length} case(s) over p99 ${BUDGET} ms: ${over.map((r) => `${r.c.name} (${ROLE_LABEL[r.c.role]}) ${r.p99.toFixed(0)}`).join('; ')}` : `every case within p99 ${BUDGET} ms`);
  if (failed) log(`${failed} case(s) FAILED`);
  process.exit(failed ? 1 : over.length ? 2 : 0);
}

await main();
