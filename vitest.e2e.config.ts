import { defineConfig } from 'vitest/config';

// Browser tests of the admin console (test/e2e/*.e2e.ts): the global setup builds the console and starts the
// real server on a free port with a fresh demo database; the tests drive Debian's Chromium with
// playwright-core. One file at a time: a browser and the server share the machine's two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
