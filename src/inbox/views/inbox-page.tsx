import { INTENTS } from '../../sentiment';
import { PLATFORMS } from '../../core/platforms';
import { compact, PlatformBadge, platformLabel } from '../../http/web/format';
import { SentimentBadge } from '../../http/web/sentiment';
import { isUncertain } from '../../mentions';
import { useT } from '../../http/web/i18n';
import { AppShell, Flash } from '../../http/web/layout';
import { Csrf, type PageBase } from '../../http/web/settings-shell';
import { type InboxQuery, TAB_COUNT_CAP } from '../list';
import { dayField, type InboxParams, inboxHref } from '../page-params';
import { slaState } from '../sla';
import { CONVERSATION_STATUSES, type ConversationRow, PRIORITIES } from '../schema';
import { common, list as m } from './messages';
import {
  duration,
  intentLabel,
  IntentBadges,
  KeyboardHelp,
  PriorityBadge,
  priorityLabel,
  SlaBadge,
  statusLabel,
  StatusBadge,
  TagList,
} from './parts';

export interface InboxPageProps extends PageBase {
  items: ConversationRow[];
  /** The workspace's sentiment confidence threshold (below it a label shows as uncertain). */
  confidenceThreshold: number;
  next: string | null;
  params: InboxParams;
  query: InboxQuery;
  counts: { all: number; mine: number; unassigned: number };
  topics: { id: string; name: string; open: number }[];
  people: { id: string; name: string }[];
  /** The workspace's tag vocabulary, offered while typing a tag. */
  tags: string[];
  canWrite: boolean;
  now: Date;
  ok?: string | undefined;
  error?: string | undefined;
}

const SORT_LABELS = { newest: m.sortNewest, waiting: m.sortWaiting, priority: m.sortPriority } as const;

/**
 * The inbox: views with counts, filters, sorts and keyset pages over conversations, with a bulk
 * bar. It works as plain HTML; the inbox script adds live updates and the keyboard. Text from the
 * internet reaches the page only through JSX, which escapes it.
 */
export function InboxPage(p: InboxPageProps) {
  const names = new Map(p.people.map((u) => [u.id, u.name]));
  const topicNames = new Map(p.topics.map((t) => [t.id, t.name]));
  const firstPage = !p.params.cursor;
  const { t } = useT();
  return (
    <AppShell {...p} title={t(m.title)} active="/inbox">
      <div class="page-head">
        <h1>{t(m.title)}</h1>
        <span class="row">
          <a href="/inbox/mentions">{t(m.allMentions)}</a>
          <button type="button" class="secondary" data-action="help" aria-keyshortcuts="?">
            {t(common.shortcuts)}
          </button>
        </span>
      </div>
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      <InboxTabs counts={p.counts} topics={p.topics} params={p.params} />
      <Filters {...p} />
      <form id="bulk-form" method="post" action="/inbox/bulk">
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="next" value={inboxHref(p.params, { cursor: p.params.cursor ?? '' })} />
        {p.canWrite ? <BulkBar people={p.people} /> : null}
        <div id="inbox-list" data-live-region="list" data-first-page={firstPage ? 'true' : 'false'}>
          {p.items.length === 0 ? (
            <div class="card empty" data-testid="inbox-empty">
              {t(m.empty)} {t(p.params.q || Object.keys(p.params).length > 1 ? m.emptyFiltered : m.emptyNew)}
            </div>
          ) : (
            <ol class="conversations" data-testid="conversations">
              {p.items.map((c) => (
                <Row
                  c={c}
                  names={names}
                  topicNames={topicNames}
                  canWrite={p.canWrite}
                  now={p.now}
                  confidenceThreshold={p.confidenceThreshold}
                />
              ))}
            </ol>
          )}
        </div>
      </form>
      <div class="pager">
        {p.params.cursor ? <a href={inboxHref(p.params, { cursor: '' })}>{t(m.firstPage)}</a> : <span />}
        {p.next ? (
          <a class="button" href={inboxHref(p.params, { cursor: p.next })} data-testid="older">
            {t(m.more)}
          </a>
        ) : null}
      </div>
      <TagList tags={p.tags} />
      <KeyboardHelp />
    </AppShell>
  );
}

