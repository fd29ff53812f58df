import { Hono } from 'hono';
import { baseUrl, clientKey } from '../http/request-origin';
import { clearSessionCookie, setSessionCookie } from '../http/cookies';
import type { AppContext, AppEnv } from '../http/env';
import { toAppError } from '../http/error-handler';
import type { MessageDescriptor } from '../core/i18n/translator';
import {
  assertCan,
  formProblem,
  pageActor,
  parseForm,
  pathId,
  requireStaffPage,
  safeNext,
  saidToViewer,
  shellProps,
} from '../http/pages';
import { CreateApiKey } from './api-keys.input';
import { accountError } from './errors';
import { createApiKey, listApiKeys, publicApiKey, revokeApiKey } from './api-keys.service';
import { InviteBody } from './invitations.input';
import { inviteUser, listInvitations, publicInvitation, revokeInvitation } from './invitations.service';
import { LoginBody, SwitchBody } from './login.input';
import { login, switchWorkspace } from './login.service';
import { assignableRoles, can } from '../core/roles';
import { createSession, revokeSession } from './sessions.service';
import { SetupBody } from './setup.input';
import { completeSetup, isSetupTokenValid } from './setup.service';
import { UpdateUser } from './users.input';
import { deleteUser, listUsers, publicUser, updateUser } from './users.service';
import { m } from './messages';
import { settingsWords as sw } from './settings.messages';
import { LoginPage, SetupInvalidPage, SetupPage } from './views/auth-pages';
import { ApiKeysPage, UsersPage } from './views/settings-pages';

/** The users list's role select: the API's user change, with the role required. */
const RoleForm = UpdateUser.pick({ role: true }).required();
const setupLabels = (c: AppContext) => {
  const { t } = c.var.i18n;
  return { workspaceName: t(m.workspaceName), name: t(m.yourName), email: t(m.email), password: t(m.password) };
};

const OK_MESSAGES: Record<string, MessageDescriptor> = {
  saved: m.usersSaved,
  removed: m.usersRemoved,
  revoked: m.invitationRevoked,
};

