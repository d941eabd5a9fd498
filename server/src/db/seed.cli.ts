// `pnpm db:seed [--targets N] [--scale N] [--records N] [--seed N]`: fills the database the server uses (DATABASE_URL → PostgreSQL,
// else PGlite at DATA_DIR or <repo>/data/pglite; migrations are applied on open) with the demo data set.
//   --targets N  targets in the base demo (default 5,000); ignored when the demo is already there
//   --scale N    afterwards, add N synthetic targets generated in SQL (load tests; 1,000,000 takes well under a minute
//                on PostgreSQL, see docs/BENCHMARKS.md)
//   --records N  afterwards, add N synthetic inspection records (with tasks, draws, results, publications, corrections
//                and follow-ups of 2023–2026) generated in SQL: the report benchmark's data (bench/report.ts)
//   --seed N     PRNG seed of the base demo (default 20220218): same seed, same data
import { defaultDataDir, openDatabase, useDatabase } from './database.ts';
import { seedDemoUsers } from '../modules/access/demo-users.ts';
import { addScaleRecords, addScaleTargets, DEFAULT_DEMO_TARGETS, DEFAULT_RNG_SEED, seedDemo } from './seed.ts';

const log = (msg: string) => console.log(`[seed] ${msg}`);

const USAGE = `usage: pnpm db:seed [--targets N] [--scale N] [--records N] [--seed N]
  --targets N  targets in the base demo (default ${DEFAULT_DEMO_TARGETS})
  --scale N    add N synthetic targets (generated in SQL) after the demo
  --records N  add N synthetic inspection records with results and publications (generated in SQL)
  --seed N     PRNG seed (default ${DEFAULT_RNG_SEED})
Database: DATABASE_URL (PostgreSQL) if set, else PGlite at DATA_DIR or <repo>/data/pglite.`;

function parseArgs(argv: string[]): { targets?: number; scale?: number; records?: number; seed?: number } {
  const out: { targets?: number; scale?: number; records?: number; seed?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const m = /^--(targets|scale|records|seed)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}\n${USAGE}`);
    const raw = m[2] ?? argv[++i];
    const value = Number(String(raw ?? '').replace(/[_,]/g, ''));
    if (raw === undefined || !Number.isSafeInteger(value) || value < 0) throw new Error(`--${m[1]} needs a non-negative integer`);
    out[m[1] as 'targets' | 'scale' | 'records' | 'seed'] = value;
  }
  return out;
}

/** Hides the password of a connection URL for printing. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL?.trim() || undefined;
  const t0 = performance.now();
  log(url ? `PostgreSQL ${redact(url)}` : `PGlite ${defaultDataDir()}`);
  const database = useDatabase(await openDatabase({ url, log: (m) => log(m) }));
  log(`opened in ${Math.round(performance.now() - t0)} ms`);
  try {
    const summary = await seedDemo(database, { targets: args.targets, rngSeed: args.seed, log });
    if (summary.skipped) {
      log(`demo data already present: skipped (${summary.ms} ms)`);
    } else {
      const { skipped: _skipped, ms, ...counts } = summary;
      log(`demo data written in ${ms} ms:`);
      for (const [k, v] of Object.entries(counts)) log(`  ${k.padEnd(18)} ${v}`);
      log(`demo accounts: ${await seedDemoUsers()} (passwords in README.md)`);
    }
    if (args.scale) {
      const scale = await addScaleTargets(database, args.scale, { log });
      const rate = Math.round(scale.added / (scale.ms / 1000));
      log(`scale: added ${scale.added} targets and ${scale.poolMembers} pool memberships in ${scale.ms} ms (${rate} targets/s)`);
    }
    if (args.records) {
      const r = await addScaleRecords(database, args.records, { log });
      log(`records: ${r.tasks} tasks, ${r.records} records, ${r.itemResults} item results, ${r.publications} publications, ${r.corrections} corrections, ${r.followUps} follow-ups in ${r.ms} ms`);
    }
  } finally {
    await database.close();
  }
  log(`done in ${Math.round(performance.now() - t0)} ms`);
}

main().catch((err: unknown) => {
  console.error(`[seed] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
