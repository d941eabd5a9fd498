// Standalone verifier of a draw's evidence (docs/DRAW.md): recomputes commitment, candidate hash, parameters,
// seed, selection (or teams) and result hash from the evidence file alone — no database, no server, and no project
// code but the pure algorithm file draw.algorithm.ts (which needs only node:crypto).
//
//   pnpm verify-draw evidence.json        # the drawEvidence JSON, or a whole GraphQL response holding it
//   pnpm verify-draw - < evidence.json
//
// Prints "OK" (exit 0) or the first mismatch (exit 1); exit 2 when the file cannot be read.
import fs from 'node:fs';
import { verifyEvidence, type DrawEvidence } from '../src/modules/draw/draw.algorithm.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: verify-draw <evidence.json | ->\n');
  process.exit(2);
}
let evidence: DrawEvidence;
try {
  const parsed = JSON.parse(fs.readFileSync(file === '-' ? 0 : file, 'utf8'));
  evidence = parsed?.data?.drawEvidence ?? parsed?.drawEvidence ?? parsed;
} catch (e) {
  process.stderr.write(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
const verdict = verifyEvidence(evidence);
if (verdict.ok) {
  process.stdout.write('OK\n');
  process.stderr.write(`${evidence.draw?.kind ?? ''} draw ${evidence.draw?.id ?? ''} (${evidence.draw?.status ?? ''}): ${verdict.summary}\n`);
  process.exit(0);
}
process.stdout.write(`MISMATCH ${verdict.mismatch}\n`);
process.exit(1);
