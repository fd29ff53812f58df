import { defineConfig } from 'vitest/config';

// Files that need a PostgreSQL server of their own to cut (not PGlite): part of the PostgreSQL run
// (TEST_DATABASE_URL=... npm test, as CI does), absent from the zero-setup run.
const POSTGRES_ONLY = ['tests/faults/database-cut.test.ts'];

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**', 'node_modules/**', ...(process.env.TEST_DATABASE_URL ? [] : POSTGRES_ONLY)],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Each file gets its own database; two workers match the two cores here.
    pool: 'forks',
    maxWorkers: 2,
    // Only a net for a test that hangs, never a time budget: on a loaded 2-core machine a test that
    // opens three PGlite databases can take a minute and is still right (timings: npm run bench).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // expect.poll waits for background work; its 1 s default is a time budget a loaded machine misses.
    expect: { poll: { timeout: 30_000 } },
  },
});
