import { platformLabel } from '../../http/web/format';
import { useT } from '../../http/web/i18n';
import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, PostButton, SettingsShell, when } from '../../http/web/settings-shell';
import type { PendingPages } from '../meta-connect.service';
import { sourcesMessages as m, offerWords } from '../messages';
import type { ConnectWarning } from '../oauth-connect.service';
import { EXPIRY_NOTICE_DAYS } from '../token-expiry';

const igLabel = (ig: { id: string; username: string | null }) => (ig.username ? `@${ig.username}` : ig.id);

/** After Facebook's sign-in: the Pages the person manages and their Instagram accounts, to pick from. */
export function PickAccountsPage(
  p: PageBase & { connectId: string; pending: PendingPages; threadsReady: boolean; error?: string | undefined },
) {
  const { pending } = p;
  const { t } = useT();
  return (
    <SettingsShell {...p} title={t(m.connectTitle, { platform: 'Facebook' })} tab="/settings/sources">
      <form class="card stack narrow" method="post" action={`/settings/sources/connect/facebook/${p.connectId}`}>
        <h2>{t(m.chooseWhat)}</h2>
        <Flash kind="error" message={p.error} />
        <Csrf token={p.csrfToken} />
        {pending.pages.length === 0 ? (
          <p class="empty">{t(m.noPages)}</p>
        ) : (
          <fieldset>
            <legend>{t(m.pagesLegend)}</legend>
            {pending.pages.map((page) => (
              <div class="stack" data-testid="connect-page">
                <label class="check">
                  <input type="checkbox" name="pages" value={page.id} checked />{' '}
                  {t(m.facebookPage, { name: page.name })}
                </label>
                {page.instagram ? (
                  <label class="check">
                    <input type="checkbox" name="instagram" value={page.instagram.id} checked />{' '}
                    {t(m.instagramOf, { account: igLabel(page.instagram), page: page.name })}
                  </label>
                ) : null}
              </div>
            ))}
          </fieldset>
        )}
        <p class="muted small">
          {t(m.accessGranted, { scopes: pending.scopes.length ? pending.scopes.join(', ') : t(m.notReported) })}{' '}
          {pending.expiresAt ? t(m.reconnectBefore, { date: when(pending.expiresAt), days: EXPIRY_NOTICE_DAYS }) : ''}
        </p>
        {pending.pages.length ? <button type="submit">{t(m.addSelected)}</button> : null}
      </form>
      {p.threadsReady ? (
        <section class="card stack narrow">
          <h2>{platformLabel('threads')}</h2>
          <p class="muted">{t(m.threadsNote)}</p>
          <PostButton
            action="/settings/sources/connect/threads"
            label={t(m.connectPlatform, { reconnect: 'no', platform: 'Threads' })}
            csrf={p.csrfToken}
          />
        </section>
      ) : null}
    </SettingsShell>
  );
}

/** What connecting did, or why it did not work, with the way on. */
export function ConnectResultPage(
  p: PageBase & { ok: boolean; message: string; details?: string[]; retry?: string | undefined },
) {
  const { t } = useT();
  return (
    <SettingsShell {...p} title={t(m.connectResultTitle)} tab="/settings/sources">
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
            {t(m.allSources)}
          </a>
          {p.retry ? (
            <PostButton action={`/settings/sources/connect/${p.retry}`} label={t(m.tryAgain)} csrf={p.csrfToken} />
          ) : null}
        </div>
      </section>
    </SettingsShell>
  );
}

/** What an offer is, in the reader's language: "YouTube channel", "Google reviews of 2 locations: …". */
function offerDetail(o: { platform: string; locations?: string[]; locationCount?: number }): string {
  const { t } = useT();
  if (o.platform === 'youtube') return t(offerWords.youtube);
  if (o.platform === 'linkedin') return t(offerWords.linkedin);
  const names = o.locations ?? [];
  const count = o.locationCount ?? names.length;
  return t(offerWords.googleReviews, { count, names: names.join(', '), more: count > names.length ? 'yes' : 'no' });
}

/** After Google's or LinkedIn's sign-in: the channels, accounts or Pages to listen to, all ticked. */
export function PickOffersPage(
  p: PageBase & {
    connectId: string;
    provider: 'google' | 'linkedin';
    pending: {
      offers: { key: string; platform: string; name: string; locations?: string[]; locationCount?: number }[];
      warnings: ConnectWarning[];
      scopes: string[] | null;
      expiresAt: string | null;
    };
  },
) {
  const { t } = useT();
  const label = p.provider === 'google' ? 'Google' : 'LinkedIn';
  const none = p.provider === 'google' ? t(m.noGoogle) : t(m.noLinkedin);
  return (
    <SettingsShell {...p} title={t(m.connectTitle, { platform: label })} tab="/settings/sources">
      <form class="card stack narrow" method="post" action={`/settings/sources/connect/accounts/${p.connectId}`}>
        <h2>{t(m.chooseWhat)}</h2>
        <Csrf token={p.csrfToken} />
        {p.pending.warnings.length ? (
          <ul class="muted" data-testid="connect-warnings">
            {p.pending.warnings.map((w) => (
              <li>{t(offerWords.unlisted, { what: w.unlisted, reason: w.reason })}</li>
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
                <span class="muted small">({offerDetail(o)})</span>
              </label>
            ))}
          </fieldset>
        )}
        <p class="muted small">
          {t(m.accessGranted, {
            scopes: p.pending.scopes?.length ? p.pending.scopes.join(', ') : t(m.notReported),
          })}{' '}
          {p.pending.expiresAt
            ? t(m.reconnectBeforeRenews, { date: when(p.pending.expiresAt), days: EXPIRY_NOTICE_DAYS })
            : ''}
        </p>
        {p.pending.offers.length ? <button type="submit">{t(m.addSelected)}</button> : null}
      </form>
    </SettingsShell>
  );
}
