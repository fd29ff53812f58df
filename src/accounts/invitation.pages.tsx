import { clientKey } from '../http/request-origin';
import { Hono } from 'hono';
import { setSessionCookie } from '../http/cookies';
import type { AppContext, AppEnv } from '../http/env';
import { toAppError } from '../http/error-handler';
import { setTranslator, viewerTranslator } from '../http/i18n.middleware';
import { parseForm } from '../http/pages';
import { AcceptInvitationBody } from './invitations.input';
import { acceptInvitation, acceptOptions, findOpenInvitation } from './invitations.service';
import { m } from './messages';
import { AcceptInvitationPage, InvitationInvalidPage } from './views/invitation-pages';

/** The page an invitation link opens: join the workspace, setting or proving the password. */
export const invitationPages = new Hono<AppEnv>()
  .get('/invitations/accept', async (c) => {
    const token = c.req.query('token') ?? '';
    return renderAccept(c, await openedBy(c, token), token, 200);
  })
  .post('/invitations/accept', async (c) => {
    // The invitation first, so that the form's problems are said in its language too.
    const posted = (await c.req.parseBody({ all: true })).token;
    const open = await openedBy(c, typeof posted === 'string' ? posted : '');
    const form = await parseForm(c, AcceptInvitationBody);
    const token = form.values.token ?? '';
    if (!form.ok) return renderAccept(c, open, token, 422, form.message);
    const { deps } = c.var;
    try {
      const r = await acceptInvitation(
        deps.db,
        { ...form.data, ip: clientKey(c), userAgent: c.req.header('user-agent') ?? null },
        acceptOptions(deps),
      );
      setSessionCookie(c, r.session.token, r.session.expiresAt);
      return c.redirect('/inbox', 303);
    } catch (err) {
      const e = toAppError(err);
      if (e.code === 'INVITATION_INVALID') return c.html(<InvitationInvalidPage />, 404);
      if (e.code !== 'INVALID_CREDENTIALS' && e.code !== 'TOO_MANY_LOGINS' && e.code !== 'ACCESS_DISABLED') throw err;
      if (e.retryAfter) c.header('Retry-After', String(e.retryAfter));
      const { t, error } = c.var.i18n;
      const problem = e.code === 'INVALID_CREDENTIALS' ? t(m.acceptWrongPassword) : error(e.code, e.message, e.params);
      return renderAccept(c, open, token, e.status, problem);
    }
  });

type OpenInvitation = Awaited<ReturnType<typeof findOpenInvitation>>;

/**
 * The open invitation a token names; the page then speaks the language the invitation was written in (its
 * email's) unless the visitor chose one, with times in the workspace's zone.
 */
async function openedBy(c: AppContext, token: string): Promise<OpenInvitation> {
  const open = token ? await findOpenInvitation(c.var.deps.db, token, c.var.deps.clock()) : null;
  if (open) {
    const { defaultLanguage: language, timeZone } = open.workspace;
    setTranslator(c, viewerTranslator(c, { language, timeZone }, open.invitation.language));
  }
  return open;
}

async function renderAccept(c: AppContext, open: OpenInvitation, token: string, status: number, error?: string) {
  if (!open) return c.html(<InvitationInvalidPage />, 404);
  return c.html(
    <AcceptInvitationPage
      token={token}
      email={open.invitation.email}
      workspaceName={open.workspace.name}
      role={open.invitation.role}
      name={open.invitation.name}
      csrfToken={c.var.session?.csrfToken}
      error={error}
    />,
    status as 200,
  );
}
