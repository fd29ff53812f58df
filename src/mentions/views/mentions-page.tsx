import { translatorFor } from '../../core/i18n/translator';
import { compact, platformLabel } from '../../http/web/format';
import { useT } from '../../http/web/i18n';
import { AppShell, type ShellProps } from '../../http/web/layout';
import { web } from '../../http/web/messages';
import { SentimentBadge, WhyDisclosure } from '../../http/web/sentiment';
import { Csrf } from '../../http/web/settings-shell';
import { effectiveIntents, isUncertain } from '../effective-sentiment';
import type { MentionRow } from '../list';
import { m } from '../messages';
import {
  activeFilters,
  type FilterKey,
  isDay,
  STREAM_SENTIMENTS,
  type StreamFilters,
  streamHref,
} from '../stream-filters';

export interface MentionsPageProps extends Omit<ShellProps, 'title' | 'active' | 'children'> {
  items: MentionRow[];
  /** The workspace's sentiment confidence threshold (below it a label shows as uncertain). */
  confidenceThreshold: number;
  topics: { id: string; name: string }[];
  platforms: readonly string[];
  intents: readonly string[];
  filters: StreamFilters;
  next: string | null;
  /** Who a mention's conversation may be assigned to (empty for a reader). */
  teammates: { id: string; name: string }[];
  /** The viewer's user id (first in the assign choice). */
  me: string | null;
  /** May triage: reply and assign are offered. */
  canWrite: boolean;
}

/** "5 minutes ago" within a day, else the day it was posted. */
const ago = (d: Date) => {
  const { relative, date } = useT();
  const now = new Date();
  if (now.getTime() - d.getTime() >= 86_400_000) return date(d);
  return relative(d.getTime() > now.getTime() ? now : d, now);
};

/** A bound of the range in words: a day as written (a UTC day), an instant in the viewer's zone. */
function boundText(bound: string) {
  const { locale, dateTime } = useT();
  // Days are UTC days (the page says so): written in the viewer's language, not moved into their zone.
  return isDay(bound) ? translatorFor(locale, 'UTC').date(new Date(`${bound}T00:00:00Z`)) : dateTime(bound);
}

/** One active filter in words: "Sentiment: negative", "From: 1 Dec 2026". */
function filterText(key: FilterKey, value: string, topics: Map<string, string>): string {
  const { t } = useT();
  switch (key) {
    case 'topic':
      return t(m.chipTopic, { topic: topics.get(value) ?? t(m.unknownTopic) });
    case 'platform':
      return t(m.chipPlatform, { platform: platformLabel(value) });
    case 'sentiment':
      return t(m.chipSentiment, { sentiment: t(web.sentiment, { label: value }) });
    case 'intent':
      return t(m.chipIntent, { intent: t(m.intent, { intent: value }) });
    case 'from':
      return t(m.chipFrom, { day: boundText(value), utc: isDay(value) ? 'yes' : 'no' });
    case 'to':
      return t(m.chipTo, { day: boundText(value), utc: isDay(value) ? 'yes' : 'no' });
    case 'language':
      return t(m.chipLanguage, { language: value });
    case 'source':
      return t(m.chipSource, {
        sources: value
          .split(',')
          .map((source) => t(m.source, { source }))
          .join(', '),
      });
    default:
      return t(m.chipSearch, { q: value });
  }
}

/** The filters in use as chips, each a link to the same list without it. */
function ActiveFilters(p: { filters: StreamFilters; topics: Map<string, string> }) {
  const { t } = useT();
  const active = activeFilters(p.filters);
  if (active.length === 0) return null;
  return (
    <div class="stream-chips" data-testid="active-filters">
      <span class="muted small" id="active-filters-h">
        {t(m.activeFilters)}
      </span>
      <ul class="pill-list" aria-labelledby="active-filters-h">
        {active.map(({ key, value }) => {
          const text = filterText(key, value, p.topics);
          return (
            <li>
              <a
                class="pill"
                href={streamHref(p.filters, { [key]: undefined })}
                data-testid="filter-chip"
                data-filter={key}
                aria-label={t(m.removeFilter, { filter: text })}
              >
                {text} <span aria-hidden="true">×</span>
              </a>
            </li>
          );
        })}
        <li>
          <a href="/inbox/mentions" data-testid="clear-filters">
            {t(m.allMentions)}
          </a>
        </li>
      </ul>
    </div>
  );
}

