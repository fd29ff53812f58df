import { INTENTS } from '../../sentiment';
import { PLATFORMS } from '../../core/platforms';
import { compact, PlatformBadge, platformLabel } from '../../http/web/format';
import { SentimentBadge } from '../../http/web/sentiment';
import { isUncertain } from '../../mentions';
import { AppShell, Flash } from '../../http/web/layout';
import { Csrf, type PageBase } from '../../http/web/settings-shell';
import { type InboxQuery, TAB_COUNT_CAP } from '../list';
import { type InboxParams, inboxHref } from '../page-params';
import { slaState } from '../sla';
import { CONVERSATION_STATUSES, type ConversationRow, PRIORITIES } from '../schema';
import {
  duration,
  INTENT_LABELS,
  IntentBadges,
  KeyboardHelp,
  PriorityBadge,
  SlaBadge,
  STATUS_LABELS,
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

const SORT_LABELS: Record<string, string> = { newest: 'Newest', waiting: 'Longest waiting', priority: 'Priority' };

/**
 * The inbox: views with counts, filters, sorts and keyset pages over conversations, with a bulk
 * bar. It works as plain HTML; the inbox script adds live updates and the keyboard. Text from the
 * internet reaches the page only through JSX, which escapes it.
 */
export function InboxPage(p: InboxPageProps) {
  const names = new Map(p.people.map((u) => [u.id, u.name]));
  const topicNames = new Map(p.topics.map((t) => [t.id, t.name]));
  const firstPage = !p.params.cursor;
  return (
    <AppShell {...p} title="Inbox" active="/inbox">
      <div class="page-head">
        <h1>Inbox</h1>
        <span class="row">
          <a href="/inbox/mentions">All mentions</a>
          <button type="button" class="secondary" data-action="help" aria-keyshortcuts="?">
            Shortcuts
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
              Nothing here.{' '}
              {p.params.q || Object.keys(p.params).length > 1
                ? 'Try fewer filters.'
                : 'New mentions from your sources appear here as they arrive.'}
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
        {p.params.cursor ? <a href={inboxHref(p.params, { cursor: '' })}>First page</a> : <span />}
        {p.next ? (
          <a class="button" href={inboxHref(p.params, { cursor: p.next })} data-testid="older">
            More
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
  return (
    <div id="inbox-tabs" data-live-region="tabs">
      <nav class="tabs" aria-label="Views">
        {(
          [
            ['all', 'All open', p.counts.all],
            ['mine', 'Mine', p.counts.mine],
            ['unassigned', 'Unassigned', p.counts.unassigned],
          ] as const
        ).map(([view, label, n]) => (
          <a
            href={inboxHref({}, { view: view === 'all' ? '' : view })}
            aria-current={!p.params.topic && (p.params.view ?? 'all') === view ? 'page' : undefined}
            data-testid={`view-${view}`}
          >
            {label} <Count n={n} />
          </a>
        ))}
        {p.topics.map((t) => (
          <a
            href={inboxHref({}, { topic: t.id })}
            aria-current={p.params.topic === t.id && !p.params.view ? 'page' : undefined}
          >
            {t.name} <Count n={t.open} />
          </a>
        ))}
      </nav>
    </div>
  );
}

const Count = (props: { n: number }) => (
  <span class="badge count">{props.n > TAB_COUNT_CAP ? `${TAB_COUNT_CAP}+` : String(props.n)}</span>
);

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
  return (
    <li
      class={`card conv-row${sla.overdue ? ' overdue' : ''}`}
      data-testid="conversation-row"
      data-id={c.id}
      data-href={href}
    >
      {props.canWrite ? <input type="checkbox" name="ids" value={c.id} aria-label="Select this conversation" /> : null}
      <div class="conv-main">
        <div class="conv-head">
          <PriorityBadge priority={c.priority} reason={c.priorityReason} />
          <PlatformBadge platform={c.platform} />
          <strong class="conv-author">{c.authorName || c.authorHandle || 'Unknown author'}</strong>
          {c.authorHandle ? <span class="muted">@{c.authorHandle}</span> : null}
          {c.authorFollowers ? <span class="muted small">{compact(c.authorFollowers)} followers</span> : null}
          <time class="muted small" datetime={c.lastInboundAt.toISOString()} title={c.lastInboundAt.toISOString()}>
            {c.waitingSince
              ? `waiting ${duration(now.getTime() - c.waitingSince.getTime())}`
              : `${duration(now.getTime() - c.lastInboundAt.getTime())} ago`}
          </time>
        </div>
        <a class="conv-subject" href={href} data-testid="conversation-link">
          {c.subject || '(no text)'}
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
          {c.tags.map((t) => (
            <span class="badge tag">#{t}</span>
          ))}
          {c.topicIds
            .filter((id) => props.topicNames.has(id))
            .map((id) => (
              <span class="badge topic">{props.topicNames.get(id)}</span>
            ))}
          <span class="muted small" data-testid="assignee">
            {c.assigneeId ? `→ ${props.names.get(c.assigneeId) ?? 'a former teammate'}` : 'Unassigned'}
          </span>
          {c.mentionCount > 1 ? <span class="muted small">{c.mentionCount} posts</span> : null}
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
  return (
    <form class="card filters" method="get" action="/inbox" role="search" data-testid="inbox-filters">
      {f.view ? <input type="hidden" name="view" value={f.view} /> : null}
      <div class="row">
        <label class="grow">
          Search
          <input
            type="search"
            name="q"
            value={f.q ?? ''}
            placeholder="words in the posts"
            aria-keyshortcuts="/"
            data-shortcut="search"
          />
        </label>
        <Select
          name="status"
          label="Status"
          value={p.query.status}
          options={[...CONVERSATION_STATUSES.map((s) => [s, STATUS_LABELS[s]!] as const), ['any', 'Any status']]}
        />
        <Select
          name="sentiment"
          label="Sentiment"
          value={f.sentiment}
          any="Any"
          options={['positive', 'neutral', 'negative', 'unscored'].map((s) => [s, s] as const)}
        />
        <Select
          name="priority"
          label="Priority"
          value={f.priority}
          any="Any"
          options={PRIORITIES.map((s) => [s, s] as const)}
        />
        <Select name="sort" label="Sort" value={p.query.sort} options={Object.entries(SORT_LABELS)} />
        <button type="submit">Filter</button>
      </div>
      <details open={more}>
        <summary>More filters</summary>
        <div class="row">
          <Select
            name="platform"
            label="Platform"
            value={f.platform}
            any="All platforms"
            options={PLATFORMS.map((pl) => [pl, platformLabel(pl)] as const)}
          />
          <Select
            name="topic"
            label="Topic"
            value={f.topic}
            any="All topics"
            options={p.topics.map((t) => [t.id, t.name] as const)}
          />
          <Select
            name="assignee"
            label="Assignee"
            value={f.assignee}
            any="Anyone"
            options={p.people.map((u) => [u.id, u.name] as const)}
          />
          <Select
            name="intent"
            label="Intent"
            value={f.intent}
            any="Any"
            options={INTENTS.map((i) => [i, INTENT_LABELS[i] ?? i] as const)}
          />
          <label>
            Tag
            <input name="tag" value={f.tag ?? ''} size={12} list="workspace-tags" />
          </label>
          <label>
            Language
            <input name="language" value={f.language ?? ''} size={4} placeholder="en" />
          </label>
          <label>
            From
            <input type="date" name="from" value={f.from?.slice(0, 10) ?? ''} />
          </label>
          <label>
            To
            <input type="date" name="to" value={f.to?.slice(0, 10) ?? ''} />
          </label>
        </div>
      </details>
      {Object.keys(f).some((k) => k !== 'view' && k !== 'cursor') ? (
        <p class="small">
          <a href={inboxHref({ view: f.view ?? '' })}>Clear filters</a>
        </p>
      ) : null}
    </form>
  );
}

function BulkBar(props: { people: { id: string; name: string }[] }) {
  return (
    <div class="card bulk-bar row" data-testid="bulk-bar">
      <label class="check">
        <input type="checkbox" data-action="select-all" aria-label="Select all on this page" /> All
      </label>
      <label>
        Assign
        <select name="assigneeId">
          <option value="">No change</option>
          <option value="none">Unassign</option>
          {props.people.map((u) => (
            <option value={u.id}>{u.name}</option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select name="status">
          <option value="">No change</option>
          {(['open', 'pending', 'closed', 'spam'] as const).map((s) => (
            <option value={s}>{STATUS_LABELS[s]}</option>
          ))}
        </select>
      </label>
      <label>
        Priority
        <select name="priority">
          <option value="">No change</option>
          {PRIORITIES.map((s) => (
            <option value={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        Add tag
        <input name="addTag" size={10} maxlength={60} list="workspace-tags" />
      </label>
      <button type="submit" data-testid="bulk-apply">
        Apply to selected
      </button>
    </div>
  );
}
