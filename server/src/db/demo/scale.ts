// addScaleTargets: n synthetic targets for load tests, generated inside the database (generate_series; the GB 32100
// check character computed in SQL) together with their pool memberships. See docs/BENCHMARKS.md for timings.
import type { Database } from '../database.ts';
import { USCC_ALPHABET } from '../../shared/uscc.ts';
import { ENTITY_PREFIX, SECTORS, type DemoIndustry, type DemoSector } from './sectors.ts';
import { GIVEN_FEMALE, GIVEN_MALE, REGIONS, SURNAMES, TRADE_FIRST, TRADE_SECOND } from './names.ts';
import { inTransaction, insertRows, pgArray, type SqlRunner, type SqlValue } from './sql.ts';
import { poolIndex } from './generate.ts';

export interface ScaleOptions {
  /** Rows per INSERT statement (default 100,000). */
  batchSize?: number;
  /**
   * Concurrent transactions on PostgreSQL (default 2: one per core of the reference machine; always 1 on PGlite).
   * They commit together: each waits until all have written their share, then all commit, or all roll back.
   */
  parallel?: number;
  log?: (message: string) => void;
}

export interface ScaleSummary {
  added: number;
  poolMembers: number;
  /** First and last sequence number used in the synthetic codes (…MC + 7 base-31 digits). */
  firstSeq: number;
  lastSeq: number;
  /** Foreign-key triggers were skipped (superuser; integrity holds by construction and is verified). */
  fastPath: boolean;
  parallel: number;
  ms: number;
}

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const VALUE = new Map([...USCC_ALPHABET].map((c, i) => [c, i] as const));

/** Weighted sum of the first 10 characters '9' + type + region + 'MC' (the rest is added in SQL). */
function prefixSum(first10: string): number {
  let s = 0;
  for (let i = 0; i < 10; i++) s += VALUE.get(first10[i]!)! * WEIGHTS[i]!;
  return s;
}

function decodeBase31(s: string): number {
  let n = 0;
  for (const c of s) n = n * 31 + VALUE.get(c)!;
  return n;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {}); // observed by whoever awaits it
  return { promise, resolve, reject };
}

interface ScalePlan {
  firstSeq: number;
  idPrefix: number;
  kindBuckets: number[];
  regionBuckets: number[];
  kindRows: SqlValue[][];
  regionRows: SqlValue[][];
  poolRows: SqlValue[][];
}

