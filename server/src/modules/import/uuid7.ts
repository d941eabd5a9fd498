// Time-ordered UUIDs (RFC 9562 version 7) for rows an import inserts. Random version-4 ids (gen_random_uuid())
// scatter 100,000 inserts across the whole primary-key B-tree; increasing ids append to its right edge, which
// measured ~30% faster on the import benchmark. They are still UUIDs: nothing may read meaning into them.
import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let seq = 0;
let prefix = '';
const pool = Buffer.alloc(8 * 4096);
let poolAt = pool.length;

/** A new version-7 UUID; strictly increasing within this process (12-bit sequence inside a millisecond). */
export function uuidv7(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    seq = 0;
    prefix = '';
  } else if (++seq > 0xfff) {
    lastMs++;
    seq = 0;
    prefix = '';
  }
  if (!prefix) {
    const ms = lastMs.toString(16).padStart(12, '0');
    prefix = `${ms.slice(0, 8)}-${ms.slice(8, 12)}-`;
  }
  if (poolAt >= pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const r = pool.subarray(poolAt, (poolAt += 8));
  const a = (0x7000 | seq).toString(16);
  const b = ((0x8000 | (r.readUInt16BE(0) & 0x3fff)) >>> 0).toString(16);
  const c = r.toString('hex', 2, 8);
  return `${prefix}${a}-${b}-${c}`;
}
