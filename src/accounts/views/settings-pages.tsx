import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, PostButton, SettingsShell } from '../../http/web/settings-shell';
import type { publicApiKey } from '../api-keys.service';
import type { publicInvitation } from '../invitations.service';
import { type Permission, PERMISSIONS, ROLE_PERMISSIONS } from '../../core/roles';
import { ROLES, type Role } from '../../core/roles';
import type { publicUser } from '../users.service';

export interface UsersPageProps extends PageBase {
  users: ReturnType<typeof publicUser>[];
  invitations: ReturnType<typeof publicInvitation>[];
  canManage: boolean;
  grantable: Role[];
  ok?: string | undefined;
  error?: string | undefined;
  /** An invitation link to pass on by hand (no SMTP): shown once, right after inviting. */
  link?: string | undefined;
}

export function UsersPage(p: UsersPageProps) {
  return (
    <SettingsShell {...p} title="Users" tab="/settings/users">
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      {p.link ? (
        <div class="card stack" role="status">
          <strong>Email is not set up (SMTP_URL): send this link to the person yourself. It is not shown again.</strong>
          <div class="secret" data-testid="invitation-link">
            {p.link}
          </div>
        </div>
      ) : null}
      <section class="card">
        <table>
          <thead>
            <tr>
              <th>User</th>
              <th>Role</th>
              <th>Status</th>
              <th>Last sign-in</th>
              {p.canManage ? <th>Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {p.users.map((u) => (
              <tr data-testid="user-row">
                <td>
                  <div>{u.name || u.email}</div>
                  <div class="muted">{u.email}</div>
                </td>
                <td>
                  <span class={`badge ${u.role}`}>{u.role}</span>
                </td>
                <td>{u.disabled ? 'disabled' : 'active'}</td>
                <td class="muted">{u.lastLoginAt ? u.lastLoginAt.slice(0, 16).replace('T', ' ') : 'never'}</td>
                {p.canManage ? (
                  <td>
                    <div class="row">
                      <form class="inline" method="post" action={`/settings/users/${u.id}`}>
                        <Csrf token={p.csrfToken} />
                        <select name="role" aria-label={`Role of ${u.email}`}>
                          {ROLES.map((r) => (
                            <option
                              value={r}
                              selected={r === u.role}
                              disabled={!p.grantable.includes(r) && r !== u.role}
                            >
                              {r}
                            </option>
                          ))}
                        </select>
                        <button class="secondary" type="submit">
                          Save
                        </button>
                      </form>
                      {u.id !== p.user?.id ? (
                        <PostButton
                          action={`/settings/users/${u.id}/delete`}
                          label="Remove"
                          kind="danger"
                          csrf={p.csrfToken}
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
  return (
    <section class="card">
      <h2>Invite a user</h2>
      <p class="muted">
        They get a link (by email, or from you when email is not set up) that works once, for 7 days, and choose their
        own password.
      </p>
      <form class="row" method="post" action="/settings/users">
        <Csrf token={p.csrfToken} />
        <label>
          Email
          <input name="email" type="email" required />
        </label>
        <label>
          Name
          <input name="name" maxlength={120} />
        </label>
        <label>
          Role
          <select name="role">
            {p.grantable.map((r) => (
              <option value={r} selected={r === 'agent'}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Invite</button>
      </form>
      {p.invitations.length ? (
        <table>
          <thead>
            <tr>
              <th>Invited</th>
              <th>Role</th>
              <th>Expires</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {p.invitations.map((i) => (
              <tr data-testid="invitation-row">
                <td>
                  <div>{i.name || i.email}</div>
                  <div class="muted">{i.email}</div>
                </td>
                <td>
                  <span class={`badge ${i.role}`}>{i.role}</span>
                </td>
                <td class="muted">{i.expiresAt.slice(0, 16).replace('T', ' ')}</td>
                <td>
                  <PostButton
                    action={`/settings/users/invitations/${i.id}/revoke`}
                    label="Revoke"
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
  return (
    <section class="card">
      <h2>What each role may do</h2>
      <table>
        <thead>
          <tr>
            <th>Permission</th>
            {ROLES.map((r) => (
              <th>{r}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {perms.map((perm) => (
            <tr>
              <td>{PERMISSIONS[perm]}</td>
              {ROLES.map((r) => (
                <td>{ROLE_PERMISSIONS[r].includes(perm) ? '✓' : ''}</td>
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
  error?: string | undefined;
}

export function ApiKeysPage(p: ApiKeysPageProps) {
  return (
    <SettingsShell {...p} title="API keys" tab="/settings/api-keys">
      <Flash kind="error" message={p.error} />
      {p.newKey ? (
        <div class="card stack" role="status">
          <strong>Copy this key now: it is not shown again.</strong>
          <div class="secret" data-testid="new-api-key">
            {p.newKey}
          </div>
        </div>
      ) : null}
      <section class="card">
        {p.keys.length === 0 ? (
          <p class="empty">No API keys yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Key</th>
                <th>Last used</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {p.keys.map((k) => (
                <tr>
                  <td>{k.name}</td>
                  <td>
                    <span class={`badge ${k.role}`}>{k.role}</span>
                  </td>
                  <td class="muted">{k.prefix}…</td>
                  <td class="muted">{k.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never'}</td>
                  <td>
                    {k.revokedAt ? (
                      <span class="badge">revoked</span>
                    ) : (
                      <PostButton
                        action={`/settings/api-keys/${k.id}/revoke`}
                        label="Revoke"
                        kind="danger"
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
        <h2>Create an API key</h2>
        <form class="row" method="post" action="/settings/api-keys">
          <Csrf token={p.csrfToken} />
          <label>
            Name
            <input name="name" required maxlength={80} />
          </label>
          <label>
            Role
            <select name="role">
              <option value="agent">agent</option>
              <option value="analyst">analyst</option>
              <option value="admin">admin</option>
            </select>
          </label>
          <button type="submit">Create key</button>
        </form>
      </section>
    </SettingsShell>
  );
}