/** Reads the pools and the next free sequence number; everything else is static data. */
async function scalePlan(sql: SqlRunner, n: number): Promise<ScalePlan> {
  const poolRows = await sql.query<{ id: string; code: string; domain: string | null; parent_id: string | null }>(
    `SELECT p.id::text AS id, d.code, p.domain, p.parent_id::text AS parent_id FROM target_pool p JOIN department d ON d.id = p.department_id`,
  );
  if (!poolRows.length) throw new Error('addScaleTargets: no target pools; run seedDemo first');
  const pools = poolIndex(poolRows.map((p) => ({ id: p.id, departmentCode: p.code, name: '', domain: p.domain, parentId: p.parent_id })));

  // Kinds: sector × industry × registration type (enterprise / individual business / cooperative), weighted like the
  // demo, so that name words, industry code and business scope of a row agree.
  type Kind = { sector: DemoSector; industry: DemoIndustry; typeDigit: '1' | '2' | '3'; type: string; weight: number };
  const kinds: Kind[] = [];
  for (const s of SECTORS) {
    const industryTotal = s.industries.reduce((a, i) => a + i.weight, 0);
    for (const industry of s.industries) {
      const shares = { '1': 0, '2': 0, '3': 0 };
      for (const p of industry.names ?? s.names) {
        const digit = ENTITY_PREFIX[p.kind][0] === '9' ? (ENTITY_PREFIX[p.kind][1] as '1' | '2' | '3') : '1';
        shares[digit] += p.weight;
      }
      const total = shares['1'] + shares['2'] + shares['3'];
      for (const digit of ['1', '2', '3'] as const) {
        if (shares[digit] > 0) {
          const type = digit === '1' ? 'ENTERPRISE' : digit === '2' ? 'INDIVIDUAL_BUSINESS' : 'FARMER_COOPERATIVE';
          kinds.push({ sector: s, industry, typeDigit: digit, type, weight: (s.weight * (industry.weight / industryTotal) * shares[digit]) / total });
        }
      }
    }
  }
  // KIND_BUCKETS buckets → kind, and 100 buckets → region, proportional to weights.
  const buckets = (weights: number[], size: number) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const out: number[] = [];
    let acc = 0;
    weights.forEach((w, i) => {
      acc += w;
      const upto = Math.round((acc / total) * size);
      while (out.length < upto) out.push(i + 1);
    });
    return out;
  };
  const scalePools: SqlValue[][] = [];
  kinds.forEach((k, i) => {
    k.sector.pools.slice(0, 3).forEach((p, slot) => {
      const permille = slot === 0 ? 1000 : Math.round(p.p * 1000);
      scalePools.push([i + 1, slot, permille, pools.main.get(p.department)!]);
      const sub = pools.sub.get(`${p.department}|${k.sector.domain}`);
      if (sub) scalePools.push([i + 1, slot, permille, sub]);
    });
  });

  const [{ m }] = await sql.query<{ m: string | null }>(`SELECT max(substr(uscc, 11, 7)) AS m FROM target WHERE substr(uscc, 9, 2) = 'MC'`);
  const firstSeq = (m ? decodeBase31(m) : 0) + 1;
  if (firstSeq + n > 31 ** 7) throw new RangeError('synthetic code space exhausted');
  return {
    firstSeq,
    // Ids are UUIDv7-shaped: this call's start time, then the sequence number. Increasing ids keep the B-tree inserts
    // (target_pkey, target_pool_member) at the right edge, and let the membership statement recompute each target's
    // id from its sequence number instead of reading it back.
    idPrefix: Date.now(),
    kindBuckets: buckets(kinds.map((k) => k.weight), KIND_BUCKETS),
    regionBuckets: buckets(REGIONS.map((r) => r.weight), 100),
    kindRows: kinds.map((k, i) => [
      i + 1, k.typeDigit, k.type, k.industry.code, k.industry.scope, k.industry.words, k.industry.shops ?? k.sector.shops ?? ['商店'], k.sector.complaints,
    ]),
    regionRows: REGIONS.map((r, i) => [
      i + 1, r.code, r.city, r.addressPrefix, r.towns, r.roads, prefixSum(`91${r.code}MC`), prefixSum(`92${r.code}MC`), prefixSum(`93${r.code}MC`),
    ]),
    poolRows: scalePools,
  };
}

/** Per-transaction lookup tables for the generator (temporary: dropped at commit). */
async function createScaleTables(sql: SqlRunner, plan: ScalePlan): Promise<void> {
  await sql.execute(`CREATE TEMP TABLE scale_kind (
    k int PRIMARY KEY, type_digit text NOT NULL, type "TargetType" NOT NULL, code text NOT NULL, scope text NOT NULL,
    words text[] NOT NULL, shops text[] NOT NULL, complaints real NOT NULL) ON COMMIT DROP`);
  await sql.execute(`CREATE TEMP TABLE scale_region (
    r int PRIMARY KEY, code text NOT NULL, city text NOT NULL, prefix text NOT NULL, towns text[] NOT NULL, roads text[] NOT NULL,
    pre1 int NOT NULL, pre2 int NOT NULL, pre3 int NOT NULL) ON COMMIT DROP`);
  await sql.execute(`CREATE TEMP TABLE scale_pool (k int NOT NULL, slot int NOT NULL, permille int NOT NULL, pool_id uuid NOT NULL) ON COMMIT DROP`);
  await insertRows(
    sql,
    'scale_kind',
    [['k', 'int'], ['type_digit', 'text'], ['type', '"TargetType"'], ['code', 'text'], ['scope', 'text'], ['words', 'text[]'], ['shops', 'text[]'], ['complaints', 'real']],
    plan.kindRows,
  );
  await insertRows(
    sql,
    'scale_region',
    [['r', 'int'], ['code', 'text'], ['city', 'text'], ['prefix', 'text'], ['towns', 'text[]'], ['roads', 'text[]'], ['pre1', 'int'], ['pre2', 'int'], ['pre3', 'int']],
    plan.regionRows,
  );
  await insertRows(sql, 'scale_pool', [['k', 'int'], ['slot', 'int'], ['permille', 'int'], ['pool_id', 'uuid']], plan.poolRows);
}

