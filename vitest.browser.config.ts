import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for what a page does next; its 1 s default is a time budget a loaded machine misses.
    expect: { poll: { timeout: 30_000 } },
  },
});
