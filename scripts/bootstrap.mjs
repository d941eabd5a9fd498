#!/usr/bin/env node
// `npm start` / `npm test` on a machine with only Node and npm: brings pnpm (npx, pinned), installs the
// workspace, generates the Prisma client, builds the console, then starts the server or runs the tests.
// Plain JavaScript on purpose: it runs before anything is installed.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2] ?? 'start';
const PNPM_VERSION = '12.21.0';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts, env: { ...process.env, ...opts.env } });
  if (r.error) throw r.error;
  return r.status ?? 1;
}
function must(cmd, args, opts) {
  const code = run(cmd, args, opts);
  if (code !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${code})`);
    process.exit(code);
  }
}

function pnpm() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  const major = probe.status === 0 ? Number(probe.stdout.trim().split('.')[0]) : 0;
  if (major === 10 || major === 12) return ['pnpm', []];
  return ['npx', ['--yes', `pnpm@${PNPM_VERSION}`]];
}
const [pn, pnArgs] = pnpm();
const p = (...args) => must(pn, [...pnArgs, ...args]);

const mtime = (f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0);
const newest = (dir) => {
  let t = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const f = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(f) : mtime(f));
  }
  return t;
};

// 1. install (only when the lockfile changed since the last install) and generate the Prisma client.
const marker = path.join(root, 'node_modules', '.modules.yaml');
if (!fs.existsSync(marker) || mtime(path.join(root, 'pnpm-lock.yaml')) > mtime(marker) || process.env.CI) {
  p('install', '--frozen-lockfile');
}
if (!fs.existsSync(path.join(root, 'server/src/generated/prisma/client.ts')) || mtime(path.join(root, 'prisma/schema.prisma')) > mtime(path.join(root, 'server/src/generated/pothos-types.ts'))) {
  p('run', 'generate');
}

if (mode === 'start') {
  // 2. build the console when its sources are newer than the build.
  if (newest(path.join(root, 'admin/src')) > mtime(path.join(root, 'admin/dist/index.html'))) p('run', 'build:admin');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, stdio: 'inherit' });
  for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
  child.on('exit', (code) => process.exit(code ?? 0));
} else if (mode === 'test') {
  await runTests();
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}

function canConnect(url) {
  return new Promise((resolve) => {
    const u = new URL(url);
    const sock = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(1500, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

function vitest(label, env) {
  const out = path.join(root, 'test-results', `${label}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.rmSync(out, { force: true });
  console.log(`\n━━ API and service tests on ${label} ━━`);
  const code = run(pn, [...pnArgs, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`], { env });
  let passed = 0;
  let failed = 0;
  let files = 0;
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed = r.numPassedTests;
    // failed tests, plus test files that failed without running a test (an import or setup error)
    const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
    failed = r.numFailedTests + brokenFiles;
    files = r.testResults?.length ?? r.numTotalTestSuites;
  } else failed = 1;
  return { label, code, passed, failed, files };
}

async function runTests() {
  const results = [];
  results.push(vitest('PGlite', { DATABASE_URL: '' }));

  const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await canConnect(url)) {
    results.push(vitest('PostgreSQL', { DATABASE_URL: url }));
  } else if (process.env.CI) {
    console.error(`\n✗ CI: PostgreSQL is not reachable at ${new URL(url).host}; the PostgreSQL suite must run in CI.`);
    results.push({ label: 'PostgreSQL', code: 1, passed: 0, failed: 1, files: 0 });
  } else {
    console.log(
      `\n⚠ PostgreSQL suite SKIPPED: no server at ${new URL(url).host}.\n` +
        '  To run it: start PostgreSQL and set DATABASE_URL=postgres://user@host:5432/postgres (a role that may CREATE DATABASE).',
    );
  }

  console.log('\n━━ Summary ━━');
  for (const r of results) console.log(`${r.label}: ${r.passed} passed, ${r.failed} failed (${r.files} files)`);
  const passed = results.reduce((a, r) => a + r.passed, 0);
  const failed = results.reduce((a, r) => a + r.failed, 0);
  const bad = results.some((r) => r.code !== 0) || failed > 0;
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(bad ? 1 : 0);
}