/**
 * Adds n synthetic targets (valid, unique USCCs "9{1|2|3}{region}MC{7 base-31 digits}{check}") and their pool
 * memberships, generated inside the database from generate_series. Requires seedDemo first (it needs the pools).
 * All or nothing: one transaction, or on PostgreSQL `parallel` transactions that commit together.
 * As superuser the foreign-key triggers of the two tables are skipped for these rows (session_replication_role =
 * replica, transaction-local): the ids are derived from the sequence numbers, and the counts are verified before commit.
 */
export async function addScaleTargets(database: Database, n: number, opts: ScaleOptions = {}): Promise<ScaleSummary> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const batchSize = Math.max(1, opts.batchSize ?? 100_000);
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  const batches = Math.ceil(n / batchSize);
  const workers = database.kind === 'postgres' ? Math.max(1, Math.min(opts.parallel ?? 2, batches)) : 1;

  const planReady = deferred<ScalePlan>();
  const written = Array.from({ length: workers }, () => deferred<void>());
  const totals = { added: 0, members: 0, fast: false };
  const surnames = SURNAMES.flatMap(([s, w]) => Array<string>(w).fill(s));
  const given = [...GIVEN_MALE, ...GIVEN_FEMALE];

  const worker = (w: number) =>
    inTransaction(
      database,
      async (sql) => {
        try {
          // Worker 0 holds the seed lock and reads the plan; the others wait for it.
          if (w === 0) planReady.resolve(await scalePlan(sql, n));
          const plan = await planReady.promise;
          const [{ su }] = await sql.query<{ su: boolean }>(`SELECT current_setting('is_superuser') = 'on' AS su`);
          await sql.execute('SET LOCAL jit = off');
          if (su) await sql.execute('SET LOCAL session_replication_role = replica');
          totals.fast = su;
          await createScaleTables(sql, plan);
          for (let b = w; b < batches; b += workers) {
            const from = plan.firstSeq + b * batchSize;
            const to = Math.min(plan.firstSeq + n - 1, from + batchSize - 1);
            const tb = performance.now();
            const added = await sql.execute(SCALE_TARGETS_SQL, [
              from, to, pgArray(plan.kindBuckets), pgArray(plan.regionBuckets), pgArray(TRADE_FIRST), pgArray(TRADE_SECOND),
              pgArray(surnames), pgArray(given), USCC_ALPHABET, plan.idPrefix,
            ]);
            const tm = performance.now();
            const members = await sql.execute(SCALE_MEMBERS_SQL, [from, to, pgArray(plan.kindBuckets), plan.idPrefix]);
            const tv = performance.now();
            if (su) {
              // What the skipped foreign-key checks would have proved: the memberships of this batch point at ids made by
              // the same formula over the same range, so it suffices that all of those target rows are there (the
              // range holds nothing else: other ids differ in the version digit).
              const [v] = await sql.query<{ targets: number }>(SCALE_VERIFY_SQL, [from, to, plan.idPrefix]);
              if (v!.targets !== to - from + 1) throw new Error(`scale: batch ${from}–${to} failed verification`);
            }
            totals.added += added;
            totals.members += members;
            log(
              `scale[${w}]: ${from - plan.firstSeq + 1}–${to - plan.firstSeq + 1}: targets ${Math.round(tm - tb)} ms, ` +
                `pool members ${Math.round(tv - tm)} ms, checks ${Math.round(performance.now() - tv)} ms`,
            );
          }
          written[w]!.resolve();
        } catch (err) {
          planReady.reject(err);
          written[w]!.reject(err);
          throw err;
        }
        // Commit only when every worker has written its share; any failure rolls all back.
        await Promise.all(written.map((d) => d.promise));
        return (await planReady.promise).firstSeq;
      },
      w === 0,
    );

  const results = await Promise.allSettled(Array.from({ length: workers }, (_, w) => worker(w)));
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw (failure as PromiseRejectedResult).reason;
  const firstSeq = (results[0] as PromiseFulfilledResult<number>).value;
  // Fresh statistics for the draw queries, once every worker's rows are committed and visible.
  const ta = performance.now();
  await database.raw.exec('ANALYZE target; ANALYZE target_pool_member');
  log(`scale: analyze (${Math.round(performance.now() - ta)} ms)`);
  return {
    added: totals.added,
    poolMembers: totals.members,
    firstSeq,
    lastSeq: firstSeq + n - 1,
    fastPath: totals.fast,
    parallel: workers,
    ms: Math.round(performance.now() - t0),
  };
}

