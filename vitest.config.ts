import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests run @realid/webhooks from its TypeScript sources, not its build (the condition is in its package.json).
const conditions = ['@realid/source', ...defaultServerConditions];

export default defineConfig({
  ssr: { resolve: { conditions } },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    // Builds the SDK, the server and the web app once before any test file runs, when their sources changed.
    globalSetup: ['tools/build/vitest-setup.ts'],
    // better-sqlite3 is a native addon; child processes isolate it more predictably than threads.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    restoreMocks: true,
  },
});
