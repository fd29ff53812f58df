import { Hono } from 'hono';
import { AppError } from '../core/errors';
import { runInBackground } from '../server/background';
import type { AppContext, AppEnv } from '../server/env';
import { toAppError } from '../server/error-handler';
import { assertCan, requireStaffPage, shellProps } from '../server/pages';
import { createImport, listImports, publicImport, runImport } from './import.service';
import { type ColumnMapping, IMPORT_FIELDS } from './parse';
import { ImportsPage } from './views/imports-page';

async function render(c: AppContext, status = 200, error?: string) {
  const actor = assertCan(c, 'settings:manage');
  const rows = await listImports(c.var.deps.db, actor.workspaceId);
  return c.html(<ImportsPage {...shellProps(c)} imports={rows.map(publicImport)} error={error} />, status as 200);
}

/** "text=Message, createdAt=Date" -> { text: 'Message', createdAt: 'Date' }. */
export function parseMappingText(text: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [field, ...rest] = pair.split('=');
    const column = rest.join('=').trim();
    if (!field || !column || !(IMPORT_FIELDS as readonly string[]).includes(field.trim())) {
      throw new AppError('VALIDATION_FAILED', `Mapping "${pair}": use field=column with a field from: ${IMPORT_FIELDS.join(', ')}`);
    }
    mapping[field.trim() as keyof ColumnMapping] = column;
  }
  return mapping;
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
      if (!(file instanceof File) || file.size === 0) throw new AppError('VALIDATION_FAILED', 'Choose a file to import');
      const format = /\.jsonl?$|\.ndjson$/i.test(file.name) ? 'jsonl' : 'csv';
      const mapping = parseMappingText(typeof body.map === 'string' ? body.map : '');
      const row = await createImport(c.var.deps.db, actor, { filename: file.name, format, mapping, content: await file.text() });
      runInBackground(c, runImport(c.var.deps, row.id));
    } catch (err) {
      const e = toAppError(err);
      if (e.status >= 500) throw err;
      return render(c, e.status, e.message);
    }
    return c.redirect('/settings/imports', 303);
  });
