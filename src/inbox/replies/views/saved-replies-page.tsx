import { useT } from '../../../http/web/i18n';
import { Flash } from '../../../http/web/layout';
import { ConfirmAction, Csrf, type PageBase, SettingsShell } from '../../../http/web/settings-shell';
import { savedReplyDeleteWords as dw } from './saved-replies.messages';
import { savedReplyMessages as m } from '../messages';
import type { SavedReplyRow } from '../saved.service';
import { TEMPLATE_VARIABLES } from '../template';

export interface SavedRepliesPageProps extends PageBase {
  items: SavedReplyRow[];
  /** Admins keep the shared replies; everyone keeps their own. */
  canShare: boolean;
  userId: string | null;
  /** The reply being edited, if any. */
  editing?: SavedReplyRow | undefined;
  values?: { name: string; body: string; shared: boolean } | undefined;
  ok?: string | undefined;
  error?: string | undefined;
}

const Variables = () => (
  <p class="muted small">
    {useT().t(m.variables)}{' '}
    {TEMPLATE_VARIABLES.map((v) => (
      <code>{`{{${v}}}`}</code>
    ))}
  </p>
);

/** Settings > Saved replies: canned answers with variables, shared with the team or kept private. */
export function SavedRepliesPage(p: SavedRepliesPageProps) {
  const { t } = useT();
  const mayChange = (s: SavedReplyRow) => (s.ownerId === null ? p.canShare : s.ownerId === p.userId);
  const v =
    p.values ??
    (p.editing
      ? { name: p.editing.name, body: p.editing.body, shared: p.editing.ownerId === null }
      : { name: '', body: '', shared: false });
  return (
    <SettingsShell {...p} title={t(m.title)} tab="/settings/saved-replies">
      <div aria-live="polite">
        <Flash kind="ok" message={p.ok} />
      </div>
      <Flash kind="error" message={p.error} />
      <section class="card">
        {p.items.length === 0 ? (
          <p class="empty">{t(m.empty)}</p>
        ) : (
          <table class="cards">
            <thead>
              <tr>
                <th>{t(m.columnName)}</th>
                <th>{t(m.columnReply)}</th>
                <th>{t(m.columnFor)}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((s) => (
                <tr data-testid="saved-reply-row">
                  <td data-label={t(m.columnName)}>{s.name}</td>
                  <td class="small name-cell" data-label={t(m.columnReply)}>
                    {s.body}
                  </td>
                  <td data-label={t(m.columnFor)}>
                    {s.ownerId === null ? (
                      <span class="badge">{t(m.forTeam)}</span>
                    ) : (
                      <span class="badge">{t(m.forMe)}</span>
                    )}
                  </td>
                  <td>
                    {mayChange(s) ? (
                      <div class="row">
                        <a href={`/settings/saved-replies/${s.id}`}>{t(m.edit)}</a>
                        <ConfirmAction
                          action={`/settings/saved-replies/${s.id}/delete`}
                          label={t(m.delete)}
                          confirmLabel={t(dw.confirm, { name: s.name })}
                          explain={t(dw.explain, { name: s.name, shared: s.ownerId === null ? 'yes' : 'no' })}
                          csrf={p.csrfToken}
                        />
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card">
        <h2>{p.editing ? t(m.editHeading, { name: p.editing.name }) : t(m.newHeading)}</h2>
        <form
          method="post"
          action={p.editing ? `/settings/saved-replies/${p.editing.id}` : '/settings/saved-replies'}
          class="stack"
          data-testid="saved-reply-form"
        >
          <Csrf token={p.csrfToken} />
          <label>
            {t(m.name)}
            <input name="name" required maxlength={80} value={v.name} placeholder={t(m.namePlaceholder)} />
          </label>
          <label>
            {t(m.body)}
            <textarea
              name="body"
              rows={4}
              required
              maxlength={5000}
              placeholder={t(m.bodyPlaceholder, {
                firstName: '{{first_name}}',
                agentFirstName: '{{agent_first_name}}',
              })}
            >
              {v.body}
            </textarea>
          </label>
          <Variables />
          {p.canShare && !p.editing ? (
            <label class="check">
              <input type="checkbox" name="shared" value="1" checked={v.shared} /> {t(m.share)}
            </label>
          ) : null}
          <div class="row">
            <button type="submit">{t(p.editing ? m.save : m.saveNew)}</button>
            {p.editing ? <a href="/settings/saved-replies">{t(m.cancel)}</a> : null}
          </div>
        </form>
      </section>
    </SettingsShell>
  );
}
