import { useT } from '../../http/web/i18n';
import { Flash } from '../../http/web/layout';
import { web } from '../../http/web/messages';
import { ConfirmAction, Csrf, type PageBase, PostButton, SettingsShell, when } from '../../http/web/settings-shell';
import { settingsWords as sw } from '../settings.messages';
import type { publicApiKey } from '../api-keys.service';
import { INVITATION_TTL_MS, type publicInvitation } from '../invitations.service';
import { type Permission, PERMISSIONS, ROLE_PERMISSIONS } from '../../core/roles';
import { ROLES, type Role } from '../../core/roles';
import { m } from '../messages';
import { LOCALE_NAMES, LOCALES } from '../../core/i18n/locales';
import { invitationForm } from '../invitations.messages';
import type { publicUser } from '../users.service';

const INVITATION_DAYS = Math.round(INVITATION_TTL_MS / 86_400_000);

export interface UsersPageProps extends PageBase {
  users: ReturnType<typeof publicUser>[];
  invitations: ReturnType<typeof publicInvitation>[];
  canManage: boolean;
  grantable: Role[];
  /** The workspace's default language: what the invite form's language starts at. */
  defaultLanguage?: string | undefined;
  ok?: string | undefined;
  error?: string | undefined;
  /** An invitation link to pass on by hand (no SMTP): shown once, right after inviting. */
  link?: string | undefined;
}

