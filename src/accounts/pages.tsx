import { Hono } from 'hono';
import { z } from 'zod';
import { baseUrl, clientKey } from '../http/request-origin';
import { notFound } from '../core/errors';
import { clearSessionCookie, setSessionCookie } from '../http/cookies';
import type { AppContext, AppEnv } from '../http/env';
import { toAppError } from '../http/error-handler';
import {
  assertCan,
  formProblem,
  pageActor,
  parseForm,
  pathId,
  requireStaffPage,
  safeNext,
  shellProps,
} from '../http/pages';
import { createApiKey, listApiKeys, publicApiKey, revokeApiKey } from './api-keys.service';
import { InviteBody } from './invitations.input';
import { inviteUser, listInvitations, publicInvitation, revokeInvitation } from './invitations.service';
import { login, switchWorkspace } from './login.service';
import { assignableRoles, can } from '../core/roles';
import { ROLES } from '../core/roles';
import { createSession, revokeSession } from './sessions.service';
import { completeSetup, isSetupTokenValid } from './setup.service';
import { deleteUser, listUsers, publicUser, updateUser } from './users.service';
import { LoginPage, SetupInvalidPage, SetupPage } from './views/auth-pages';
import { ApiKeysPage, UsersPage } from './views/settings-pages';

const LoginForm = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
  next: z.string().optional(),
});
const SetupForm = z.object({
  token: z.string().min(1).max(200),
  workspaceName: z.string().trim().min(1, 'required').max(80),
  name: z.string().trim().max(120).optional(),
  email: z.email().max(254),
  password: z.string().min(12, 'at least 12 characters').max(1024),
});
const RoleForm = z.object({ role: z.enum(ROLES) });
const SwitchForm = z.object({ workspaceId: z.uuid() });
const NewKeyForm = z.object({
  name: z.string().trim().min(1, 'required').max(80),
  role: z.enum(['admin', 'agent', 'analyst']),
});

const OK_MESSAGES: Record<string, string> = {
  saved: 'Changes saved.',
  removed: 'User removed.',
  revoked: 'Invitation revoked.',
};

/** Startup pages (login, setup, logout) and Settings > Users and API keys. */
export const accountPages = new Hono<AppEnv>()
  .get('/login', (c) => {
    if (c.var.user) return c.redirect(safeNext(c.req.query('next')), 303);
    return c.html(<LoginPage next={safeNext(c.req.query('next'))} />);
  })
  .post('/login', async (c) => {
    const form = await parseForm(c, LoginForm);
    if (!form.ok) return c.html(<LoginPage next="/inbox" error="Enter your email and password." />, 422);
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
      return c.redirect(safeNext(form.data.next), 303);
    } catch (err) {
      const e = toAppError(err);
      if (e.code !== 'INVALID_CREDENTIALS' && e.code !== 'RATE_LIMITED') throw err;
      if (e.retryAfter) c.header('Retry-After', String(e.retryAfter));
      return c.html(
        <LoginPage next={safeNext(form.data.next)} error={e.message} email={form.data.email} />,
        e.status as 401,
      );
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
    const body = await c.req.parseBody();
    const form = await parseForm(c, SetupForm);
    const token = typeof body.token === 'string' ? body.token : '';
    const values = {
      workspaceName: String(body.workspaceName ?? ''),
      name: String(body.name ?? ''),
      email: String(body.email ?? ''),
    };
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
      if (e.code === 'EMAIL_TAKEN') return c.html(<SetupPage token={token} error={e.message} values={values} />, 409);
      throw err;
    }
  })
  .use('/settings', requireStaffPage)
  .use('/settings/*', requireStaffPage)
  .get('/settings', (c) => c.redirect('/settings/sources', 303))
  .get('/settings/users', async (c) => renderUsers(c, 200, { ok: OK_MESSAGES[c.req.query('ok') ?? ''] }))
  .post('/settings/users', async (c) => {
    const actor = assertCan(c, 'users:manage');
    const form = await parseForm(c, InviteBody);
    if (!form.ok) return renderUsers(c, 422, { error: form.message });
    try {
      const { deps } = c.var;
      const opts = { now: deps.clock(), baseUrl: baseUrl(c) };
      const { invitation, link } = await inviteUser(deps, actor, form.data, opts);
      // Rendered directly (not redirected): a shown link must never sit in a URL or a flash store.
      const ok = link ? `Invitation made for ${invitation.email}.` : `Invitation sent to ${invitation.email}.`;
      return renderUsers(c, 201, { ok, link });
    } catch (err) {
      const e = formProblem(err);
      return renderUsers(c, e.status, { error: e.message });
    }
  })
  .post('/settings/users/invitations/:id/revoke', async (c) => {
    const actor = assertCan(c, 'users:manage');
    const id = pathId(c, 'Invitation');
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
    const form = await parseForm(c, SwitchForm);
    const actor = pageActor(c);
    const session = c.var.session;
    if (!form.ok || !session || !actor.userId) throw notFound('Workspace');
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
  .get('/settings/api-keys', async (c) => renderKeys(c, 200, {}))
  .post('/settings/api-keys', async (c) => {
    const actor = assertCan(c, 'api-keys:manage');
    const form = await parseForm(c, NewKeyForm);
    if (!form.ok) return renderKeys(c, 422, { error: form.message });
    try {
      const { key } = await createApiKey(c.var.deps.db, actor, form.data);
      // Rendered directly (not redirected) so the secret never sits in a URL or a flash store.
      return renderKeys(c, 201, { newKey: key });
    } catch (err) {
      const e = formProblem(err);
      return renderKeys(c, e.status, { error: e.message });
    }
  })
  .post('/settings/api-keys/:id/revoke', async (c) => {
    const actor = assertCan(c, 'api-keys:manage');
    await revokeApiKey(c.var.deps.db, actor, pathId(c), c.var.deps.clock());
    return c.redirect('/settings/api-keys', 303);
  });

/** Runs a change; success redirects (post/redirect/get), a domain error re-renders with its message. */
async function attempt(c: AppContext, change: () => Promise<unknown>, ok: string) {
  try {
    await change();
    return c.redirect(`/settings/users?ok=${ok}`, 303);
  } catch (err) {
    const e = formProblem(err);
    return renderUsers(c, e.status, { error: e.message });
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
      ok={flash.ok}
      error={flash.error}
      link={flash.link ?? undefined}
    />,
    status as 200,
  );
}

async function renderKeys(c: AppContext, status: number, extra: { newKey?: string; error?: string }) {
  const actor = assertCan(c, 'api-keys:manage');
  const keys = await listApiKeys(c.var.deps.db, actor.workspaceId);
  return c.html(
    <ApiKeysPage {...shellProps(c)} keys={keys.map(publicApiKey)} newKey={extra.newKey} error={extra.error} />,
    status as 200,
  );
}
