import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The tests `npm run test:mutation` (Stryker) runs against each mutant: the ones that exercise the mutated
 * files (stryker.config.json). A standalone list, not merged with the base include, so the whole suite
 * (start-up, browser, faults) is not re-run for every mutant.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: [
      'src/inbox/sla.test.ts',
      'tests/api/inbox.test.ts',
      'tests/reports/*.test.ts',
      'tests/api/replies.test.ts',
      'tests/api/csrf-and-headers.test.ts',
      'tests/community/*.test.ts',
      'tests/listening/poller.test.ts',
      'tests/listening/poll-jobs.test.ts',
      'tests/api/listening-api.test.ts',
      // The poller's fault handling (bogus and partial answers, trickling platforms, leases); the
      // kill -9 tests spawn whole processes and stay out of the per-mutant runs.
      'tests/faults/bogus-answers.test.ts',
      'tests/faults/partial-answers.test.ts',
      'tests/faults/slow-answers.test.ts',
      'tests/faults/leases.test.ts',
      'tests/api/contacts.test.ts',
      'tests/api/contacts-pages.test.ts',
      'tests/api/workspace-isolation.test.ts',
    ],
  },
});