export function UsersPage(p: UsersPageProps) {
  const { t } = useT();
  const role = (r: string) => t(web.role, { role: r });
  return (
    <SettingsShell {...p} title={t(m.usersTitle)} tab="/settings/users">
      <div aria-live="polite">
        <Flash kind="ok" message={p.ok} />
      </div>
      <Flash kind="error" message={p.error} />
      {p.link ? (
        <div class="card stack" role="status">
          <strong>{t(m.usersNoSmtp)}</strong>
          <div class="secret" data-testid="invitation-link">
            {p.link}
          </div>
        </div>
      ) : null}
      <section class="card">
        <table class="cards">
          <thead>
            <tr>
              <th>{t(m.usersUser)}</th>
              <th>{t(m.usersRole)}</th>
              <th>{t(m.usersStatus)}</th>
              <th>{t(m.usersLastSignIn)}</th>
              {p.canManage ? <th>{t(m.usersActions)}</th> : null}
            </tr>
          </thead>
          <tbody>
            {p.users.map((u) => (
              <tr data-testid="user-row">
                <td data-label={t(m.usersUser)}>
                  <div>{u.name || u.email}</div>
                  <div class="muted">{u.email}</div>
                </td>
                <td data-label={t(m.usersRole)}>
                  <span class={`badge ${u.role}`}>{role(u.role)}</span>
                </td>
                <td data-label={t(m.usersStatus)}>{t(u.disabled ? m.usersDisabled : m.usersActive)}</td>
                <td class="muted" data-label={t(m.usersLastSignIn)}>
                  {u.lastLoginAt ? when(u.lastLoginAt) : t(m.never)}
                </td>
                {p.canManage ? (
                  <td data-label={t(m.usersActions)}>
                    <div class="row">
                      <form class="inline" method="post" action={`/settings/users/${u.id}`}>
                        <Csrf token={p.csrfToken} />
                        <select name="role" aria-label={t(m.usersRoleOf, { email: u.email })}>
                          {ROLES.map((r) => (
                            <option
                              value={r}
                              selected={r === u.role}
                              disabled={!p.grantable.includes(r) && r !== u.role}
                            >
                              {role(r)}
                            </option>
                          ))}
                        </select>
                        <button class="secondary" type="submit">
                          {t(m.usersSave)}
                        </button>
                      </form>
                      {u.id !== p.user?.id ? (
                        <ConfirmAction
                          action={`/settings/users/${u.id}/delete`}
                          label={t(m.usersRemove)}
                          confirmLabel={t(sw.removeConfirm, { name: u.name || u.email })}
                          explain={t(sw.removeExplain, { name: u.name || u.email })}
                          csrf={p.csrfToken}
                          testId="user-remove"
                        />
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {p.canManage ? <Invitations {...p} /> : null}
      <RoleMatrix />
    </SettingsShell>
  );
}

function Invitations(p: UsersPageProps) {
  const { t } = useT();
  const role = (r: string) => t(web.role, { role: r });
  return (
    <section class="card">
      <h2>{t(m.inviteHeading)}</h2>
      <p class="muted">{t(m.inviteIntro, { days: INVITATION_DAYS })}</p>
      <form class="row" method="post" action="/settings/users">
        <Csrf token={p.csrfToken} />
        <label>
          {t(m.email)}
          <input name="email" type="email" required />
        </label>
        <label>
          {t(m.inviteName)}
          <input name="name" maxlength={120} />
        </label>
        <label>
          {t(m.usersRole)}
          <select name="role">
            {p.grantable.map((r) => (
              <option value={r} selected={r === 'agent'}>
                {role(r)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(invitationForm.language)}
          <select name="language">
            {LOCALES.map((l) => (
              <option value={l} lang={l} selected={l === (p.defaultLanguage ?? 'en')}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t(m.inviteSubmit)}</button>
      </form>
      {p.invitations.length ? (
        <table class="cards">
          <thead>
            <tr>
              <th>{t(m.invitedColumn)}</th>
              <th>{t(m.usersRole)}</th>
              <th>{t(m.expiresColumn)}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {p.invitations.map((i) => (
              <tr data-testid="invitation-row">
                <td data-label={t(m.invitedColumn)}>
                  <div>{i.name || i.email}</div>
                  <div class="muted">{i.email}</div>
                </td>
                <td data-label={t(m.usersRole)}>
                  <span class={`badge ${i.role}`}>{role(i.role)}</span>
                </td>
                <td class="muted" data-label={t(m.expiresColumn)}>
                  {when(i.expiresAt)}
                </td>
                <td>
                  <PostButton
                    action={`/settings/users/invitations/${i.id}/revoke`}
                    label={t(m.revoke)}
                    kind="danger"
                    csrf={p.csrfToken}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function RoleMatrix() {
  const perms = Object.keys(PERMISSIONS) as Permission[];
  const { t } = useT();
  return (
    <section class="card">
      <h2>{t(m.rolesHeading)}</h2>
      <table class="matrix">
        <thead>
          <tr>
            <th>{t(m.rolesPermission)}</th>
            {ROLES.map((r) => (
              <th>{t(web.role, { role: r })}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {perms.map((perm) => (
            <tr>
              <td>{t(PERMISSIONS[perm])}</td>
              {ROLES.map((r) => (
                <td class="mark">{ROLE_PERMISSIONS[r].includes(perm) ? '✓' : ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export interface ApiKeysPageProps extends PageBase {
  keys: ReturnType<typeof publicApiKey>[];
  newKey?: string | undefined;
  ok?: string | undefined;
  error?: string | undefined;
}

export function ApiKeysPage(p: ApiKeysPageProps) {
  const { t } = useT();
  const role = (r: string) => t(web.role, { role: r });
  return (
    <SettingsShell {...p} title={t(m.keysTitle)} tab="/settings/api-keys">
      <div aria-live="polite">
        <Flash kind="ok" message={p.ok} />
      </div>
      <Flash kind="error" message={p.error} />
      {p.newKey ? (
        <div class="card stack" role="status">
          <strong>{t(m.keysCopyNow)}</strong>
          <div class="secret" data-testid="new-api-key">
            {p.newKey}
          </div>
        </div>
      ) : null}
      <section class="card">
        {p.keys.length === 0 ? (
          <p class="empty">{t(m.keysNone)}</p>
        ) : (
          <table class="cards">
            <thead>
              <tr>
                <th>{t(m.keysName)}</th>
                <th>{t(m.keysRole)}</th>
                <th>{t(m.keysKey)}</th>
                <th>{t(m.keysLastUsed)}</th>
                <th>{t(m.usersActions)}</th>
              </tr>
            </thead>
            <tbody>
              {p.keys.map((k) => (
                <tr data-testid="api-key-row">
                  <td data-label={t(m.keysName)}>{k.name}</td>
                  <td data-label={t(m.keysRole)}>
                    <span class={`badge ${k.role}`}>{role(k.role)}</span>
                  </td>
                  <td class="muted" data-label={t(m.keysKey)}>
                    {k.prefix}…
                  </td>
                  <td class="muted" data-label={t(m.keysLastUsed)}>
                    {k.lastUsedAt ? when(k.lastUsedAt) : t(m.never)}
                  </td>
                  <td data-label={t(m.usersActions)}>
                    {k.revokedAt ? (
                      <span class="badge">{t(m.keysRevoked)}</span>
                    ) : (
                      <ConfirmAction
                        action={`/settings/api-keys/${k.id}/revoke`}
                        label={t(m.revoke)}
                        confirmLabel={t(sw.revokeKeyConfirm, { name: k.name })}
                        explain={t(sw.revokeKeyExplain, { name: k.name })}
                        csrf={p.csrfToken}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card">
        <h2>{t(m.keysCreateHeading)}</h2>
        <form class="row" method="post" action="/settings/api-keys">
          <Csrf token={p.csrfToken} />
          <label>
            {t(m.keysName)}
            <input name="name" required maxlength={80} />
          </label>
          <label>
            {t(m.keysRole)}
            <select name="role">
              <option value="agent">{role('agent')}</option>
              <option value="analyst">{role('analyst')}</option>
              <option value="admin">{role('admin')}</option>
            </select>
          </label>
          <button type="submit">{t(m.keysCreate)}</button>
        </form>
      </section>
    </SettingsShell>
  );
}
