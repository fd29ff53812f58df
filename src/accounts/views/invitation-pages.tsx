import { Document, Flash } from '../../http/web/layout';

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
  return (
    <Document title="Join workspace">
      <div class="auth">
        <form class="card stack" method="post" action="/invitations/accept">
          <h1>Join {p.workspaceName}</h1>
          <p class="muted">
            You are invited as {p.role}, with the email {p.email}. If you already sign in here with this email, enter
            its password; otherwise choose a new password of at least 12 characters.
          </p>
          <Flash kind="error" message={p.error} />
          <input type="hidden" name="token" value={p.token} />
          {p.csrfToken ? <input type="hidden" name="_csrf" value={p.csrfToken} /> : null}
          <label>
            Your name
            <input name="name" maxlength={120} value={p.name} />
          </label>
          <label>
            Password
            <input name="password" type="password" autocomplete="new-password" minlength={12} required />
          </label>
          <button type="submit">Join</button>
        </form>
      </div>
    </Document>
  );
}

export function InvitationInvalidPage() {
  return (
    <Document title="Invitation">
      <div class="auth">
        <div class="card">
          <h1>Invitation link not valid</h1>
          <p>This invitation is used, expired, revoked or wrong. Ask whoever invited you for a new one, or sign in.</p>
          <p>
            <a href="/login">Sign in</a>
          </p>
        </div>
      </div>
    </Document>
  );
}
