// `pnpm report:rollup --check`: compare the report rollup with the rows (the definition); exit 1 and list the first
// differences if they disagree. `pnpm report:rollup --rebuild [--task <id> …]`: recompute it (all tasks, or the
// given ones) in one transaction, then check. Idempotent; safe while servers run (docs/OPERATIONS.md). Run it after
// restoring a backup taken by other means than db:backup, or after loading records by SQL.
import { openDatabase, useDatabase } from '../../db/database.ts';
import { checkRollup, rebuildRollup } from './report.rollup.ts';

const args = process.argv.slice(2);
const rebuild = args.includes('--rebuild');
if (!rebuild && !args.includes('--check')) {
  console.error('usage: pnpm report:rollup --check | --rebuild [--task <task id> …]');
  process.exit(2);
}
const tasks = args.flatMap((a, i) => (a === '--task' && args[i + 1] ? [args[i + 1]!] : []));

const database = useDatabase(await openDatabase({ url: process.env.DATABASE_URL || undefined }));
try {
  if (rebuild) {
    const t = performance.now();
    const r = await rebuildRollup(database, tasks.length ? tasks : null);
    console.log(`report rollup rebuilt${tasks.length ? ` for ${tasks.length} task(s)` : ''} in ${Math.round(performance.now() - t)} ms: ${r.tasks} task rows, ${r.departments} task-department rows, ${r.items} task-item rows`);
  }
  const t = performance.now();
  const diff = await checkRollup(database.raw);
  if (!diff.length) console.log(`report rollup OK: equal to the rows (checked in ${Math.round(performance.now() - t)} ms)`);
  else {
    console.error(`report rollup DIFFERS from the rows in ${diff.length} row(s); first ones:`);
    for (const d of diff.slice(0, 20)) console.error(`  ${d.table} task ${d.taskId}${d.key ? ` / ${d.key}` : ''}: stored ${JSON.stringify(d.stored)}, rows ${JSON.stringify(d.computed)}`);
    console.error('repair: pnpm report:rollup --rebuild');
  }
  process.exitCode = diff.length ? 1 : 0;
} finally {
  await database.close();
}
