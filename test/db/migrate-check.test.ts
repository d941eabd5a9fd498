// `pnpm db:migrate:check` (scripts/migrate-create.ts --check): no drift in the repository; drift detected
// when the schema gains a field no migration holds. Each run starts the WebAssembly schema engine and replays
// the migrations into an in-memory PGlite shadow database: ~10–30 s.
import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const script = path.join(repoRoot, 'scripts/migrate-create.ts');
const TIMEOUT = 180_000;

function runCheck(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, [script, '--check', ...args], { cwd: repoRoot, timeout: TIMEOUT - 10_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('db:migrate:check', () => {
  it('finds no drift between prisma/schema.prisma and prisma/migrations', { timeout: TIMEOUT }, async () => {
    const r = await runCheck();
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/No drift/);
    expect(r.code).toBe(0);
  });

  it('fails, printing the missing SQL, when the schema has an unmigrated field', { timeout: TIMEOUT }, async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'migrate-check-'));
    try {
      cpSync(path.join(repoRoot, 'prisma/migrations'), path.join(tmp, 'migrations'), { recursive: true });
      const schema = readFileSync(path.join(repoRoot, 'prisma/schema.prisma'), 'utf8');
      // A new optional column in the first model of the file.
      const changed = schema.replace(/^(model \w+ \{\n)/m, '$1  driftProbe String? @map("drift_probe")\n');
      expect(changed).not.toBe(schema);
      writeFileSync(path.join(tmp, 'schema.prisma'), changed);

      const r = await runCheck('--schema', path.join(tmp, 'schema.prisma'), '--migrations', path.join(tmp, 'migrations'));
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/Drift/);
      expect(r.stderr).toMatch(/ADD COLUMN\s+"drift_probe" TEXT/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
