import { useT } from '../../http/web/i18n';
import { Document, Flash } from '../../http/web/layout';
import { web } from '../../http/web/messages';
import { m } from '../messages';
import { MIN_PASSWORD } from './auth-pages';

export interface AcceptPageProps {
  token: string;
  email: string;
  workspaceName: string;
  role: string;
  name: string;
  /** The CSRF token of a session already open in this browser (its forms must carry it). */
  csrfToken?: string | undefined;
  error?: string | undefined;
}

/**
 * One form whether or not the email already signs in: the page must not tell whoever holds the
 * link (the inviter, too, when there is no SMTP) that the email is staff elsewhere.
 */
export function AcceptInvitationPage(p: AcceptPageProps) {
  const { t } = useT();
  const role = t(web.role, { role: p.role });
  return (
    <Document title={t(m.acceptTitle)}>
      <div class="auth">
        <form class="card stack" method="post" action="/invitations/accept">
          <h1>{t(m.acceptHeading, { workspace: p.workspaceName })}</h1>
          <p class="muted">{t(m.acceptIntro, { role, email: p.email, min: MIN_PASSWORD })}</p>
          <Flash kind="error" message={p.error} />
          <input type="hidden" name="token" value={p.token} />
          {p.csrfToken ? <input type="hidden" name="_csrf" value={p.csrfToken} /> : null}
          <label>
            {t(m.yourName)}
            <input name="name" maxlength={120} value={p.name} />
          </label>
          <label>
            {t(m.password)}
            <input name="password" type="password" autocomplete="new-password" minlength={MIN_PASSWORD} required />
          </label>
          <button type="submit">{t(m.acceptSubmit)}</button>
        </form>
      </div>
    </Document>
  );
}

export function InvitationInvalidPage() {
  const { t } = useT();
  return (
    <Document title={t(m.invitationInvalidTitle)}>
      <div class="auth">
        <div class="card">
          <h1>{t(m.invitationInvalidHeading)}</h1>
          <p>{t(m.invitationInvalidBody)}</p>
          <p>
            <a href="/login">{t(m.signInLink)}</a>
          </p>
        </div>
      </div>
    </Document>
  );
}
