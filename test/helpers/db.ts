// Gives the calling test file its own fresh, migrated database (PGlite in memory, or a PostgreSQL database cloned
// from the run's template when DATABASE_URL is set) and makes it the process database for services and the API.
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, useDatabase, type Database } from '../../server/src/db/database.ts';
import { adminUrl } from './global-setup.ts';

export const onPostgres = !!process.env.DATABASE_URL;

export async function createTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `ssj_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    await admin.end();
    const database = await openDatabase({ url: adminUrl(url, name), migrate: false, poolSize: 5 });
    return Object.assign(database, {
      async drop() {
        await database.close();
        const a = new pg.Client({ connectionString: adminUrl(url) });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    });
  }
  const tarball = fs.readFileSync(inject('pgliteTemplate'));
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([tarball]), migrate: false });
  return Object.assign(database, { drop: () => database.close() });
}

/** Registers hooks that open a fresh database for this file and close it after; returns an accessor. */
export function useTestDatabase(): () => Database {
  let database: (Database & { drop(): Promise<void> }) | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    useDatabase(database);
  });
  afterAll(async () => {
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error('test database not ready');
    return database;
  };
}
