import { useT } from '../../http/web/i18n';
import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, PostButton, SettingsShell } from '../../http/web/settings-shell';
import { topicMessages as m } from '../messages';
import type { publicTopic } from '../topics.service';
import { TopicFields } from './topic-pages';

type Topic = ReturnType<typeof publicTopic>;

export function TopicsPage(
  p: PageBase & {
    topics: Topic[];
    canManage: boolean;
    ok?: string | undefined;
    error?: string | undefined;
    values?: Record<string, string>;
  },
) {
  const { t } = useT();
  return (
    <SettingsShell {...p} title={t(m.title)} tab="/settings/topics">
      <div aria-live="polite">
        <Flash kind="ok" message={p.ok} />
      </div>
      <Flash kind="error" message={p.error} />
      <section class="card">
        {p.topics.length === 0 ? (
          <p class="empty">{t(m.empty)}</p>
        ) : (
          <table class="cards">
            <thead>
              <tr>
                <th>{t(m.columnTopic)}</th>
                <th>{t(m.columnKind)}</th>
                <th>{t(m.columnQuery)}</th>
                {p.canManage ? <th>{t(m.actions)}</th> : null}
              </tr>
            </thead>
            <tbody>
              {p.topics.map((topic) => (
                <tr data-testid="topic-row">
                  <td data-label={t(m.columnTopic)}>
                    {topic.name} {topic.active ? null : <span class="badge">{t(m.paused)}</span>}
                  </td>
                  <td data-label={t(m.columnKind)}>
                    <span class="badge">{t(m.kind, { kind: topic.kind })}</span>
                  </td>
                  <td data-label={t(m.columnQuery)} class="topic-query">
                    <code>{topic.query}</code>
                  </td>
                  {p.canManage ? (
                    <td data-label={t(m.actions)}>
                      <div class="row">
                        <a class="button secondary-link" href={`/settings/topics/${topic.id}`}>
                          {t(m.edit)}
                        </a>
                        <PostButton
                          action={`/settings/topics/${topic.id}/${topic.active ? 'pause' : 'resume'}`}
                          label={t(topic.active ? m.pause : m.resume)}
                          csrf={p.csrfToken}
                        />
                        {/* A page that says what deleting does, with the number of mentions, before it is done. */}
                        <a class="button danger-link" href={`/settings/topics/${topic.id}/delete`}>
                          {t(m.delete)}
                        </a>
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
            <TopicFields values={p.values} />
            <button type="submit">{t(m.add)}</button>
          </form>
          <p class="muted small">{t(m.queryHelp)}</p>
        </section>
      ) : null}
    </SettingsShell>
  );
}
