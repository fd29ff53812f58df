import { LOCALE_NAMES, LOCALES, timeZones } from '../../core/i18n/locales';
import { useT } from '../../http/web/i18n';
import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, SettingsShell } from '../../http/web/settings-shell';
import { profileMessages as m } from '../profile.messages';
import { BOARD_ADDRESSES } from '../schema';
import { workspaceSettingsMessages as wm } from '../workspace-settings.messages';

export interface WorkspaceSettingsPageProps extends PageBase {
  settings: { name: string; defaultLanguage: string; timeZone: string; weekStart: number; boardAddress: string };
  canManage: boolean;
  ok?: string | undefined;
  error?: string | undefined;
}

const DAYS = [1, 2, 3, 4, 5, 6, 7];

/** Settings > Workspace: its name and what its readers see by default (language, zone, week start, du/Sie). */
export function WorkspaceSettingsPage(p: WorkspaceSettingsPageProps) {
  const { t, weekday } = useT();
  const s = p.settings;
  return (
    <SettingsShell {...p} title={t(m.workspaceTitle)} tab="/settings/workspace">
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      <section class="card stack">
        {p.canManage ? null : <p class="muted">{t(m.workspaceReadOnly)}</p>}
        <form class="stack" method="post" action="/settings/workspace" data-testid="workspace-form">
          <Csrf token={p.csrfToken} />
          <fieldset class="stack" disabled={!p.canManage}>
            <label>
              {t(m.workspaceName)}
              <input name="name" value={s.name} maxlength={120} required />
            </label>
            <label>
              {t(m.workspaceLanguage)}
              <select name="defaultLanguage" aria-describedby="ws-language-help">
                {LOCALES.map((l) => (
                  <option value={l} lang={l} selected={s.defaultLanguage === l}>
                    {LOCALE_NAMES[l]}
                  </option>
                ))}
              </select>
            </label>
            <p id="ws-language-help" class="muted small">
              {t(m.workspaceLanguageHelp)}
            </p>
            <label>
              {t(m.workspaceTimeZone)}
              <select name="timeZone" aria-describedby="ws-zone-help">
                {timeZones().map((z) => (
                  <option value={z} selected={s.timeZone === z}>
                    {z}
                  </option>
                ))}
              </select>
            </label>
            <p id="ws-zone-help" class="muted small">
              {t(m.workspaceTimeZoneHelp)}
            </p>
            <label>
              {t(m.weekStart)}
              <select name="weekStart">
                {DAYS.map((d) => (
                  <option value={String(d)} selected={s.weekStart === d}>
                    {weekday(d)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t(wm.boardAddress)}
              <select name="boardAddress" aria-describedby="ws-address-help">
                {BOARD_ADDRESSES.map((a) => (
                  <option value={a} selected={s.boardAddress === a}>
                    {t(wm.boardAddressOption, { address: a })}
                  </option>
                ))}
              </select>
            </label>
            <p id="ws-address-help" class="muted small">
              {t(wm.boardAddressHelp)}
            </p>
            <button type="submit">{t(m.save)}</button>
          </fieldset>
        </form>
      </section>
    </SettingsShell>
  );
}
