// README command 1, as a process: the server starts on a new embedded database with demo data, answers GraphQL,
// and a restart keeps the data without seeding again. With DATABASE_URL, the same server on PostgreSQL (seeded with
// db:seed) answers the same queries.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/db/database.ts';
import { adminUrl } from '../helpers/global-setup.ts';
import { startServer, stop } from '../helpers/server-process.ts';

async function ask(url: string, query: string, cookie?: string) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ query }) });
  return { body: (await res.json()) as any, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

const COUNTS = `{ departments { totalCount } targets { totalCount } inspectors { totalCount } tasks { totalCount } calendarDays(year: 2024) { date } }`;

async function countsAsOffice(url: string) {
  const login = await ask(url, `mutation { login(username: "office", password: "Office#2026demo") { expiresAt } }`);
  expect(login.body.errors).toBeUndefined();
  const r = await ask(url, COUNTS, login.cookie);
  expect(r.body.errors).toBeUndefined();
  return r.body.data;
}

describe.skipIf(!!process.env.DATABASE_URL)('embedded database', () => {
  it('starts with demo data and keeps it across a restart', { timeout: 240_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-start-'));
    try {
      const first = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
      const before = await countsAsOffice(first.url);
      // every demo account but the analyst belongs to a department
      for (const [u, pw] of [['scjg', 'Scjg#2026demo'], ['yjgl', 'Yjgl#2026demo'], ['wjj', 'Wjj#2026demo'], ['inspector', 'Inspector#2026demo']]) {
        const l = await ask(first.url, `mutation { login(username: "${u}", password: "${pw}") { expiresAt } }`);
        const me = await ask(first.url, `{ me { role department { shortName } } }`, l.cookie);
        expect(me.body.data.me.department?.shortName, u).toBeTruthy();
      }
      expect(before.departments.totalCount).toBe(17);
      expect(before.targets.totalCount).toBeGreaterThanOrEqual(5000);
      expect(before.inspectors.totalCount).toBeGreaterThanOrEqual(120);
      expect(before.calendarDays.length).toBeGreaterThan(20);
      // a change made before the restart must survive it
      const login = await ask(first.url, `mutation { login(username: "office", password: "Office#2026demo") { expiresAt } }`);
      const created = await ask(first.url, `mutation { createApiKey(input: { name: "restart", scopes: [REPORTS_READ] }) { apiKey { id } } }`, login.cookie);
      expect(created.body.errors).toBeUndefined();
      await stop(first.child);

      const second = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
      expect(second.log()).not.toContain('demo data seeded');
      expect(await countsAsOffice(second.url)).toEqual(before);
      const keys = await ask(second.url, `{ apiKeys { name } }`, (await ask(second.url, `mutation { login(username: "office", password: "Office#2026demo") { expiresAt } }`)).cookie);
      expect(keys.body.data.apiKeys.map((k: any) => k.name)).toContain('restart');
      await stop(second.child);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL', () => {
  it('the same server on PostgreSQL answers the same queries', { timeout: 240_000 }, async () => {
    const url = process.env.DATABASE_URL!;
    const name = `ssj_start_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    try {
      const dbUrl = adminUrl(url, name);
      const seed = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/db/seed.cli.ts'], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: dbUrl }, encoding: 'utf8' });
      expect(seed.status, seed.stderr + seed.stdout).toBe(0);
      const server = await startServer({ DATABASE_URL: dbUrl });
      const counts = await countsAsOffice(server.url);
      expect(counts.departments.totalCount).toBe(17);
      expect(counts.targets.totalCount).toBeGreaterThanOrEqual(5000);
      await stop(server.child);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
