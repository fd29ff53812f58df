import { Hono } from 'hono';
import { can } from '../core/roles';
import type { AppContext, AppEnv } from '../http/env';
import { assertCan, pageActor, parseForm, problemText, requireStaffPage, shellProps } from '../http/pages';
import { PasswordChangeBody, ProfileBody } from './profile.input';
import { profileMessages as m } from './profile.messages';
import { changeOwnPassword, profileOf, updateProfile } from './profile.service';
import { ProfilePage } from './views/profile-page';
import { WorkspaceSettingsPage } from './views/workspace-settings-page';
import { WorkspaceSettingsBody } from './workspace-settings.input';
import { updateWorkspaceSettings, workspaceSettings } from './workspaces.service';

async function renderProfile(c: AppContext, status = 200, extra: { ok?: string; error?: string } = {}) {
  const actor = pageActor(c);
  const profile = await profileOf(c.var.deps.db, actor.userId ?? '');
  // The signed-in workspace's defaults came with the session (authenticate): no second query.
  const ws = c.var.workspaceLocale ?? { language: 'en', timeZone: 'UTC' };
  return c.html(
    <ProfilePage
      {...shellProps(c)}
      profile={
        profile ?? {
          name: '',
          email: '',
          language: null,
          timeZone: null,
          keyboardShortcuts: true,
          afterTriage: 'next',
        }
      }
      workspace={{ language: ws.language, timeZone: ws.timeZone }}
      now={c.var.deps.clock()}
      ok={extra.ok ?? (c.req.query('ok') === 'saved' ? c.var.i18n.t(m.saved) : undefined)}
      error={extra.error}
    />,
    status as 200,
  );
}

async function renderWorkspace(c: AppContext, status = 200, extra: { error?: string } = {}) {
  const actor = assertCan(c, 'inbox:read');
  return c.html(
    <WorkspaceSettingsPage
      {...shellProps(c)}
      settings={await workspaceSettings(c.var.deps.db, actor.workspaceId)}
      canManage={can(actor.role, 'workspace:manage')}
      ok={c.req.query('ok') === 'saved' && !extra.error ? c.var.i18n.t(m.saved) : undefined}
      error={extra.error}
    />,
    status as 200,
  );
}

/**
 * Settings > Profile (everyone's own: name, language, time zone, password) and Settings > Workspace (its
 * name and its readers' defaults; owners change them). A saved language shows on the very next page.
 */
export const profilePages = new Hono<AppEnv>()
  .use('/settings/profile', requireStaffPage)
  .use('/settings/profile/*', requireStaffPage)
  .use('/settings/workspace', requireStaffPage)
  .get('/settings/profile', (c) => renderProfile(c))
  .post('/settings/profile', async (c) => {
    const actor = pageActor(c);
    const form = await parseForm(c, ProfileBody, { labels: { timeZone: c.var.i18n.t(m.timeZone) } });
    if (!form.ok) return renderProfile(c, 422, { error: form.message });
    await updateProfile(c.var.deps.db, actor, form.data);
    return c.redirect('/settings/profile?ok=saved', 303);
  })
  .post('/settings/profile/password', async (c) => {
    const actor = pageActor(c);
    const form = await parseForm(c, PasswordChangeBody, {
      labels: { currentPassword: c.var.i18n.t(m.currentPassword), newPassword: c.var.i18n.t(m.newPassword) },
    });
    if (!form.ok) return renderProfile(c, 422, { error: form.message });
    try {
      await changeOwnPassword(c.var.deps.db, actor, form.data, c.var.deps.passwordParams);
    } catch (err) {
      return renderProfile(c, 422, { error: problemText(c, err) });
    }
    // Every session of the login ended with the change, this one too.
    return c.redirect('/login', 303);
  })
  .get('/settings/workspace', (c) => renderWorkspace(c))
  .post('/settings/workspace', async (c) => {
    const actor = assertCan(c, 'workspace:manage');
    const form = await parseForm(c, WorkspaceSettingsBody, {
      labels: { name: c.var.i18n.t(m.workspaceName), timeZone: c.var.i18n.t(m.workspaceTimeZone) },
    });
    if (!form.ok) return renderWorkspace(c, 422, { error: form.message });
    await updateWorkspaceSettings(c.var.deps, actor, form.data);
    return c.redirect('/settings/workspace?ok=saved', 303);
  });
