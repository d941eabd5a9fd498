// Pieces the benchmark and fault scripts share: a seeded PRNG and synthetic targets generated in SQL.
import { readFileSync } from 'node:fs';

/** mulberry32: a small seeded PRNG returning numbers in [0, 1); the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// GB 32100: weights of positions 9–17 (the 9 body characters); the prefix "91370687" weighs 631.
const BODY_WEIGHTS = [20, 29, 25, 13, 8, 24, 10, 30, 28];
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const digit = (i: number) => `((g / ${31n ** BigInt(8 - i)}::bigint) % 31)::int`;

/**
 * INSERT of targets $1..$2 (a bigint range) from generate_series: valid USCCs "91370687" + 9 base-31 digits of the
 * sequence number + the GB 32100 check character (computed in SQL), names `${namePrefix}${n}`, risk classes
 * A 30 % / B 50 % / C 15 % / D 5 % (class and base class alike).
 */
export function targetsSql(namePrefix: string): string {
  return `
  insert into target (uscc, name, region_code, industry_code, risk_class, risk_class_base)
  select '91370687' || body || substr('${ALPHABET}', ((31 - (631 + wsum) % 31) % 31) + 1, 1),
         '${namePrefix.replace(/'/g, "''")}' || g, '370687', 'C1391', rc, rc
    from (select g,
                 ${BODY_WEIGHTS.map((_, i) => `substr('${ALPHABET}', ${digit(i)} + 1, 1)`).join(' || ')} as body,
                 ${BODY_WEIGHTS.map((w, i) => `${digit(i)} * ${w}`).join(' + ')} as wsum,
                 (case when ((g * 2654435761) % 1000003) % 100 < 30 then 'A' when ((g * 2654435761) % 1000003) % 100 < 80 then 'B'
                       when ((g * 2654435761) % 1000003) % 100 < 95 then 'C' else 'D' end)::"RiskClass" as rc
            from generate_series($1::bigint, $2::bigint) g) s`;
}

const TICK_MS = 1000 / 100; // USER_HZ on Linux

/** utime + stime of a process in ms (/proc/<pid>/stat fields 14 and 15), or null when it is gone or not on this machine. */
export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/**
 * A meter of the CPU ms the PostgreSQL backends of one database have used so far. Each backend ever seen counts with
 * its last reading, so a connection that closes between two readings does not make a difference negative.
 */
export function backendCpuMeter(query: (sql: string, params: unknown[]) => Promise<{ rows: { pid: number }[] }>, database: string): () => Promise<number> {
  const last = new Map<number, number>();
  return async () => {
    const { rows } = await query('select pid from pg_stat_activity where datname = $1', [database]);
    for (const { pid } of rows) {
      const ms = processCpuMs(pid);
      if (ms !== null) last.set(pid, ms);
    }
    let total = 0;
    for (const ms of last.values()) total += ms;
    return total;
  };
}
