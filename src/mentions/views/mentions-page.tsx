import { translatorFor } from '../../core/i18n/translator';
import { compact, platformLabel } from '../../http/web/format';
import { useT } from '../../http/web/i18n';
import { AppShell, type ShellProps } from '../../http/web/layout';
import { SentimentBadge, WhyDisclosure } from '../../http/web/sentiment';
import { isUncertain } from '../effective-sentiment';
import type { MentionRow } from '../list';
import { m } from '../messages';

export interface MentionsPageProps extends Omit<ShellProps, 'title' | 'active' | 'children'> {
  items: MentionRow[];
  /** The workspace's sentiment confidence threshold (below it a label shows as uncertain). */
  confidenceThreshold: number;
  topics: { id: string; name: string }[];
  platforms: readonly string[];
  filters: {
    topic?: string | undefined;
    platform?: string | undefined;
    q?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    sentiment?: string | undefined;
    language?: string | undefined;
    source?: string | undefined;
  };
  next: string | null;
}

/** "5 minutes ago" within a day, else the day it was posted. */
const ago = (d: Date) => {
  const { relative, date } = useT();
  const now = new Date();
  if (now.getTime() - d.getTime() >= 86_400_000) return date(d);
  return relative(d.getTime() > now.getTime() ? now : d, now);
};

/** The filters a report linked here with, in words: "negative mentions from 1 Dec 2026 to 7 Dec 2026 (UTC)". */
function RangeText({ filters: f }: { filters: MentionsPageProps['filters'] }) {
  const { t, locale } = useT();
  // The days are UTC days (the page says so): written in the viewer's language, not moved into their zone.
  const day = (d: string) => translatorFor(locale, 'UTC').date(new Date(`${d}T00:00:00Z`));
  const range = f.from && f.to ? 'both' : f.from ? 'from' : f.to ? 'to' : 'none';
  const sources = f.source
    ?.split(',')
    .map((source) => t(m.source, { source }))
    .join(', ');
  return (
    <>
      {t(m.range, {
        sentiment: f.sentiment ?? 'all',
        range,
        from: f.from ? day(f.from) : '',
        to: f.to ? day(f.to) : '',
      })}
      {f.language ? t(m.inLanguage, { language: f.language }) : ''}
      {sources ? t(m.fromSources, { sources }) : ''}
    </>
  );
}

/**
 * The mention stream: every post from every source, newest first. Text from the internet is
 * rendered only through JSX, which escapes it.
 */
export function MentionsPage(p: MentionsPageProps) {
  const names = new Map(p.topics.map((topic) => [topic.id, topic.name]));
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...p.filters, ...extra })) if (v) params.set(k, v);
    return `/inbox/mentions?${params.toString()}`;
  };
  const { t } = useT();
  const author = (r: MentionRow) => r.authorName ?? r.authorHandle ?? t(m.unknownAuthor);
  return (
    <AppShell {...p} title={t(m.title)} active="/inbox">
      <div class="page-head">
        <h1>{t(m.title)}</h1>
        <a href="/inbox">← {t(m.conversations)}</a>
      </div>
      <form class="row card" method="get" action="/inbox/mentions" role="search">
        <label>
          {t(m.search)}
          <input type="search" name="q" value={p.filters.q ?? ''} placeholder={t(m.searchHint)} />
        </label>
        <label>
          {t(m.topic)}
          <select name="topic">
            <option value="">{t(m.allTopics)}</option>
            {p.topics.map((topic) => (
              <option value={topic.id} selected={topic.id === p.filters.topic}>
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
              <option value={pl} selected={pl === p.filters.platform}>
                {platformLabel(pl)}
              </option>
            ))}
          </select>
        </label>
        {p.filters.from ? <input type="hidden" name="from" value={p.filters.from} /> : null}
        {p.filters.to ? <input type="hidden" name="to" value={p.filters.to} /> : null}
        {p.filters.sentiment ? <input type="hidden" name="sentiment" value={p.filters.sentiment} /> : null}
        {p.filters.language ? <input type="hidden" name="language" value={p.filters.language} /> : null}
        {p.filters.source ? <input type="hidden" name="source" value={p.filters.source} /> : null}
        <button type="submit">{t(m.filter)}</button>
        <a href={query({})}>{t(m.refresh)}</a>
      </form>
      {p.filters.from || p.filters.to || p.filters.sentiment || p.filters.language || p.filters.source ? (
        <p class="muted small" data-testid="mention-range">
          <RangeText filters={p.filters} /> · <a href="/inbox/mentions">{t(m.allMentions)}</a>
        </p>
      ) : null}
      {p.items.length === 0 ? (
        <div class="card empty">{t(m.empty)}</div>
      ) : (
        <ol class="mentions" data-testid="mentions">
          {p.items.map((row) => (
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
                    { override: row.sentimentOverride, label: row.sentimentLabel, confidence: row.sentimentConfidence },
                    p.confidenceThreshold,
                  )}
                  corrected={row.sentimentOverride !== null}
                  testid="mention-sentiment"
                />
                {row.topicIds
                  .filter((id) => names.has(id))
                  .map((id) => (
                    <a class="badge" href={query({ topic: id, cursor: '' })}>
                      {names.get(id)}
                    </a>
                  ))}
                {row.deletedAt ? <span class="badge">{t(m.deleted)}</span> : null}
                {row.url && /^https?:\/\//.test(row.url) ? (
                  <a href={row.url} rel="noopener noreferrer nofollow" target="_blank">
                    {t(m.openOriginal)}
                  </a>
                ) : null}
              </div>
              <WhyDisclosure mentionId={row.id} label={row.sentimentLabel} corrected={row.sentimentOverride !== null} />
            </li>
          ))}
        </ol>
      )}
      {p.next ? (
        <p>
          <a class="button" href={query({ cursor: p.next })}>
            {t(m.older)}
          </a>
        </p>
      ) : null}
    </AppShell>
  );
}