/** The id of synthetic target number s: UUIDv7 layout, 48-bit call timestamp ($ID) + version 7 + variant + s. */
const scaleId = (seq: string, prefixParam: string) =>
  `(lpad(to_hex(${prefixParam}::bigint), 12, '0') || '70008' || lpad(to_hex(${seq}), 15, '0'))::uuid`;

/** Kind (sector × industry × registration type) of synthetic target number s: one of KIND_BUCKETS weighted buckets ($3). */
const KIND_BUCKETS = 10_000;
const scaleKind = (seq: string) => `($3::int[])[1 + (abs(hashint8extended(${seq}, 5)) % ${KIND_BUCKETS})::int]`;

/**
 * One batch of synthetic targets, written straight from generate_series (no intermediate result). Every pseudo-random
 * choice is a slice of hashint8extended(seq, salt), so a row is a pure function of its sequence number.
 * USCC = '9' type region 'MC' + seq in 7 base-31 digits + check character; the weighted sum (GB 32100 weights) of the
 * fixed first 10 characters is precomputed per type and region (scale_region.pre1..3), the digits add theirs here.
 *   $1,$2 sequence range; $3 kind buckets (KIND_BUCKETS); $4 region buckets (100); $5,$6 trade-name characters;
 *   $7 surnames (repeated by weight); $8 given-name characters; $9 the GB 32100 alphabet; $10 id prefix (ms).
 */
