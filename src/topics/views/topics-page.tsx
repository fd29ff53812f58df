import { useT } from '../../http/web/i18n';
import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, PostButton, SettingsShell } from '../../http/web/settings-shell';
import { topicMessages as m } from '../messages';
import { TOPIC_KINDS } from '../schema';
import type { publicTopic } from '../topics.service';

type Topic = ReturnType<typeof publicTopic>;

export function TopicsPage(
  p: PageBase & { topics: Topic[]; canManage: boolean; error?: string | undefined; values?: Record<string, string> },
) {
  const { t } = useT();
  return (
    <SettingsShell {...p} title={t(m.title)} tab="/settings/topics">
      <Flash kind="error" message={p.error} />
      <section class="card">
        {p.topics.length === 0 ? (
          <p class="empty">{t(m.empty)}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t(m.columnTopic)}</th>
                <th>{t(m.columnKind)}</th>
                <th>{t(m.columnQuery)}</th>
                {p.canManage ? <th></th> : null}
              </tr>
            </thead>
            <tbody>
              {p.topics.map((topic) => (
                <tr data-testid="topic-row">
                  <td>
                    {topic.name}
                    {topic.active ? null : <span class="badge">{t(m.paused)}</span>}
                  </td>
                  <td>
                    <span class="badge">{t(m.kind, { kind: topic.kind })}</span>
                  </td>
                  <td>
                    <code>{topic.query}</code>
                  </td>
                  {p.canManage ? (
                    <td>
                      <div class="row">
                        <PostButton
                          action={`/settings/topics/${topic.id}/${topic.active ? 'pause' : 'resume'}`}
                          label={t(topic.active ? m.pause : m.resume)}
                          csrf={p.csrfToken}
                        />
                        <PostButton
                          action={`/settings/topics/${topic.id}/delete`}
                          label={t(m.delete)}
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
          <h2>{t(m.addHeading)}</h2>
          <form class="row" method="post" action="/settings/topics">
            <Csrf token={p.csrfToken} />
            <label>
              {t(m.name)}
              <input name="name" required maxlength={80} value={p.values?.name ?? ''} />
            </label>
            <label>
              {t(m.kindLabel)}
              <select name="kind">
                {TOPIC_KINDS.map((k) => (
                  <option value={k} selected={k === (p.values?.kind ?? 'brand')}>
                    {t(m.kind, { kind: k })}
                  </option>
                ))}
              </select>
            </label>
            <label class="grow">
              {t(m.query)}
              <input
                name="query"
                required
                maxlength={1000}
                value={p.values?.query ?? ''}
                placeholder={t(m.queryPlaceholder)}
              />
            </label>
            <button type="submit">{t(m.add)}</button>
          </form>
          <p class="muted small">{t(m.queryHelp)}</p>
        </section>
      ) : null}
    </SettingsShell>
  );
}
