import { Hono } from 'hono';
import { runInBackground } from '../http/background';
import type { AppContext, AppEnv } from '../http/env';
import { coreError } from '../core/errors';
import { assertCan, formProblem, parseForm, requireStaffPage, saidToViewer, shellProps } from '../http/pages';
import { importError } from './errors';
import { ImportPageForm } from './import.input';
import { createImport, listImports, publicImport, runImport } from './import.service';
import { formatFromFilename, parseMappingText } from './parse';
import { ImportsPage } from './views/imports-page';

async function render(c: AppContext, status = 200, error?: string) {
  const actor = assertCan(c, 'settings:manage');
  const rows = await listImports(c.var.deps.db, actor.workspaceId);
  return c.html(
    <ImportsPage
      {...shellProps(c)}
      imports={rows.map((r) => ({ ...publicImport(r), errors: r.errors }))}
      error={error}
    />,
    status as 200,
  );
}

/** Settings > Imports: upload a file, watch its progress, read the bad rows. */
export const importPages = new Hono<AppEnv>()
  .use('/settings/imports', requireStaffPage)
  .get('/settings/imports', (c) => render(c))
  .post('/settings/imports', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const form = await parseForm(c, ImportPageForm);
    try {
      if (!form.ok && form.issue.path[0] !== 'file') throw coreError('FORM_INVALID', { problem: form.message });
      // A browser posts an empty, nameless file when none was chosen.
      const file = form.ok ? form.data.file : null;
      if (!form.ok || !(file instanceof File) || file.size === 0) throw importError('IMPORT_FILE_NOT_CHOSEN');
      const format = formatFromFilename(file.name) ?? 'csv';
      const mapping = parseMappingText(form.data.map ?? '');
      const row = await createImport(
        c.var.deps.db,
        actor,
        {
          filename: file.name,
          format,
          mapping,
          content: file.stream() as unknown as AsyncIterable<Uint8Array>,
          openConversations: form.data.inbox,
        },
        c.var.deps,
      );
      runInBackground(c, runImport(c.var.deps, row.id));
    } catch (err) {
      const e = formProblem(err);
      return render(c, e.status, saidToViewer(c, e));
    }
    return c.redirect('/settings/imports', 303);
  });
