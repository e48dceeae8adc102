import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    // Builds the web app once before any test file runs, when its sources changed since the last build.
    globalSetup: ['packages/dashboard/test/global-setup.ts'],
    // better-sqlite3 is a native addon; child processes isolate it more predictably than threads.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    restoreMocks: true,
  },
});