/** Reply and assign for a mention that joined a conversation: links to it, and a small form to assign it. */
function Triage(p: {
  row: MentionRow;
  teammates: MentionsPageProps['teammates'];
  me: string | null;
  csrf: string | undefined;
}) {
  const { t } = useT();
  const id = p.row.conversationId!;
  const mine = p.teammates.filter((u) => u.id === p.me);
  const others = p.teammates.filter((u) => u.id !== p.me);
  return (
    <div class="mention-triage" data-testid="mention-triage">
      <a class="button small" href={`/inbox/c/${id}#composer`} data-testid="mention-reply">
        {t(m.reply)}
      </a>
      {p.teammates.length > 0 ? (
        // The conversation's own triage form, with only the assignee: the rest of the conversation is unchanged.
        <form class="inline assign-form" method="post" action={`/inbox/c/${id}/update`} data-testid="mention-assign">
          <Csrf token={p.csrf} />
          <select name="assigneeId" aria-label={t(m.assignTo)}>
            {[...mine, ...others].map((u) => (
              <option value={u.id}>{u.id === p.me ? t(m.me, { name: u.name }) : u.name}</option>
            ))}
          </select>
          <button class="secondary small" type="submit">
            {t(m.assign)}
          </button>
        </form>
      ) : null}
    </div>
  );
}

/**
 * The mention stream: every post from every source, newest first. Text from the internet is
 * rendered only through JSX, which escapes it.
 */
