import { Hono } from 'hono';
import { AppError } from '../core/errors';
import { runInBackground } from '../http/background';
import type { AppContext, AppEnv } from '../http/env';
import { assertCan, formProblem, requireStaffPage, shellProps } from '../http/pages';
import { createImport, listImports, publicImport, runImport } from './import.service';
import { formatFromFilename, parseMappingText } from './parse';
import { ImportsPage } from './views/imports-page';

async function render(c: AppContext, status = 200, error?: string) {
  const actor = assertCan(c, 'settings:manage');
  const rows = await listImports(c.var.deps.db, actor.workspaceId);
  return c.html(<ImportsPage {...shellProps(c)} imports={rows.map(publicImport)} error={error} />, status as 200);
}

/** Settings > Imports: upload a file, watch its progress, read the bad rows. */
export const importPages = new Hono<AppEnv>()
  .use('/settings/imports', requireStaffPage)
  .get('/settings/imports', (c) => render(c))
  .post('/settings/imports', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const body = await c.req.parseBody();
    const file = body.file;
    try {
      if (!(file instanceof File) || file.size === 0)
        throw new AppError('VALIDATION_FAILED', 'Choose a file to import');
      const format = formatFromFilename(file.name) ?? 'csv';
      const mapping = parseMappingText(typeof body.map === 'string' ? body.map : '');
      const row = await createImport(
        c.var.deps.db,
        actor,
        {
          filename: file.name,
          format,
          mapping,
          content: file.stream() as unknown as AsyncIterable<Uint8Array>,
          openConversations: body.inbox === 'on',
        },
        c.var.deps,
      );
      runInBackground(c, runImport(c.var.deps, row.id));
    } catch (err) {
      const e = formProblem(err);
      return render(c, e.status, e.message);
    }
    return c.redirect('/settings/imports', 303);
  });
