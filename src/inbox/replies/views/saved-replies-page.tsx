import { Flash } from '../../../http/web/layout';
import { Csrf, type PageBase, PostButton, SettingsShell } from '../../../http/web/settings-shell';
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
    Variables filled in per conversation:{' '}
    {TEMPLATE_VARIABLES.map((v) => (
      <code>{`{{${v}}}`}</code>
    ))}
  </p>
);

/** Settings > Saved replies: canned answers with variables, shared with the team or kept private. */
export function SavedRepliesPage(p: SavedRepliesPageProps) {
  const mayChange = (s: SavedReplyRow) => (s.ownerId === null ? p.canShare : s.ownerId === p.userId);
  const v =
    p.values ??
    (p.editing
      ? { name: p.editing.name, body: p.editing.body, shared: p.editing.ownerId === null }
      : { name: '', body: '', shared: false });
  return (
    <SettingsShell {...p} title="Saved replies" tab="/settings/saved-replies">
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      <section class="card">
        {p.items.length === 0 ? (
          <p class="empty">
            No saved replies yet. Save the answers you give often; insert them from the reply composer.
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Reply</th>
                <th>For</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((s) => (
                <tr data-testid="saved-reply-row">
                  <td>{s.name}</td>
                  <td class="small name-cell">{s.body}</td>
                  <td>{s.ownerId === null ? <span class="badge">team</span> : <span class="badge">only me</span>}</td>
                  <td>
                    {mayChange(s) ? (
                      <div class="row">
                        <a href={`/settings/saved-replies/${s.id}`}>Edit</a>
                        <PostButton
                          action={`/settings/saved-replies/${s.id}/delete`}
                          label="Delete"
                          kind="danger"
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
        <h2>{p.editing ? `Edit “${p.editing.name}”` : 'Save a reply'}</h2>
        <form
          method="post"
          action={p.editing ? `/settings/saved-replies/${p.editing.id}` : '/settings/saved-replies'}
          class="stack"
          data-testid="saved-reply-form"
        >
          <Csrf token={p.csrfToken} />
          <label>
            Name
            <input name="name" required maxlength={80} value={v.name} placeholder="Order delayed" />
          </label>
          <label>
            Reply
            <textarea
              name="body"
              rows={4}
              required
              maxlength={5000}
              placeholder="Hi {{first_name}}, sorry about the wait! DM us your order number. {{agent_first_name}}"
            >
              {v.body}
            </textarea>
          </label>
          <Variables />
          {p.canShare && !p.editing ? (
            <label class="check">
              <input type="checkbox" name="shared" value="1" checked={v.shared} /> Share with the whole team
            </label>
          ) : null}
          <div class="row">
            <button type="submit">{p.editing ? 'Save' : 'Save reply'}</button>
            {p.editing ? <a href="/settings/saved-replies">Cancel</a> : null}
          </div>
        </form>
      </section>
    </SettingsShell>
  );
}
