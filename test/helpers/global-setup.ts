// Pays for initdb + migrations once per run: PGlite dumps a migrated database that every test file loads;
// on PostgreSQL a migrated template database is created and each file clones it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { PGlite } from '@electric-sql/pglite';
import { applyMigrations, pgRawDriver } from '../../server/src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string | null;
  }
}

export function adminUrl(url: string, database = 'postgres'): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-test-'));
  const file = path.join(dir, 'template.tar.gz');
  const db = await PGlite.create('memory://');
  await applyMigrations(db);
  const dump = await db.dumpDataDir('gzip');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', file);

  let template: string | null = null;
  const url = process.env.DATABASE_URL;
  if (url) {
    template = `ssj_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const client = new pg.Client({ connectionString: adminUrl(url, template) });
    await client.connect();
    await applyMigrations(pgRawDriver(client));
    await client.end();
    await admin.end();
  }
  project.provide('pgTemplate', template);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (url && template) {
      const admin = new pg.Client({ connectionString: adminUrl(url) });
      await admin.connect();
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    }
  };
}