const SCALE_TARGETS_SQL = `
INSERT INTO target (id, uscc, name, legal_representative, address, region_code, industry_code, business_scope, type, risk_class,
                    risk_class_base, on_abnormal_list, on_key_attention_list, complaint_count, serious_violation, status, established_on)
SELECT * FROM (
SELECT ${scaleId('g.s', '$10')},
       '9' || kd.type_digit || rg.code || 'MC'
         || substr($9, g.d0 + 1, 1) || substr($9, g.d1 + 1, 1) || substr($9, g.d2 + 1, 1) || substr($9, g.d3 + 1, 1)
         || substr($9, g.d4 + 1, 1) || substr($9, g.d5 + 1, 1) || substr($9, g.d6 + 1, 1)
         || substr($9, (31 - (CASE kd.type_digit WHEN '1' THEN rg.pre1 WHEN '2' THEN rg.pre2 ELSE rg.pre3 END
                              + g.d0 * 25 + g.d1 * 13 + g.d2 * 8 + g.d3 * 24 + g.d4 * 10 + g.d5 * 30 + g.d6 * 28) % 31) % 31 + 1, 1),
       CASE kd.type_digit
         WHEN '2' THEN rg.city || rg.towns[1 + ((g.h1 >> 40) & 1023)::int % array_length(rg.towns, 1)] || g.zh
                       || kd.shops[1 + ((g.h1 >> 30) & 1023)::int % array_length(kd.shops, 1)]
         WHEN '3' THEN rg.city || g.zh || kd.words[1 + ((g.h1 >> 20) & 1023)::int % array_length(kd.words, 1)] || '专业合作社'
         ELSE rg.city || g.zh || kd.words[1 + ((g.h1 >> 20) & 1023)::int % array_length(kd.words, 1)]
              || CASE WHEN ((g.h4 >> 24) & 1023) < 870 THEN '有限公司' WHEN ((g.h4 >> 24) & 1023) < 1000 THEN '有限责任公司' ELSE '股份有限公司' END
       END AS nm,
       ($7::text[])[1 + ((g.h2 >> 10) & 1023)::int % array_length($7::text[], 1)]
         || ($8::text[])[1 + ((g.h2 >> 20) & 1023)::int % array_length($8::text[], 1)]
         || CASE WHEN ((g.h2 >> 30) & 1023) % 10 < 7 THEN ($8::text[])[1 + ((g.h2 >> 40) & 1023)::int % array_length($8::text[], 1)] ELSE '' END,
       rg.prefix || rg.towns[1 + ((g.h1 >> 40) & 1023)::int % array_length(rg.towns, 1)]
         || rg.roads[1 + ((g.h1 >> 50) & 1023)::int % array_length(rg.roads, 1)] || (1 + ((g.h2 >> 50) & 1023) % 399) || '号',
       rg.code,
       kd.code,
       kd.scope,
       kd.type,
       g.risk::"RiskClass",
       g.risk::"RiskClass",
       ((g.h3 >> 10) & 1023) < CASE g.risk WHEN 'A' THEN 5 WHEN 'B' THEN 20 WHEN 'C' THEN 61 ELSE 123 END,
       ((g.h3 >> 20) & 1023) < CASE g.risk WHEN 'A' THEN 0 WHEN 'B' THEN 8 WHEN 'C' THEN 41 ELSE 123 END,
       CASE WHEN ((g.h3 >> 50) & 1023) < 1024 * least(0.9, 0.08 * kd.complaints * CASE g.risk WHEN 'A' THEN 0.4 WHEN 'B' THEN 0.9 WHEN 'C' THEN 1.6 ELSE 2.6 END)
            THEN 1 + floor(-ln(((g.h4 & 4095) + 1) / 4097.0) * 1.4)::int ELSE 0 END,
       ((g.h3 >> 30) & 1023) < CASE g.risk WHEN 'A' THEN 0 WHEN 'B' THEN 2 WHEN 'C' THEN 15 ELSE 92 END,
       (CASE WHEN ((g.h3 >> 40) & 1023) < 4 THEN 'DEREGISTERED' WHEN ((g.h3 >> 40) & 1023) < 12 THEN 'SUSPENDED' ELSE 'ACTIVE' END)::"TargetStatus",
       date '2016-01-04' + (((g.h4 >> 12) & 4095) % 2370)::int
FROM (
  SELECT s, h1, h2, h3, h4,
         ${scaleKind('s')} AS k,
         ($4::int[])[1 + (abs(hashint8extended(s, 6)) % 100)::int] AS r,
         ($5::text[])[1 + (h1 & 1023)::int % array_length($5::text[], 1)] || ($6::text[])[1 + ((h1 >> 10) & 1023)::int % array_length($6::text[], 1)] AS zh,
         CASE WHEN (h3 & 1023) * 100 / 1024 < 20 THEN 'A' WHEN (h3 & 1023) * 100 / 1024 < 75 THEN 'B'
              WHEN (h3 & 1023) * 100 / 1024 < 93 THEN 'C' ELSE 'D' END AS risk,
         ((s / 887503681) % 31)::int AS d0, ((s / 28629151) % 31)::int AS d1, ((s / 923521) % 31)::int AS d2,
         ((s / 29791) % 31)::int AS d3, ((s / 961) % 31)::int AS d4, ((s / 31) % 31)::int AS d5, (s % 31)::int AS d6
  FROM (SELECT s, hashint8extended(s, 1) AS h1, hashint8extended(s, 2) AS h2, hashint8extended(s, 3) AS h3, hashint8extended(s, 4) AS h4
        FROM generate_series($1::bigint, $2::bigint) AS s OFFSET 0) AS hashed
) AS g
JOIN scale_kind kd ON kd.k = g.k
JOIN scale_region rg ON rg.r = g.r
) AS q
-- Sorted by name (byte order = code-point order = the C.UTF-8 index order), so the name index is filled page by
-- page instead of at random: the part of the insert that does not stay at the right edge of an index.
ORDER BY q.nm COLLATE "C"`;

/**
 * Pool memberships of the same batch: each kind's first department always (slot 0), the next ones with their
 * probability; a department's sub-pool for the sector's domain shares its slot. $1,$2 range; $3 kind buckets; $4 id prefix.
 */
const SCALE_MEMBERS_SQL = `
INSERT INTO target_pool_member (pool_id, target_id)
SELECT p.pool_id, ${scaleId('g.s', '$4')}
FROM (SELECT s, ${scaleKind('s')} AS k FROM generate_series($1::bigint, $2::bigint) AS s) AS g
JOIN scale_pool p ON p.k = g.k
WHERE p.permille >= 1000 OR abs(hashint8extended(g.s, 100 + p.slot)) % 1000 < p.permille`;

/** Target rows in the batch's id range. $1,$2 range; $3 id prefix. */
const SCALE_VERIFY_SQL = `
SELECT count(*)::int AS targets FROM target WHERE id BETWEEN ${scaleId('$1::bigint', '$3')} AND ${scaleId('$2::bigint', '$3')}`;
