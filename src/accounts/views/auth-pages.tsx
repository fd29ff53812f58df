import { useT } from '../../http/web/i18n';
import { Document, Flash } from '../../http/web/layout';
import { m } from '../messages';

/** The shortest password (PasswordSchema's minimum, said in the label and checked by the browser too). */
export const MIN_PASSWORD = 12;

export function LoginPage(props: { next: string; error?: string | undefined; email?: string | undefined }) {
  const { t } = useT();
  return (
    <Document title={t(m.loginTitle)}>
      <div class="auth">
        <form class="card stack" method="post" action="/login">
          <h1>{t(m.loginTitle)}</h1>
          <Flash kind="error" message={props.error} />
          <input type="hidden" name="next" value={props.next} />
          <label>
            {t(m.email)}
            <input name="email" type="email" autocomplete="username" required value={props.email ?? ''} />
          </label>
          <label>
            {t(m.password)}
            <input name="password" type="password" autocomplete="current-password" required />
          </label>
          <button type="submit">{t(m.loginSubmit)}</button>
        </form>
      </div>
    </Document>
  );
}

export function SetupPage(props: { token: string; error?: string | undefined; values?: Record<string, string> }) {
  const v = props.values ?? {};
  const { t } = useT();
  return (
    <Document title={t(m.setupTitle)}>
      <div class="auth">
        <form class="card stack" method="post" action="/setup">
          <h1>{t(m.setupHeading)}</h1>
          <p class="muted">{t(m.setupIntro)}</p>
          <Flash kind="error" message={props.error} />
          <input type="hidden" name="token" value={props.token} />
          <label>
            {t(m.workspaceName)}
            <input name="workspaceName" required maxlength={80} value={v.workspaceName ?? ''} />
          </label>
          <label>
            {t(m.yourName)}
            <input name="name" maxlength={120} value={v.name ?? ''} />
          </label>
          <label>
            {t(m.email)}
            <input name="email" type="email" autocomplete="username" required value={v.email ?? ''} />
          </label>
          <label>
            {t(m.newPassword, { min: MIN_PASSWORD })}
            <input name="password" type="password" autocomplete="new-password" minlength={MIN_PASSWORD} required />
          </label>
          <button type="submit">{t(m.setupSubmit)}</button>
        </form>
      </div>
    </Document>
  );
}

export function SetupInvalidPage() {
  const { t } = useT();
  return (
    <Document title={t(m.setupTitle)}>
      <div class="auth">
        <div class="card">
          <h1>{t(m.setupInvalidHeading)}</h1>
          <p>{t(m.setupInvalidBody)}</p>
          <p>
            <a href="/login">{t(m.signInLink)}</a>
          </p>
        </div>
      </div>
    </Document>
  );
}
