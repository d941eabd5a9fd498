import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(new URL('./server/package.json', import.meta.url));

// Two projects:
// - api: the server's tests, on two databases: with DATABASE_URL unset every test file gets a fresh in-memory PGlite
//   cloned from a migrated template (test/helpers/global-setup.ts); with DATABASE_URL set (a PostgreSQL server), each
//   file gets its own database created from a migrated template database and dropped afterwards.
// - admin: the console's unit and component tests (admin/src/**/*.test.ts(x)) in jsdom (26: the last major that runs
//   on Node 20; a file may ask for `// @vitest-environment node`). They need no database, so they run in the PGlite
//   pass only, not again when DATABASE_URL points at PostgreSQL.
export default defineConfig({
  // graphql 16 has no exports map: Node (and so Pothos, Yoga) load its CommonJS build while Vite would pick the
  // "module" build for our files; two copies break instanceof checks. Pin every import to the one Node uses.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', '**/node_modules/**'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'api' } },
      ...(process.env.DATABASE_URL
        ? []
        : [
            {
              test: {
                name: 'admin',
                include: ['admin/src/**/*.test.{ts,tsx}'],
                environment: 'jsdom',
                setupFiles: ['admin/src/testing/setup.ts'],
                testTimeout: 30_000,
                pool: 'forks' as const,
              },
            },
          ]),
    ],
  },
});
