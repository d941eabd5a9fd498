// Ticket digests for a target draw's candidates: SHA-256(seed + ":" + USCC) for every candidate. This is the one
// CPU-heavy step of a draw (1,000,000 hashes), so it lives apart from the service: see docs/DRAW.md "Speed".
import { computeTickets, type CandidateSet } from './draw.algorithm.ts';

export async function computeTicketDigests(seed: string, set: CandidateSet): Promise<Int32Array> {
  const digests = new Int32Array(set.n * 8);
  computeTickets(seed, set.uscc, 0, set.n, digests);
  return digests;
}
