import { useT } from '../../http/web/i18n';
import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, PostButton, SettingsShell } from '../../http/web/settings-shell';
import { topicMessages as m } from '../messages';
import { TOPIC_KINDS } from '../schema';
import type { publicTopic } from '../topics.service';

type Topic = ReturnType<typeof publicTopic>;

/** Name, kind and query: the fields of adding and of editing a topic. */
export function TopicFields(p: { values?: Record<string, string> | undefined }) {
  const { t } = useT();
  return (
    <>
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
    </>
  );
}

export function TopicEditPage(
  p: PageBase & { topic: Topic; error?: string | undefined; values?: Record<string, string> | undefined },
) {
  const { t } = useT();
  const title = t(m.editTitle, { name: p.topic.name });
  return (
    <SettingsShell {...p} title={title} tab="/settings/topics">
      <p>
        <a href="/settings/topics">← {t(m.back)}</a>
      </p>
      <Flash kind="error" message={p.error} />
      <form class="card stack narrow" method="post" action={`/settings/topics/${p.topic.id}`}>
        <h2>{title}</h2>
        <Csrf token={p.csrfToken} />
        <TopicFields values={p.values ?? { name: p.topic.name, kind: p.topic.kind, query: p.topic.query }} />
        <p class="muted small">{t(m.queryHelp)}</p>
        <p class="muted small">{t(m.editQueryNote)}</p>
        <div class="row">
          <button type="submit">{t(m.save)}</button>
          <a href="/settings/topics">{t(m.cancel)}</a>
          <a class="button danger-link" href={`/settings/topics/${p.topic.id}/delete`}>
            {t(m.delete)}
          </a>
        </div>
      </form>
    </SettingsShell>
  );
}

/** The step before deleting: what happens to the topic's mentions, and pausing as the way to keep them tagged. */
export function TopicDeletePage(p: PageBase & { topic: Topic; mentions: number }) {
  const { t } = useT();
  const title = t(m.deleteTitle, { name: p.topic.name });
  return (
    <SettingsShell {...p} title={title} tab="/settings/topics">
      <section class="card stack narrow" data-testid="topic-delete">
        <h2>{title}</h2>
        <p>{t(m.deleteExplain, { count: p.mentions, name: p.topic.name })}</p>
        {p.topic.active ? <p class="muted">{t(m.deletePauseHint)}</p> : null}
        <div class="row">
          <PostButton
            action={`/settings/topics/${p.topic.id}/delete`}
            label={t(m.deleteConfirm)}
            kind="danger"
            csrf={p.csrfToken}
          />
          {p.topic.active ? (
            <PostButton action={`/settings/topics/${p.topic.id}/pause`} label={t(m.pauseInstead)} csrf={p.csrfToken} />
          ) : null}
          <a href="/settings/topics">{t(m.cancel)}</a>
        </div>
      </section>
    </SettingsShell>
  );
}
