import { Document, Flash } from '../../http/web/layout';

export function LoginPage(props: { next: string; error?: string | undefined; email?: string | undefined }) {
  return (
    <Document title="Sign in">
      <div class="auth">
        <form class="card stack" method="post" action="/login">
          <h1>Sign in</h1>
          <Flash kind="error" message={props.error} />
          <input type="hidden" name="next" value={props.next} />
          <label>
            Email
            <input name="email" type="email" autocomplete="username" required value={props.email ?? ''} />
          </label>
          <label>
            Password
            <input name="password" type="password" autocomplete="current-password" required />
          </label>
          <button type="submit">Sign in</button>
        </form>
      </div>
    </Document>
  );
}

export function SetupPage(props: { token: string; error?: string | undefined; values?: Record<string, string> }) {
  const v = props.values ?? {};
  return (
    <Document title="Set up">
      <div class="auth">
        <form class="card stack" method="post" action="/setup">
          <h1>Create the owner account</h1>
          <p class="muted">This link works once. You become the owner of the first workspace.</p>
          <Flash kind="error" message={props.error} />
          <input type="hidden" name="token" value={props.token} />
          <label>
            Workspace name
            <input name="workspaceName" required maxlength={80} value={v.workspaceName ?? ''} />
          </label>
          <label>
            Your name
            <input name="name" maxlength={120} value={v.name ?? ''} />
          </label>
          <label>
            Email
            <input name="email" type="email" autocomplete="username" required value={v.email ?? ''} />
          </label>
          <label>
            Password (at least 12 characters)
            <input name="password" type="password" autocomplete="new-password" minlength={12} required />
          </label>
          <button type="submit">Create owner</button>
        </form>
      </div>
    </Document>
  );
}

export function SetupInvalidPage() {
  return (
    <Document title="Set up">
      <div class="auth">
        <div class="card">
          <h1>Setup link not valid</h1>
          <p>This setup link is used, expired or wrong. Restart the app to print a new one, or sign in.</p>
          <p>
            <a href="/login">Sign in</a>
          </p>
        </div>
      </div>
    </Document>
  );
}
