// The CPU-heavy part of a draw, spread over worker threads: the tickets of every candidate (1,000,000 SHA-256 for a
// large target draw) and the first words of every (target, inspector) rank hash of an inspector draw (20,000 × 150).
// Each hash is independent, so the work splits into ranges; the workers write into SharedArrayBuffers, nothing is
// copied back. Small jobs stay on the main thread (starting a job costs more than it saves), and if workers cannot
// start (no tsx loader, a platform without threads) everything runs on the main thread: same functions, same result.
//
// Why threads and not SQL: PostgreSQL's sha256() costs several microseconds a row through the executor, and
// PGlite's is slower still; node:crypto costs a call per hash. The JS compression from the seed's midstate
// (draw.algorithm.ts) is the fastest single-threaded path, and threads multiply it by the cores (docs/DRAW.md).
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { computeTickets, inspectorRankKeys, type CandidateSet } from './draw.algorithm.ts';

/** Below this many hashes the main thread is faster than handing out work. */
const PARALLEL_THRESHOLD = 150_000;
const MAX_WORKERS = 4;

interface Job {
  op: 'tickets' | 'inspectorKeys';
  seed: string;
  from: number;
  to: number;
  /** tickets: USCC bytes; inspectorKeys: none */
  uscc?: SharedArrayBuffer;
  usccs?: string[];
  certs?: string[];
  out: SharedArrayBuffer;
}

interface PoolWorker {
  worker: Worker;
  busy: boolean;
}

let pool: PoolWorker[] | null | undefined; // undefined: not started; null: unavailable
let nextId = 0;
const pending = new Map<number, { resolve: () => void; reject: (e: unknown) => void; w: PoolWorker }>();

function workerCount(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.min(MAX_WORKERS, cores);
}

function startPool(): PoolWorker[] | null {
  const n = workerCount();
  if (n < 2 || process.env.DRAW_THREADS === '0') return null;
  try {
    // Running from TypeScript sources (tsx): a worker does not inherit the main thread's loader, so a tiny bootstrap
    // registers tsx in the worker and then imports the worker module.
    const fromSource = import.meta.url.endsWith('.ts');
    const url = new URL(fromSource ? './draw.worker.ts' : './draw.worker.js', import.meta.url);
    let tsxApi = 'tsx/esm/api';
    try {
      tsxApi = import.meta.resolve?.(tsxApi) ?? tsxApi;
    } catch {
      /* resolved by the worker from the working directory */
    }
    const entry = fromSource
      ? `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`
      : url;
    return Array.from({ length: n }, () => {
      const w: PoolWorker = { worker: fromSource ? new Worker(entry as string, { eval: true }) : new Worker(entry), busy: false };
      w.worker.unref();
      w.worker.on('message', (m: { id: number; error?: string }) => {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        w.busy = false;
        if (m.error) p.reject(new Error(m.error));
        else p.resolve();
      });
      // A worker that cannot run or stops: give up on threads for this process and fail its jobs (callers fall back).
      const fail = (err: unknown) => {
        pool = null;
        for (const [id, p] of pending) if (p.w === w) (pending.delete(id), p.reject(err));
      };
      w.worker.on('error', fail);
      w.worker.on('exit', (code) => fail(new Error(`draw worker exited with code ${code}`)));
      return w;
    });
  } catch {
    return null;
  }
}

/** Whether the worker threads are up (false: not started, unavailable, or failed — the main thread computes). */
export function drawWorkersActive(): boolean {
  return !!pool;
}

/** Starts the workers ahead of need (a commit calls this, so the reveal finds them warm). */
export function warmDrawWorkers(): void {
  if (pool === undefined) pool = startPool();
}

function run(w: PoolWorker, job: Job): Promise<void> {
  const id = ++nextId;
  w.busy = true;
  w.worker.ref();
  return new Promise<void>((resolve, reject) => {
    pending.set(id, { resolve, reject, w });
    w.worker.postMessage({ id, ...job });
  }).finally(() => {
    w.worker.unref();
  });
}

/** Splits [0, n) into one range per worker and runs them; false when threads are unavailable or fail. */
async function parallel(n: number, job: (from: number, to: number) => Job): Promise<boolean> {
  warmDrawWorkers();
  const workers = pool;
  if (!workers) return false;
  const step = Math.ceil(n / workers.length);
  try {
    await Promise.all(workers.map((w, k) => run(w, job(Math.min(n, k * step), Math.min(n, (k + 1) * step)))));
    return true;
  } catch {
    return false;
  }
}

/** SHA-256(seed + ":" + USCC) of every candidate, 8 words each. */
export async function computeTicketDigests(seed: string, set: CandidateSet): Promise<Int32Array> {
  if (set.n >= PARALLEL_THRESHOLD) {
    const uscc = new SharedArrayBuffer(set.uscc.length);
    new Uint8Array(uscc).set(set.uscc);
    const out = new SharedArrayBuffer(set.n * 32);
    if (await parallel(set.n, (from, to) => ({ op: 'tickets', seed, from, to, uscc, out }))) return new Int32Array(out);
  }
  const digests = new Int32Array(set.n * 8);
  computeTickets(seed, set.uscc, 0, set.n, digests);
  return digests;
}

/** First words of the rank hashes for targets (in processing order) × certificates; see matchInspectors. */
export async function computeInspectorKeys(seed: string, usccs: string[], certs: string[]): Promise<Int32Array> {
  const total = usccs.length * certs.length;
  if (total >= PARALLEL_THRESHOLD) {
    const out = new SharedArrayBuffer(total * 4);
    if (await parallel(usccs.length, (from, to) => ({ op: 'inspectorKeys', seed, from, to, usccs, certs, out }))) return new Int32Array(out);
  }
  const keys = new Int32Array(total);
  inspectorRankKeys(seed, usccs, certs, 0, usccs.length, keys);
  return keys;
}
