import { LOCALE_NAMES, LOCALES } from '../../core/i18n/locales';
import { useT } from '../../http/web/i18n';
import { board } from '../board.messages';
import { CommunityShell, MemberCsrf, type PublicBase } from './public-shell';

type FormPage = PublicBase & { error?: string | undefined; ok?: string | undefined; values?: Record<string, string> };

export function SignUpPage(p: FormPage) {
  const v = p.values ?? {};
  const { t } = useT();
  return (
    <CommunityShell {...p} title={t(board.signUp)} active="/signup">
      <form class="card stack narrow" method="post" action={`/c/${p.slug}/signup`} data-testid="signup-form">
        <h1>{t(board.join, { name: p.communityName })}</h1>
        <label>
          {t(board.displayName)}
          <input name="displayName" required maxlength={60} autocomplete="nickname" value={v.displayName ?? ''} />
        </label>
        <label>
          {t(board.emailNeverShown)}
          <input name="email" type="email" required maxlength={254} autocomplete="email" value={v.email ?? ''} />
        </label>
        <label>
          {t(board.passwordMin)}
          <input name="password" type="password" required minlength={10} maxlength={200} autocomplete="new-password" />
        </label>
        <button type="submit">{t(board.signUp)}</button>
        <p class="small muted">
          {t(board.alreadyMember)} <a href={`/c/${p.slug}/login`}>{t(board.logIn)}</a>
        </p>
      </form>
    </CommunityShell>
  );
}

export function MemberLoginPage(p: FormPage & { next?: string | undefined }) {
  const { t } = useT();
  return (
    <CommunityShell {...p} title={t(board.logIn)} active="/login">
      <form class="card stack narrow" method="post" action={`/c/${p.slug}/login`} data-testid="member-login-form">
        <h1>{t(board.logIn)}</h1>
        <input type="hidden" name="next" value={p.next ?? ''} />
        <label>
          {t(board.email)}
          <input name="email" type="email" required autocomplete="username" value={p.values?.email ?? ''} />
        </label>
        <label>
          {t(board.password)}
          <input name="password" type="password" required autocomplete="current-password" />
        </label>
        <button type="submit">{t(board.logIn)}</button>
        <p class="small muted">
          <a href={`/c/${p.slug}/forgot`}>{t(board.forgotQuestion)}</a> ·{' '}
          <a href={`/c/${p.slug}/signup`}>{t(board.signUp)}</a>
        </p>
      </form>
    </CommunityShell>
  );
}

/** What every sign-up and reset request hears, whether or not the email has an account. */
export function CheckEmailPage(p: PublicBase & { what: 'signup' | 'reset' }) {
  const { t } = useT();
  return (
    <CommunityShell {...p} title={t(board.checkEmail)} active="">
      <div class="card narrow" data-testid="check-email">
        <h1>{t(board.checkEmail)}</h1>
        <p>{t(p.what === 'signup' ? board.checkSignUp : board.checkReset)}</p>
      </div>
    </CommunityShell>
  );
}

export function ForgotPage(p: FormPage) {
  const { t } = useT();
  return (
    <CommunityShell {...p} title={t(board.forgotTitle)} active="">
      <form class="card stack narrow" method="post" action={`/c/${p.slug}/forgot`}>
        <h1>{t(board.forgotQuestion)}</h1>
        <label>
          {t(board.email)}
          <input name="email" type="email" required autocomplete="email" />
        </label>
        <button type="submit">{t(board.sendLink)}</button>
      </form>
    </CommunityShell>
  );
}

export function ResetPage(p: FormPage & { token: string }) {
  const { t } = useT();
  return (
    <CommunityShell {...p} title={t(board.chooseNewPassword)} active="">
      <form class="card stack narrow" method="post" action={`/c/${p.slug}/reset`}>
        <h1>{t(board.chooseNewPassword)}</h1>
        <input type="hidden" name="token" value={p.token} />
        <label>
          {t(board.newPassword)}
          <input name="password" type="password" required minlength={10} maxlength={200} autocomplete="new-password" />
        </label>
        <button type="submit">{t(board.savePassword)}</button>
      </form>
    </CommunityShell>
  );
}

/** `language`: the member's, which their emails are written in (the board's own when they have none). */
export function ProfilePage(p: FormPage & { language: string }) {
  const { t } = useT();
  return (
    <CommunityShell {...p} title={t(board.yourProfile)} active="/profile">
      <form class="card stack narrow" method="post" action={`/c/${p.slug}/profile`}>
        <h1>{t(board.yourProfile)}</h1>
        <MemberCsrf member={p.member} />
        <p class="muted small">{t(board.signedInAs, { email: p.member?.email ?? '' })}</p>
        <label>
          {t(board.nameShown)}
          <input
            name="displayName"
            required
            maxlength={60}
            value={p.values?.displayName ?? p.member?.displayName ?? ''}
          />
        </label>
        <label>
          {t(board.memberLanguage)}
          <select name="language">
            {LOCALES.map((l) => (
              <option value={l} lang={l} selected={p.language === l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t(board.save)}</button>
      </form>
    </CommunityShell>
  );
}