/** Startup pages (login, setup, logout) and Settings > Users and API keys. */
export const accountPages = new Hono<AppEnv>()
  .get('/login', (c) => {
    if (c.var.user) return c.redirect(safeNext(c.req.query('next')), 303);
    return c.html(<LoginPage next={safeNext(c.req.query('next'))} />);
  })
  .post('/login', async (c) => {
    const form = await parseForm(c, LoginBody);
    const next = safeNext(form.values.next);
    if (!form.ok) return c.html(<LoginPage next={next} error={c.var.i18n.t(m.loginMissing)} />, 422);
    const { deps } = c.var;
    try {
      const result = await login(
        deps.db,
        {
          email: form.data.email,
          password: form.data.password,
          ip: clientKey(c),
          userAgent: c.req.header('user-agent') ?? null,
        },
        { now: deps.clock(), sessionTtlMs: deps.settings.sessionTtlMs, passwordParams: deps.passwordParams },
      );
      setSessionCookie(c, result.session.token, result.session.expiresAt);
      return c.redirect(next, 303);
    } catch (err) {
      const e = toAppError(err);
      if (e.code !== 'INVALID_CREDENTIALS' && e.code !== 'TOO_MANY_LOGINS') throw err;
      if (e.retryAfter) c.header('Retry-After', String(e.retryAfter));
      return c.html(<LoginPage next={next} error={saidToViewer(c, e)} email={form.data.email} />, e.status as 401);
    }
  })
  .post('/logout', async (c) => {
    if (c.var.session) await revokeSession(c.var.deps.db, c.var.session.token);
    clearSessionCookie(c);
    return c.redirect('/login', 303);
  })
  .get('/setup', async (c) => {
    const token = c.req.query('token') ?? '';
    if (!(await isSetupTokenValid(c.var.deps.db, token, c.var.deps.clock()))) return c.html(<SetupInvalidPage />, 404);
    return c.html(<SetupPage token={token} />);
  })
  .post('/setup', async (c) => {
    const form = await parseForm(c, SetupBody, { labels: setupLabels(c) });
    const token = form.values.token ?? '';
    // The password is never sent back into the page.
    const { workspaceName = '', name = '', email = '' } = form.values;
    const values = { workspaceName, name, email };
    if (!form.ok) return c.html(<SetupPage token={token} error={form.message} values={values} />, 422);
    const { deps } = c.var;
    try {
      const { user } = await completeSetup(deps.db, token, form.data, deps.clock(), deps.passwordParams);
      // The owner just chose this password: sign them in without hashing it a second time.
      const session = await createSession(deps.db, user, {
        ttlMs: deps.settings.sessionTtlMs,
        now: deps.clock(),
        ip: deps.clientIp(c),
        userAgent: c.req.header('user-agent') ?? null,
      });
      setSessionCookie(c, session.token, session.expiresAt);
      return c.redirect('/inbox', 303);
    } catch (err) {
      const e = toAppError(err);
      if (e.code === 'SETUP_TOKEN_INVALID') return c.html(<SetupInvalidPage />, 422);
      if (e.code === 'EMAIL_TAKEN')
        return c.html(<SetupPage token={token} error={saidToViewer(c, e)} values={values} />, 409);
      throw err;
    }
  })
  .use('/settings', requireStaffPage)
  .use('/settings/*', requireStaffPage)
  .get('/settings', (c) => c.redirect('/settings/sources', 303))
  .get('/settings/users', async (c) => {
    const ok = OK_MESSAGES[c.req.query('ok') ?? ''];
    return renderUsers(c, 200, { ok: ok && c.var.i18n.t(ok) });
  })
  .post('/settings/users', async (c) => {
    const actor = assertCan(c, 'users:manage');
    const form = await parseForm(c, InviteBody);
    if (!form.ok) return renderUsers(c, 422, { error: form.message });
    try {
      const { deps } = c.var;
      const opts = { now: deps.clock(), baseUrl: baseUrl(c) };
      const { invitation, link } = await inviteUser(deps, actor, form.data, opts);
      // Rendered directly (not redirected): a shown link must never sit in a URL or a flash store.
      const ok = c.var.i18n.t(link ? m.invitationMade : m.invitationSent, { email: invitation.email });
      return renderUsers(c, 201, { ok, link });
    } catch (err) {
      const e = formProblem(err);
      return renderUsers(c, e.status, { error: saidToViewer(c, e) });
    }
  })
  .post('/settings/users/invitations/:id/revoke', async (c) => {
    const actor = assertCan(c, 'users:manage');
    const id = pathId(c, 'invitation');
    return attempt(c, () => revokeInvitation(c.var.deps.db, actor, id), 'revoked');
  })
  .post('/settings/users/:id', async (c) => {
    const actor = assertCan(c, 'users:manage');
    const id = pathId(c);
    const form = await parseForm(c, RoleForm);
    if (!form.ok) return renderUsers(c, 422, { error: form.message });
    return attempt(c, () => updateUser(c.var.deps.db, actor, id, { role: form.data.role }), 'saved');
  })
  .post('/settings/users/:id/delete', async (c) => {
    const actor = assertCan(c, 'users:manage');
    const id = pathId(c);
    return attempt(c, () => deleteUser(c.var.deps.db, actor, id), 'removed');
  })
  .post('/switch-workspace', requireStaffPage, async (c) => {
    const form = await parseForm(c, SwitchBody);
    const actor = pageActor(c);
    const session = c.var.session;
    if (!form.ok || !session || !actor.userId) throw accountError('WORKSPACE_NOT_FOUND');
    const { deps } = c.var;
    const current = { userId: actor.userId, token: session.token };
    const r = await switchWorkspace(deps.db, current, form.data.workspaceId, {
      now: deps.clock(),
      sessionTtlMs: deps.settings.sessionTtlMs,
      ip: deps.clientIp(c),
      userAgent: c.req.header('user-agent') ?? null,
    });
    setSessionCookie(c, r.session.token, r.session.expiresAt);
    return c.redirect('/inbox', 303);
  })
  .get('/settings/api-keys', async (c) =>
    renderKeys(c, 200, c.req.query('ok') === 'revoked' ? { ok: c.var.i18n.t(sw.keyRevoked) } : {}),
  )
  .post('/settings/api-keys', async (c) => {
    const actor = assertCan(c, 'api-keys:manage');
    const form = await parseForm(c, CreateApiKey, { labels: { name: c.var.i18n.t(m.keysName) } });
    if (!form.ok) return renderKeys(c, 422, { error: form.message });
    try {
      const { key } = await createApiKey(c.var.deps.db, actor, form.data);
      // Rendered directly (not redirected) so the secret never sits in a URL or a flash store.
      return renderKeys(c, 201, { newKey: key });
    } catch (err) {
      const e = formProblem(err);
      return renderKeys(c, e.status, { error: saidToViewer(c, e) });
    }
  })
  .post('/settings/api-keys/:id/revoke', async (c) => {
    const actor = assertCan(c, 'api-keys:manage');
    await revokeApiKey(c.var.deps.db, actor, pathId(c), c.var.deps.clock());
    return c.redirect('/settings/api-keys?ok=revoked', 303);
  });

/** Runs a change; success redirects (post/redirect/get), a domain error re-renders with its message. */
async function attempt(c: AppContext, change: () => Promise<unknown>, ok: string) {
  try {
    await change();
    return c.redirect(`/settings/users?ok=${ok}`, 303);
  } catch (err) {
    const e = formProblem(err);
    return renderUsers(c, e.status, { error: saidToViewer(c, e) });
  }
}

interface UsersFlash {
  ok?: string | undefined;
  error?: string;
  /** An invitation link to show this once (no SMTP). */
  link?: string | null;
}

async function renderUsers(c: AppContext, status: number, flash: UsersFlash) {
  const actor = assertCan(c, 'users:read');
  const { db, clock } = c.var.deps;
  const canManage = can(actor.role, 'users:manage');
  const users = await listUsers(db, actor.workspaceId);
  const invitations = canManage ? await listInvitations(db, actor.workspaceId, clock()) : [];
  return c.html(
    <UsersPage
      {...shellProps(c)}
      users={users.map(publicUser)}
      invitations={invitations.map(publicInvitation)}
      canManage={canManage}
      grantable={assignableRoles(actor.role)}
      defaultLanguage={c.var.workspaceLocale?.language}
      ok={flash.ok}
      error={flash.error}
      link={flash.link ?? undefined}
    />,
    status as 200,
  );
}

async function renderKeys(c: AppContext, status: number, extra: { newKey?: string; ok?: string; error?: string }) {
  const actor = assertCan(c, 'api-keys:manage');
  const keys = await listApiKeys(c.var.deps.db, actor.workspaceId);
  return c.html(
    <ApiKeysPage
      {...shellProps(c)}
      keys={keys.map(publicApiKey)}
      newKey={extra.newKey}
      ok={extra.ok}
      error={extra.error}
    />,
    status as 200,
  );
}
