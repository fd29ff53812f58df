import { Hono } from 'hono';
import { coreError } from '../core/errors';
import { runInBackground } from '../http/background';
import type { AppContext, AppEnv } from '../http/env';
import { assertCan, formProblem, parseForm, saidToViewer, shellProps } from '../http/pages';
import { contactError } from './errors';
import { parseContactMappingText } from './import';
import {
  createContactImport,
  listContactImports,
  MAX_CONTACT_IMPORT_CHARS,
  publicContactImport,
  runContactImport,
} from './import.service';
import { ImportPageForm } from './page-forms';
import { transferMessages as m } from './transfer.messages';
import { ContactImportsPage } from './views/imports-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHOWN_IMPORTS = 10;

async function renderImports(c: AppContext, status = 200, error?: string) {
  const actor = assertCan(c, 'contacts:write');
  const now = c.var.deps.clock();
  const rows = (await listContactImports(c.var.deps.db, actor.workspaceId)).slice(0, SHOWN_IMPORTS);
  const started = c.req.query('started');
  return c.html(
    <ContactImportsPage
      {...shellProps(c)}
      imports={rows.map((r) => ({ ...publicContactImport(r, now), rowErrors: r.errors }))}
      started={started && UUID.test(started) ? started : undefined}
      ok={started ? c.var.i18n.t(m.okStarted) : undefined}
      error={error}
    />,
    status as 200,
  );
}

/**
 * Contacts > Import: the same import the API queues (`POST /api/v1/contacts/import`), from a file chosen on the
 * page; it runs in the background and the page shows its progress and the rows it skipped. Export needs no page:
 * the list links the API's CSV (`GET /api/v1/contacts/export`) with its filters.
 */
export const contactTransferPages = new Hono<AppEnv>()
  .get('/contacts/imports', (c) => renderImports(c))
  .post('/contacts/imports', async (c) => {
    const actor = assertCan(c, 'contacts:write');
    const form = await parseForm(c, ImportPageForm);
    try {
      if (!form.ok) throw coreError('FORM_INVALID', { problem: form.message });
      // A browser posts an empty, nameless file when none was chosen.
      const file = form.data.file;
      if (!(file instanceof File) || file.size === 0) throw contactError('CONTACT_IMPORT_FILE_NOT_CHOSEN');
      if (file.size > MAX_CONTACT_IMPORT_CHARS) throw contactError('CONTACT_IMPORT_TOO_LARGE');
      const mapping = parseContactMappingText(form.data.map ?? '', (pair) => `"${pair}"`);
      const row = await createContactImport(c.var.deps.db, actor, {
        filename: file.name || 'contacts.csv',
        content: await file.text(),
        mapping,
      });
      runInBackground(c, runContactImport(c.var.deps, actor, row.id));
      // No #fragment: the page reloads itself while the import runs, and a browser treats a refresh to an address
      // with a fragment as a jump within the page, so it would never reload.
      return c.redirect(`/contacts/imports?started=${row.id}`, 303);
    } catch (err) {
      const e = formProblem(err);
      return renderImports(c, e.status, saidToViewer(c, e));
    }
  });
