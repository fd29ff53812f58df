import { compact, PLATFORM_LABELS } from '../../http/web/format';
import { AppShell, type ShellProps } from '../../http/web/layout';
import { SentimentBadge, WhyDisclosure } from '../../http/web/sentiment';
import { isUncertain } from '../effective-sentiment';
import type { MentionRow } from '../list';

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

const ago = (d: Date) => {
  const s = Math.max(0, Math.round((Date.now() - d.getTime()) / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.round(s / 60)}m`;
  if (s < 86400) return `${Math.round(s / 3600)}h`;
  return d.toISOString().slice(0, 10);
};

/**
 * The mention stream: every post from every source, newest first. Text from the internet is
 * rendered only through JSX, which escapes it.
 */
export function MentionsPage(p: MentionsPageProps) {
  const names = new Map(p.topics.map((t) => [t.id, t.name]));
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...p.filters, ...extra })) if (v) params.set(k, v);
    return `/inbox/mentions?${params.toString()}`;
  };
  return (
    <AppShell {...p} title="Mentions" active="/inbox">
      <div class="page-head">
        <h1>Mentions</h1>
        <a href="/inbox">← Conversations</a>
      </div>
      <form class="row card" method="get" action="/inbox/mentions" role="search">
        <label>
          Search
          <input
            type="search"
            name="q"
            value={p.filters.q ?? ''}
            placeholder="words, &quot;phrases&quot;, -exclusions"
          />
        </label>
        <label>
          Topic
          <select name="topic">
            <option value="">All topics</option>
            {p.topics.map((t) => (
              <option value={t.id} selected={t.id === p.filters.topic}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Platform
          <select name="platform">
            <option value="">All platforms</option>
            {p.platforms.map((pl) => (
              <option value={pl} selected={pl === p.filters.platform}>
                {PLATFORM_LABELS[pl] ?? pl}
              </option>
            ))}
          </select>
        </label>
        {p.filters.from ? <input type="hidden" name="from" value={p.filters.from} /> : null}
        {p.filters.to ? <input type="hidden" name="to" value={p.filters.to} /> : null}
        {p.filters.sentiment ? <input type="hidden" name="sentiment" value={p.filters.sentiment} /> : null}
        {p.filters.language ? <input type="hidden" name="language" value={p.filters.language} /> : null}
        {p.filters.source ? <input type="hidden" name="source" value={p.filters.source} /> : null}
        <button type="submit">Filter</button>
        <a href={query({})}>Refresh</a>
      </form>
      {p.filters.from || p.filters.to || p.filters.sentiment || p.filters.language || p.filters.source ? (
        <p class="muted small" data-testid="mention-range">
          {p.filters.sentiment ? `${p.filters.sentiment} mentions` : 'Mentions'}
          {p.filters.from ? ` from ${p.filters.from}` : ''}
          {p.filters.to ? ` to ${p.filters.to}` : ''} (UTC)
          {p.filters.language ? `, in ${p.filters.language}` : ''}
          {p.filters.source ? `, from ${p.filters.source.replaceAll(',', ', ')}` : ''} ·{' '}
          <a href="/inbox/mentions">all mentions</a>
        </p>
      ) : null}
      {p.items.length === 0 ? (
        <div class="card empty">
          No mentions yet. Connect a source under Settings &gt; Sources, or start the app with --demo.
        </div>
      ) : (
        <ol class="mentions" data-testid="mentions">
          {p.items.map((m) => (
            <li class="card mention" data-testid="mention">
              <div class="mention-head">
                <span class={`badge platform-${m.platform}`}>{PLATFORM_LABELS[m.platform] ?? m.platform}</span>
                <strong>
                  {m.contactId ? (
                    <a href={`/contacts/${m.contactId}`} data-testid="mention-author">
                      {m.authorName ?? m.authorHandle ?? 'unknown'}
                    </a>
                  ) : (
                    (m.authorName ?? m.authorHandle ?? 'unknown')
                  )}
                </strong>
                {m.authorHandle ? <span class="muted">@{m.authorHandle}</span> : null}
                {m.authorFollowers !== null ? <span class="muted">{compact(m.authorFollowers)} followers</span> : null}
                <time class="muted" datetime={m.postedAt.toISOString()}>
                  {ago(m.postedAt)}
                </time>
              </div>
              {m.title ? <div class="mention-title">{m.title}</div> : null}
              <p class="mention-text">{m.text}</p>
              {m.textTruncated ? (
                <p class="muted small" data-testid="mention-truncated">
                  Shown in part: the post is longer than we keep.{' '}
                  {m.url && /^https?:\/\//.test(m.url) ? (
                    <a href={m.url} rel="noopener noreferrer nofollow" target="_blank">
                      Read it all on the platform
                    </a>
                  ) : null}
                </p>
              ) : null}
              <div class="mention-foot">
                <SentimentBadge
                  label={m.sentimentOverride ?? m.sentimentLabel}
                  confidence={m.sentimentOverride ? null : m.sentimentConfidence}
                  uncertain={isUncertain(
                    { override: m.sentimentOverride, label: m.sentimentLabel, confidence: m.sentimentConfidence },
                    p.confidenceThreshold,
                  )}
                  corrected={m.sentimentOverride !== null}
                  testid="mention-sentiment"
                />
                {m.topicIds
                  .filter((id) => names.has(id))
                  .map((id) => (
                    <a class="badge" href={query({ topic: id, cursor: '' })}>
                      {names.get(id)}
                    </a>
                  ))}
                {m.deletedAt ? <span class="badge">deleted on the platform</span> : null}
                {m.url && /^https?:\/\//.test(m.url) ? (
                  <a href={m.url} rel="noopener noreferrer nofollow" target="_blank">
                    Open original
                  </a>
                ) : null}
              </div>
              <WhyDisclosure mentionId={m.id} label={m.sentimentLabel} corrected={m.sentimentOverride !== null} />
            </li>
          ))}
        </ol>
      )}
      {p.next ? (
        <p>
          <a class="button" href={query({ cursor: p.next })}>
            Older mentions
          </a>
        </p>
      ) : null}
    </AppShell>
  );
}
