// A draw worker thread (draw.parallel.ts): computes a range of ticket digests or inspector rank keys into shared
// memory with the same pure functions the main thread uses.
import { parentPort } from 'node:worker_threads';
import { computeTickets, inspectorRankKeys } from './draw.algorithm.ts';

parentPort!.on('message', (m: { id: number; op: string; seed: string; from: number; to: number; uscc?: SharedArrayBuffer; usccs?: string[]; certs?: string[]; out: SharedArrayBuffer }) => {
  try {
    if (m.op === 'tickets') computeTickets(m.seed, new Uint8Array(m.uscc!), m.from, m.to, new Int32Array(m.out));
    else inspectorRankKeys(m.seed, m.usccs!, m.certs!, m.from, m.to, new Int32Array(m.out));
    parentPort!.postMessage({ id: m.id });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