/** The views with their open counts; also served alone (GET /inbox/tabs) for the live inbox. */
export function InboxTabs(p: Pick<InboxPageProps, 'counts' | 'topics' | 'params'>) {
  const { t } = useT();
  return (
    <div id="inbox-tabs" data-live-region="tabs">
      <nav class="tabs" aria-label={t(m.views)}>
        {(
          [
            ['all', m.viewAll, p.counts.all],
            ['mine', m.viewMine, p.counts.mine],
            ['unassigned', common.unassigned, p.counts.unassigned],
          ] as const
        ).map(([view, label, n]) => (
          <a
            href={inboxHref({}, { view: view === 'all' ? '' : view })}
            aria-current={!p.params.topic && (p.params.view ?? 'all') === view ? 'page' : undefined}
            data-testid={`view-${view}`}
          >
            {t(label)} <Count n={n} />
          </a>
        ))}
        {p.topics.map((topic) => (
          <a
            href={inboxHref({}, { topic: topic.id })}
            aria-current={p.params.topic === topic.id && !p.params.view ? 'page' : undefined}
          >
            {topic.name} <Count n={topic.open} />
          </a>
        ))}
      </nav>
    </div>
  );
}

const Count = (props: { n: number }) => {
  const { number } = useT();
  return <span class="badge count">{props.n > TAB_COUNT_CAP ? `${number(TAB_COUNT_CAP)}+` : number(props.n)}</span>;
};

/** One conversation in the list; also served alone (GET /inbox/rows/:id) for live updates. */
export function Row(props: {
  c: ConversationRow;
  names: Map<string, string>;
  topicNames: Map<string, string>;
  canWrite: boolean;
  now: Date;
  /** The workspace's: a label less sure than this shows as uncertain. */
  confidenceThreshold: number;
}) {
  const { c, now } = props;
  const sla = slaState(c, now);
  // The conversation keeps its latest post's label as it counts (a correction's confidence is null).
  const sentiment = { override: null, label: c.sentimentLabel, confidence: c.sentimentConfidence };
  const uncertain = isUncertain(sentiment, props.confidenceThreshold);
  const href = `/inbox/c/${c.id}`;
  const { t, dateTime } = useT();
  return (
    <li
      class={`card conv-row${sla.overdue ? ' overdue' : ''}`}
      data-testid="conversation-row"
      data-id={c.id}
      data-href={href}
    >
      {props.canWrite ? <input type="checkbox" name="ids" value={c.id} aria-label={t(m.selectRow)} /> : null}
      <div class="conv-main">
        <div class="conv-head">
          <PriorityBadge priority={c.priority} reason={c.priorityReason} />
          <PlatformBadge platform={c.platform} />
          <strong class="conv-author">{c.authorName || c.authorHandle || t(common.unknownAuthor)}</strong>
          {c.authorHandle ? <span class="muted">@{c.authorHandle}</span> : null}
          {c.authorFollowers ? (
            <span class="muted small">
              {t(common.followers, { count: c.authorFollowers, followers: compact(c.authorFollowers) })}
            </span>
          ) : null}
          <time class="muted small" datetime={c.lastInboundAt.toISOString()} title={dateTime(c.lastInboundAt)}>
            {c.waitingSince
              ? t(m.waiting, { duration: duration(now.getTime() - c.waitingSince.getTime()) })
              : t(m.ago, { duration: duration(now.getTime() - c.lastInboundAt.getTime()) })}
          </time>
        </div>
        <a class="conv-subject" href={href} data-testid="conversation-link">
          {c.subject || t(common.noText)}
        </a>
        <div class="conv-foot">
          {c.status !== 'open' ? <StatusBadge status={c.status} /> : null}
          <SentimentBadge
            label={c.sentimentLabel}
            confidence={c.sentimentConfidence}
            uncertain={uncertain}
            testid="conversation-sentiment"
          />
          <IntentBadges intents={c.intents} />
          {c.tags.map((tag) => (
            <span class="badge tag">#{tag}</span>
          ))}
          {c.topicIds
            .filter((id) => props.topicNames.has(id))
            .map((id) => (
              <span class="badge topic">{props.topicNames.get(id)}</span>
            ))}
          <span class="muted small" data-testid="assignee">
            {c.assigneeId
              ? t(m.assignedTo, { name: props.names.get(c.assigneeId) ?? t(common.formerTeammate) })
              : t(common.unassigned)}
          </span>
          {c.mentionCount > 1 ? <span class="muted small">{t(m.posts, { count: c.mentionCount })}</span> : null}
          <SlaBadge sla={sla} now={now} />
        </div>
      </div>
    </li>
  );
}

