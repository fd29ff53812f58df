import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, PostButton, SettingsShell, when } from '../../http/web/settings-shell';
import type { PendingPages } from '../meta-connect.service';

const igLabel = (ig: { id: string; username: string | null }) => (ig.username ? `@${ig.username}` : ig.id);

/** After Facebook's sign-in: the Pages the person manages and their Instagram accounts, to pick from. */
export function PickAccountsPage(
  p: PageBase & { connectId: string; pending: PendingPages; threadsReady: boolean; error?: string | undefined },
) {
  const { pending } = p;
  return (
    <SettingsShell {...p} title="Connect Facebook" tab="/settings/sources">
      <form class="card stack narrow" method="post" action={`/settings/sources/connect/facebook/${p.connectId}`}>
        <h2>Choose what to listen to</h2>
        <Flash kind="error" message={p.error} />
        <Csrf token={p.csrfToken} />
        {pending.pages.length === 0 ? (
          <p class="empty">
            This Facebook account manages no Pages. Sign in with an account that has a role on the Page, or ask the
            Page's admin for one.
          </p>
        ) : (
          <fieldset>
            <legend>Pages and their Instagram accounts</legend>
            {pending.pages.map((page) => (
              <div class="stack" data-testid="connect-page">
                <label class="check">
                  <input type="checkbox" name="pages" value={page.id} checked /> {page.name} (Facebook Page)
                </label>
                {page.instagram ? (
                  <label class="check">
                    <input type="checkbox" name="instagram" value={page.instagram.id} checked />{' '}
                    {igLabel(page.instagram)} (Instagram, linked to {page.name})
                  </label>
                ) : null}
              </div>
            ))}
          </fieldset>
        )}
        <p class="muted small">
          Access granted: {pending.scopes.length ? pending.scopes.join(', ') : 'not reported'}.{' '}
          {pending.expiresAt ? `Reconnect before ${when(pending.expiresAt)}; admins are reminded 7 days ahead.` : ''}
        </p>
        {pending.pages.length ? <button type="submit">Add selected</button> : null}
      </form>
      {p.threadsReady ? (
        <section class="card stack narrow">
          <h2>Threads</h2>
          <p class="muted">Threads signs in separately, with the Threads profile to listen to.</p>
          <PostButton action="/settings/sources/connect/threads" label="Connect Threads" csrf={p.csrfToken} />
        </section>
      ) : null}
    </SettingsShell>
  );
}

/** What connecting did, or why it did not work, with the way on. */
export function ConnectResultPage(
  p: PageBase & { ok: boolean; message: string; details?: string[]; retry?: string | undefined },
) {
  return (
    <SettingsShell {...p} title="Connect" tab="/settings/sources">
      <section class="card stack narrow" data-testid="connect-result">
        <Flash kind={p.ok ? 'ok' : 'error'} message={p.message} />
        {p.details?.length ? (
          <ul>
            {p.details.map((d) => (
              <li>{d}</li>
            ))}
          </ul>
        ) : null}
        <div class="row">
          <a class="button secondary-link" href="/settings/sources">
            All sources
          </a>
          {p.retry ? (
            <PostButton action={`/settings/sources/connect/${p.retry}`} label="Try again" csrf={p.csrfToken} />
          ) : null}
        </div>
      </section>
    </SettingsShell>
  );
}

/** After Google's or LinkedIn's sign-in: the channels, accounts or Pages to listen to, all ticked. */
export function PickOffersPage(
  p: PageBase & {
    connectId: string;
    provider: 'google' | 'linkedin';
    pending: {
      offers: { key: string; name: string; detail: string }[];
      warnings: string[];
      scopes: string[] | null;
      expiresAt: string | null;
    };
  },
) {
  const label = p.provider === 'google' ? 'Google' : 'LinkedIn';
  const none =
    p.provider === 'google'
      ? 'This Google account owns no YouTube channel and manages no Business Profile location.'
      : 'This LinkedIn member administers no Page. Ask a Page admin to give you the Super admin or Content admin role.';
  return (
    <SettingsShell {...p} title={`Connect ${label}`} tab="/settings/sources">
      <form class="card stack narrow" method="post" action={`/settings/sources/connect/accounts/${p.connectId}`}>
        <h2>Choose what to listen to</h2>
        <Csrf token={p.csrfToken} />
        {p.pending.warnings.length ? (
          <ul class="muted" data-testid="connect-warnings">
            {p.pending.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        ) : null}
        {p.pending.offers.length === 0 ? (
          <p class="empty">{none}</p>
        ) : (
          <fieldset>
            <legend>{label}</legend>
            {p.pending.offers.map((o) => (
              <label class="check" data-testid="connect-offer">
                <input type="checkbox" name="accounts" value={o.key} checked /> {o.name}{' '}
                <span class="muted small">({o.detail})</span>
              </label>
            ))}
          </fieldset>
        )}
        <p class="muted small">
          Access granted: {p.pending.scopes?.length ? p.pending.scopes.join(', ') : 'not reported'}.{' '}
          {p.pending.expiresAt
            ? `Reconnect before ${when(p.pending.expiresAt)} unless it renews itself; admins are reminded 7 days ahead.`
            : ''}
        </p>
        {p.pending.offers.length ? <button type="submit">Add selected</button> : null}
      </form>
    </SettingsShell>
  );
}
