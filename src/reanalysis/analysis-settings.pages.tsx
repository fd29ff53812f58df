import { Hono } from 'hono';
import { confidenceThreshold } from '../accounts';
import { can } from '../core/roles';
import type { AppContext, AppEnv } from '../http/env';
import { assertCan, parseForm, requireStaffPage, shellProps } from '../http/pages';
import { AnalysisSettingsBody } from './confidence-threshold.input';
import { setConfidenceThreshold } from './confidence-threshold.service';
import { m } from './messages';
import { AnalysisSettingsPage } from './views/analysis-settings-page';

const formOptions = (c: AppContext) => ({ labels: { confidenceThreshold: c.var.i18n.t(m.threshold) } });

async function render(c: AppContext, status = 200, extra: { error?: string; value?: string } = {}) {
  const actor = assertCan(c, 'inbox:read');
  return c.html(
    <AnalysisSettingsPage
      {...shellProps(c)}
      threshold={await confidenceThreshold(c.var.deps.db, actor.workspaceId)}
      canManage={can(actor.role, 'settings:manage')}
      ok={c.req.query('ok') === 'saved' && !extra.error ? c.var.i18n.t(m.saved) : undefined}
      {...extra}
    />,
    status as 200,
  );
}

/** Settings > Analysis: the workspace's confidence threshold. */
export const analysisSettingsPages = new Hono<AppEnv>()
  .use('/settings/analysis', requireStaffPage)
  .get('/settings/analysis', (c) => render(c))
  .post('/settings/analysis', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const form = await parseForm(c, AnalysisSettingsBody, formOptions(c));
    if (!form.ok) return render(c, 422, { error: form.message, value: form.values.confidenceThreshold });
    await setConfidenceThreshold(c.var.deps.db, actor, form.data.confidenceThreshold, c.var.deps.clock());
    return c.redirect('/settings/analysis?ok=saved', 303);
  });
