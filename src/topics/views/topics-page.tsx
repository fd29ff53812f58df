import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, PostButton, SettingsShell } from '../../http/web/settings-shell';
import { TOPIC_KINDS } from '../schema';
import type { publicTopic } from '../topics.service';

type Topic = ReturnType<typeof publicTopic>;

export function TopicsPage(
  p: PageBase & { topics: Topic[]; canManage: boolean; error?: string | undefined; values?: Record<string, string> },
) {
  return (
    <SettingsShell {...p} title="Topics" tab="/settings/topics">
      <Flash kind="error" message={p.error} />
      <section class="card">
        {p.topics.length === 0 ? (
          <p class="empty">No topics yet. A topic is a brand, competitor, product or campaign to listen for.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Topic</th>
                <th>Kind</th>
                <th>Query</th>
                {p.canManage ? <th></th> : null}
              </tr>
            </thead>
            <tbody>
              {p.topics.map((t) => (
                <tr data-testid="topic-row">
                  <td>
                    {t.name}
                    {t.active ? null : <span class="badge">paused</span>}
                  </td>
                  <td>
                    <span class="badge">{t.kind}</span>
                  </td>
                  <td>
                    <code>{t.query}</code>
                  </td>
                  {p.canManage ? (
                    <td>
                      <div class="row">
                        <PostButton
                          action={`/settings/topics/${t.id}/${t.active ? 'pause' : 'resume'}`}
                          label={t.active ? 'Pause' : 'Resume'}
                          csrf={p.csrfToken}
                        />
                        <PostButton
                          action={`/settings/topics/${t.id}/delete`}
                          label="Delete"
                          kind="danger"
                          csrf={p.csrfToken}
                        />
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {p.canManage ? (
        <section class="card">
          <h2>Track a topic</h2>
          <form class="row" method="post" action="/settings/topics">
            <Csrf token={p.csrfToken} />
            <label>
              Name
              <input name="name" required maxlength={80} value={p.values?.name ?? ''} />
            </label>
            <label>
              Kind
              <select name="kind">
                {TOPIC_KINDS.map((k) => (
                  <option value={k} selected={k === (p.values?.kind ?? 'brand')}>
                    {k}
                  </option>
                ))}
              </select>
            </label>
            <label class="grow">
              Query
              <input
                name="query"
                required
                maxlength={1000}
                value={p.values?.query ?? ''}
                placeholder='acme OR "acme cloud" -job #acme @acmehq'
              />
            </label>
            <button type="submit">Add topic</button>
          </form>
          <p class="muted small">
            Words must all appear; "quoted phrases" appear as written; OR for alternatives; -word excludes; #hashtags
            and @handles; parentheses group.
          </p>
        </section>
      ) : null}
    </SettingsShell>
  );
}