export function MentionsPage(p: MentionsPageProps) {
  const names = new Map(p.topics.map((topic) => [topic.id, topic.name]));
  const f = p.filters;
  const { t } = useT();
  const author = (r: MentionRow) => r.authorName ?? r.authorHandle ?? t(m.unknownAuthor);
  // The finer filters fold away (no script needed) until one is in use.
  const more = !!(f.sentiment || f.intent || f.from || f.to);
  return (
    <AppShell {...p} title={t(m.title)} active="/inbox">
      <div class="page-head">
        <h1>{t(m.title)}</h1>
        <a href="/inbox">← {t(m.conversations)}</a>
      </div>
      {/* Every filter in use is a field of this form, so filtering again keeps them all. */}
      <form
        class="card stream-filters"
        method="get"
        action="/inbox/mentions"
        role="search"
        data-testid="stream-filters"
      >
        <div class="row">
          <label class="grow">
            {t(m.search)}
            <input type="search" name="q" value={f.q ?? ''} maxlength={200} placeholder={t(m.searchHint)} />
          </label>
          <label>
            {t(m.topic)}
            <select name="topic">
              <option value="">{t(m.allTopics)}</option>
              {p.topics.map((topic) => (
                <option value={topic.id} selected={topic.id === f.topic}>
                  {topic.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t(m.platform)}
            <select name="platform">
              <option value="">{t(m.allPlatforms)}</option>
              {p.platforms.map((pl) => (
                <option value={pl} selected={pl === f.platform}>
                  {platformLabel(pl)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t(m.filter)}</button>
        </div>
        <details open={more}>
          <summary>{t(m.moreFilters)}</summary>
          <div class="row">
            <label>
              {t(m.sentiment)}
              <select name="sentiment">
                <option value="">{t(m.anySentiment)}</option>
                {STREAM_SENTIMENTS.map((s) => (
                  <option value={s} selected={s === f.sentiment}>
                    {t(web.sentiment, { label: s })}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t(m.intentLabel)}
              <select name="intent">
                <option value="">{t(m.anyIntent)}</option>
                {p.intents.map((i) => (
                  <option value={i} selected={i === f.intent}>
                    {t(m.intent, { intent: i })}
                  </option>
                ))}
              </select>
            </label>
            <DateBound name="from" label={t(m.fromDay)} value={f.from} />
            <DateBound name="to" label={t(m.toDay)} value={f.to} />
          </div>
        </details>
        {f.language ? <input type="hidden" name="language" value={f.language} /> : null}
        {f.source ? <input type="hidden" name="source" value={f.source} /> : null}
      </form>
      <ActiveFilters filters={f} topics={names} />
      <p class="small">
        <a href={streamHref(f)}>{t(m.refresh)}</a>
      </p>
      {p.items.length === 0 ? (
        <div class="card empty">{t(m.empty)}</div>
      ) : (
        <ol class="mentions" data-testid="mentions">
          {p.items.map((row) => {
            const intents = effectiveIntents(row);
            return (
              <li class="card mention" data-testid="mention">
                <div class="mention-head">
                  <span class={`badge platform-${row.platform}`}>{platformLabel(row.platform)}</span>
                  <strong>
                    {row.contactId ? (
                      <a href={`/contacts/${row.contactId}`} data-testid="mention-author">
                        {author(row)}
                      </a>
                    ) : (
                      author(row)
                    )}
                  </strong>
                  {row.authorHandle ? <span class="muted">@{row.authorHandle}</span> : null}
                  {row.authorFollowers !== null ? (
                    <span class="muted">
                      {t(m.followers, { n: row.authorFollowers, count: compact(row.authorFollowers) })}
                    </span>
                  ) : null}
                  <time class="muted" datetime={row.postedAt.toISOString()}>
                    {ago(row.postedAt)}
                  </time>
                </div>
                {row.title ? <div class="mention-title">{row.title}</div> : null}
                <p class="mention-text" dir="auto">
                  {row.text}
                </p>
                {row.textTruncated ? (
                  <p class="muted small" data-testid="mention-truncated">
                    {t(m.truncated)}{' '}
                    {row.url && /^https?:\/\//.test(row.url) ? (
                      <a href={row.url} rel="noopener noreferrer nofollow" target="_blank">
                        {t(m.readAll)}
                      </a>
                    ) : null}
                  </p>
                ) : null}
                <div class="mention-foot">
                  <SentimentBadge
                    label={row.sentimentOverride ?? row.sentimentLabel}
                    confidence={row.sentimentOverride ? null : row.sentimentConfidence}
                    uncertain={isUncertain(
                      {
                        override: row.sentimentOverride,
                        label: row.sentimentLabel,
                        confidence: row.sentimentConfidence,
                      },
                      p.confidenceThreshold,
                    )}
                    corrected={row.sentimentOverride !== null}
                    testid="mention-sentiment"
                  />
                  {intents.map((i) => (
                    <a
                      class="badge intent"
                      href={streamHref(f, { intent: i })}
                      data-testid="mention-intent"
                      title={t(m.onlyIntent, { intent: t(m.intent, { intent: i }) })}
                    >
                      {t(m.intent, { intent: i })}
                    </a>
                  ))}
                  {row.topicIds
                    .filter((id) => names.has(id))
                    .map((id) => (
                      <a class="badge" href={streamHref(f, { topic: id })}>
                        {names.get(id)}
                      </a>
                    ))}
                  {row.deletedAt ? <span class="badge">{t(m.deleted)}</span> : null}
                  {row.conversationId ? (
                    <a href={`/inbox/c/${row.conversationId}`} data-testid="mention-conversation">
                      {t(m.openConversation)}
                    </a>
                  ) : (
                    <span class="muted small">{t(m.notInInbox)}</span>
                  )}
                  {row.url && /^https?:\/\//.test(row.url) ? (
                    <a href={row.url} rel="noopener noreferrer nofollow" target="_blank">
                      {t(m.openOriginal)}
                    </a>
                  ) : null}
                </div>
                {row.conversationId && p.canWrite ? (
                  <Triage row={row} teammates={p.teammates} me={p.me} csrf={p.csrfToken} />
                ) : null}
                <WhyDisclosure
                  mentionId={row.id}
                  label={row.sentimentLabel}
                  corrected={row.sentimentOverride !== null}
                />
              </li>
            );
          })}
        </ol>
      )}
      {p.next ? (
        <p>
          <a class="button" href={streamHref(f, { cursor: p.next })}>
            {t(m.older)}
          </a>
        </p>
      ) : null}
    </AppShell>
  );
}

/**
 * A bound of the range: a date field for a day; an instant (a report's midnight in the workspace's zone) is kept
 * as it came, in a hidden field, since a date field cannot hold it (its chip removes it).
 */
function DateBound(p: { name: 'from' | 'to'; label: string; value: string | undefined }) {
  if (p.value && !isDay(p.value)) return <input type="hidden" name={p.name} value={p.value} />;
  return (
    <label>
      {p.label}
      <input type="date" name={p.name} value={p.value ?? ''} />
    </label>
  );
}
