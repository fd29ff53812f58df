import { resumableContactImportIds, runContactImport } from '../contacts';
import { failAbandonedUploads, resumableImportIds, runImport } from '../imports';
import type { ScheduledJob } from './job';

/** Picks up imports (of posts and of contacts) that were queued or cut short by a restart. */
export const resumeImportsJob: ScheduledJob<{ resumed: number }> = {
  id: 'resume-imports',
  name: 'Resume unfinished imports',
  cron: '* * * * *',
  async run(deps) {
    await failAbandonedUploads(deps.db, deps.clock());
    const ids = await resumableImportIds(deps.db, deps.clock());
    for (const id of ids) await runImport(deps, id);
    const contactIds = await resumableContactImportIds(deps.db, deps.clock());
    for (const id of contactIds) await runContactImport(deps, null, id);
    return { resumed: ids.length + contactIds.length };
  },
};
