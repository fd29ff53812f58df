import { LOCALE_NAMES, LOCALES, timeZones } from '../../core/i18n/locales';
import { useT } from '../../http/web/i18n';
import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, SettingsShell } from '../../http/web/settings-shell';
import { profileMessages as m } from '../profile.messages';
import type { Profile } from '../profile.service';

export interface ProfilePageProps extends PageBase {
  profile: Profile;
  workspace: { language: string; timeZone: string };
  now: Date;
  ok?: string | undefined;
  error?: string | undefined;
}

/**
 * Settings > Profile: the person's name here; their language, time zone and inbox habits (single-key shortcuts,
 * what opens after triage) everywhere; their password.
 */
export function ProfilePage(p: ProfilePageProps) {
  const { t, dateTime, intl } = useT();
  // Named in the reader's language inside their sentence ("German" to an English reader); the choices below
  // name each language in itself.
  const workspaceLanguage = intl.formatDisplayName(p.workspace.language, { type: 'language' }) ?? p.workspace.language;
  return (
    <SettingsShell {...p} title={t(m.title)} tab="/settings/profile">
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      <section class="card stack">
        <h2>{t(m.you)}</h2>
        <form class="stack" method="post" action="/settings/profile" data-testid="profile-form">
          <Csrf token={p.csrfToken} />
          <p class="muted">
            {t(m.email)}: {p.profile.email}
          </p>
          <label>
            {t(m.name)}
            <input name="name" value={p.profile.name} maxlength={120} autocomplete="name" />
          </label>
          <label>
            {t(m.language)}
            <select name="language">
              <option value="" selected={!p.profile.language}>
                {t(m.languageDefault, { language: workspaceLanguage })}
              </option>
              {LOCALES.map((l) => (
                <option value={l} lang={l} selected={p.profile.language === l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t(m.timeZone)}
            <select name="timeZone" aria-describedby="zone-help">
              <option value="" selected={!p.profile.timeZone}>
                {t(m.timeZoneDefault, { zone: p.workspace.timeZone })}
              </option>
              {timeZones().map((z) => (
                <option value={z} selected={p.profile.timeZone === z}>
                  {z}
                </option>
              ))}
            </select>
          </label>
          <p id="zone-help" class="muted small">
            {t(m.timeZoneHelp, { now: dateTime(p.now) })}
          </p>
          {/* An unticked box posts nothing: the hidden "off" before it says so (a ticked one adds "on"). */}
          <input type="hidden" name="keyboardShortcuts" value="off" />
          <label class="check">
            <input
              type="checkbox"
              name="keyboardShortcuts"
              value="on"
              checked={p.profile.keyboardShortcuts}
              aria-describedby="shortcuts-help"
              data-testid="profile-shortcuts"
            />{' '}
            {t(m.keyboardShortcuts)}
          </label>
          <p id="shortcuts-help" class="muted small">
            {t(m.keyboardShortcutsHelp)}
          </p>
          <fieldset class="choices">
            <legend>{t(m.afterTriage)}</legend>
            <label class="check">
              <input type="radio" name="afterTriage" value="next" checked={p.profile.afterTriage === 'next'} />{' '}
              {t(m.afterTriageNext)}
            </label>
            <label class="check">
              <input
                type="radio"
                name="afterTriage"
                value="list"
                checked={p.profile.afterTriage === 'list'}
                data-testid="profile-after-list"
              />{' '}
              {t(m.afterTriageList)}
            </label>
          </fieldset>
          <button type="submit">{t(m.save)}</button>
        </form>
      </section>
      <section class="card stack">
        <h2>{t(m.password)}</h2>
        <p class="muted">{t(m.passwordHelp)}</p>
        <form class="stack" method="post" action="/settings/profile/password">
          <Csrf token={p.csrfToken} />
          <label>
            {t(m.currentPassword)}
            <input name="currentPassword" type="password" autocomplete="current-password" required />
          </label>
          <label>
            {t(m.newPassword)}
            <input name="newPassword" type="password" autocomplete="new-password" minlength={12} required />
          </label>
          <button type="submit">{t(m.changePassword)}</button>
        </form>
      </section>
    </SettingsShell>
  );
}
