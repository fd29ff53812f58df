import { CommunityShell, MemberCsrf, type PublicBase } from './public-shell';

type FormPage = PublicBase & { error?: string | undefined; ok?: string | undefined; values?: Record<string, string> };

export function SignUpPage(p: FormPage) {
  const v = p.values ?? {};
  return (
    <CommunityShell {...p} title="Sign up" active="/signup">
      <form class="card stack narrow" method="post" action={`/c/${p.slug}/signup`} data-testid="signup-form">
        <h1>Join the {p.communityName} community</h1>
        <label>
          Your name (shown with what you post)
          <input name="displayName" required maxlength={60} autocomplete="nickname" value={v.displayName ?? ''} />
        </label>
        <label>
          Email (never shown)
          <input name="email" type="email" required maxlength={254} autocomplete="email" value={v.email ?? ''} />
        </label>
        <label>
          Password (at least 10 characters)
          <input name="password" type="password" required minlength={10} maxlength={200} autocomplete="new-password" />
        </label>
        <button type="submit">Sign up</button>
        <p class="small muted">
          Already a member? <a href={`/c/${p.slug}/login`}>Log in</a>
        </p>
      </form>
    </CommunityShell>
  );
}

export function MemberLoginPage(p: FormPage & { next?: string | undefined }) {
  return (
    <CommunityShell {...p} title="Log in" active="/login">
      <form class="card stack narrow" method="post" action={`/c/${p.slug}/login`} data-testid="member-login-form">
        <h1>Log in</h1>
        <input type="hidden" name="next" value={p.next ?? ''} />
        <label>
          Email
          <input name="email" type="email" required autocomplete="username" value={p.values?.email ?? ''} />
        </label>
        <label>
          Password
          <input name="password" type="password" required autocomplete="current-password" />
        </label>
        <button type="submit">Log in</button>
        <p class="small muted">
          <a href={`/c/${p.slug}/forgot`}>Forgot your password?</a> · <a href={`/c/${p.slug}/signup`}>Sign up</a>
        </p>
      </form>
    </CommunityShell>
  );
}

/** What every sign-up and reset request hears, whether or not the email has an account. */
export function CheckEmailPage(p: PublicBase & { what: 'signup' | 'reset' }) {
  return (
    <CommunityShell {...p} title="Check your email" active="">
      <div class="card narrow" data-testid="check-email">
        <h1>Check your email</h1>
        <p>
          {p.what === 'signup'
            ? 'If the address can be used, a link to confirm it is on its way. Open it to start posting.'
            : 'If the address has an account, a link to choose a new password is on its way.'}
        </p>
      </div>
    </CommunityShell>
  );
}

export function ForgotPage(p: FormPage) {
  return (
    <CommunityShell {...p} title="Forgot your password" active="">
      <form class="card stack narrow" method="post" action={`/c/${p.slug}/forgot`}>
        <h1>Forgot your password?</h1>
        <label>
          Email
          <input name="email" type="email" required autocomplete="email" />
        </label>
        <button type="submit">Send me a link</button>
      </form>
    </CommunityShell>
  );
}

export function ResetPage(p: FormPage & { token: string }) {
  return (
    <CommunityShell {...p} title="Choose a new password" active="">
      <form class="card stack narrow" method="post" action={`/c/${p.slug}/reset`}>
        <h1>Choose a new password</h1>
        <input type="hidden" name="token" value={p.token} />
        <label>
          New password (at least 10 characters)
          <input name="password" type="password" required minlength={10} maxlength={200} autocomplete="new-password" />
        </label>
        <button type="submit">Save password</button>
      </form>
    </CommunityShell>
  );
}

export function ProfilePage(p: FormPage) {
  return (
    <CommunityShell {...p} title="Your profile" active="/profile">
      <form class="card stack narrow" method="post" action={`/c/${p.slug}/profile`}>
        <h1>Your profile</h1>
        <MemberCsrf member={p.member} />
        <p class="muted small">Signed in as {p.member?.email}</p>
        <label>
          Name shown with what you post
          <input
            name="displayName"
            required
            maxlength={60}
            value={p.values?.displayName ?? p.member?.displayName ?? ''}
          />
        </label>
        <button type="submit">Save</button>
      </form>
    </CommunityShell>
  );
}