function Select(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly (readonly [string, string])[];
  any?: string;
}) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        {props.any !== undefined ? <option value="">{props.any}</option> : null}
        {props.options.map(([v, l]) => (
          <option value={v} selected={v === props.value}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

function Filters(p: InboxPageProps) {
  const f = p.params;
  const more = Boolean(f.assignee || f.topic || f.intent || f.tag || f.language || f.from || f.to || f.platform);
  const { t, timeZone } = useT();
  return (
    <form class="card filters" method="get" action="/inbox" role="search" data-testid="inbox-filters">
      {f.view ? <input type="hidden" name="view" value={f.view} /> : null}
      <div class="row">
        <label class="grow">
          {t(m.search)}
          <input
            type="search"
            name="q"
            value={f.q ?? ''}
            placeholder={t(m.searchPlaceholder)}
            aria-keyshortcuts="/"
            data-shortcut="search"
          />
        </label>
        <Select
          name="status"
          label={t(m.status)}
          value={p.query.status}
          options={[...CONVERSATION_STATUSES.map((s) => [s, statusLabel(s)] as const), ['any', t(m.anyStatus)]]}
        />
        <Select
          name="sentiment"
          label={t(m.sentiment)}
          value={f.sentiment}
          any={t(m.any)}
          options={['positive', 'neutral', 'negative', 'unscored'].map(
            (s) => [s, t(common.sentiment, { label: s })] as const,
          )}
        />
        <Select
          name="priority"
          label={t(m.priority)}
          value={f.priority}
          any={t(m.any)}
          options={PRIORITIES.map((s) => [s, priorityLabel(s)] as const)}
        />
        <Select
          name="sort"
          label={t(m.sort)}
          value={p.query.sort}
          options={Object.entries(SORT_LABELS).map(([v, l]) => [v, t(l)] as const)}
        />
        <button type="submit">{t(m.filter)}</button>
      </div>
      <details open={more}>
        <summary>{t(m.moreFilters)}</summary>
        <div class="row">
          <Select
            name="platform"
            label={t(m.platform)}
            value={f.platform}
            any={t(m.allPlatforms)}
            options={PLATFORMS.map((pl) => [pl, platformLabel(pl)] as const)}
          />
          <Select
            name="topic"
            label={t(m.topic)}
            value={f.topic}
            any={t(m.allTopics)}
            options={p.topics.map((topic) => [topic.id, topic.name] as const)}
          />
          <Select
            name="assignee"
            label={t(m.assignee)}
            value={f.assignee}
            any={t(m.anyone)}
            options={p.people.map((u) => [u.id, u.name] as const)}
          />
          <Select
            name="intent"
            label={t(m.intent)}
            value={f.intent}
            any={t(m.any)}
            options={INTENTS.map((i) => [i, intentLabel(i)] as const)}
          />
          <label>
            {t(m.tag)}
            <input name="tag" value={f.tag ?? ''} size={12} list="workspace-tags" />
          </label>
          <label>
            {t(m.language)}
            <input name="language" value={f.language ?? ''} size={4} placeholder={t(m.languagePlaceholder)} />
          </label>
          <label>
            {t(m.from)}
            <input type="date" name="from" value={dayField(f.from, timeZone)} />
          </label>
          <label>
            {t(m.to)}
            <input type="date" name="to" value={dayField(f.to, timeZone)} />
          </label>
        </div>
      </details>
      {Object.keys(f).some((k) => k !== 'view' && k !== 'cursor') ? (
        <p class="small">
          <a href={inboxHref({ view: f.view ?? '' })}>{t(m.clearFilters)}</a>
        </p>
      ) : null}
    </form>
  );
}

function BulkBar(props: { people: { id: string; name: string }[] }) {
  const { t } = useT();
  return (
    <div class="card bulk-bar row" data-testid="bulk-bar">
      <label class="check">
        <input type="checkbox" data-action="select-all" aria-label={t(m.selectAll)} /> {t(m.all)}
      </label>
      <label>
        {t(m.assign)}
        <select name="assigneeId">
          <option value="">{t(m.noChange)}</option>
          <option value="none">{t(m.unassign)}</option>
          {props.people.map((u) => (
            <option value={u.id}>{u.name}</option>
          ))}
        </select>
      </label>
      <label>
        {t(m.status)}
        <select name="status">
          <option value="">{t(m.noChange)}</option>
          {(['open', 'pending', 'closed', 'spam'] as const).map((s) => (
            <option value={s}>{statusLabel(s)}</option>
          ))}
        </select>
      </label>
      <label>
        {t(m.priority)}
        <select name="priority">
          <option value="">{t(m.noChange)}</option>
          {PRIORITIES.map((s) => (
            <option value={s}>{priorityLabel(s)}</option>
          ))}
        </select>
      </label>
      <label>
        {t(m.addTag)}
        <input name="addTag" size={10} maxlength={60} list="workspace-tags" />
      </label>
      <button type="submit" data-testid="bulk-apply">
        {t(m.apply)}
      </button>
    </div>
  );
}
