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
import { bar } from './inbox-messages';
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
  /** The conversation the split view opens (?open=<id>); its pane is filled by the script. */
  open?: string | undefined;
  ok?: string | undefined;
  error?: string | undefined;
}

const SORT_LABELS = { newest: m.sortNewest, waiting: m.sortWaiting, priority: m.sortPriority } as const;

/**
 * The inbox: views with counts, a filter bar with chips for what is set, sorts and keyset pages over compact
 * one-line conversations, and a bulk bar once rows are ticked. It works as plain HTML; the inbox script adds
 * live updates (new conversations wait behind a "3 new — show" banner, so rows never move under the reader),
 * the keyboard with Undo toasts, and on wide screens the split view: the list left, a conversation right.
 * Text from the internet reaches the page only through JSX, which escapes it.
 */
export function InboxPage(p: InboxPageProps) {
  const names = new Map(p.people.map((u) => [u.id, u.name]));
  const topicNames = new Map(p.topics.map((t) => [t.id, t.name]));
  const firstPage = !p.params.cursor;
  const { t } = useT();
  return (
    <AppShell {...p} title={t(m.title)} active="/inbox" wide>
      <div class="inbox-split" id="inbox-split" data-open={p.open}>
        <section class="inbox-col" aria-labelledby="inbox-title">
          <div class="page-head">
            <h1 id="inbox-title">{t(m.title)}</h1>
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
          <FilterChips {...p} names={names} topicNames={topicNames} />
          <form id="bulk-form" method="post" action="/inbox/bulk">
            <Csrf token={p.csrfToken} />
            <input type="hidden" name="next" value={inboxHref(p.params, { cursor: p.params.cursor ?? '' })} />
            {p.canWrite && p.items.length ? <BulkBar people={p.people} /> : null}
            <div id="inbox-news" class="news" role="status" aria-live="polite" aria-label={t(bar.newItems)}>
              <button type="button" class="news-show" data-action="show-new" data-testid="new-items" hidden />
            </div>
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
                      open={c.id === p.open}
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
        </section>
        <section
          id="split-pane"
          class="split-pane"
          aria-label={t(bar.pane)}
          tabindex={-1}
          hidden={!p.open}
          data-testid="split-pane"
        >
          <p class="pane-bar small">
            <a id="pane-full" href={p.open ? `/inbox/c/${p.open}` : '/inbox'}>
              {t(bar.openFull)}
            </a>
            <button
              type="button"
              class="secondary"
              data-action="close-pane"
              aria-keyshortcuts="Escape"
              aria-label={t(bar.closePane)}
            >
              ✕
            </button>
          </p>
          <div id="pane-body" />
        </section>
      </div>
      <div id="toasts" class="toasts" role="status" aria-live="polite" aria-label={t(bar.notifications)} />
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

/** One conversation in the list, on one line; also served alone (GET /inbox/rows/:id) for live updates. */
export function Row(props: {
  c: ConversationRow;
  names: Map<string, string>;
  topicNames: Map<string, string>;
  canWrite: boolean;
  now: Date;
  /** The workspace's: a label less sure than this shows as uncertain. */
  confidenceThreshold: number;
  /** Shown in the split view's pane. */
  open?: boolean;
}) {
  const { c, now } = props;
  const sla = slaState(c, now);
  // The conversation keeps its latest post's label as it counts (a correction's confidence is null).
  const sentiment = { override: null, label: c.sentimentLabel, confidence: c.sentimentConfidence };
  const uncertain = isUncertain(sentiment, props.confidenceThreshold);
  const href = `/inbox/c/${c.id}`;
  const { t, dateTime } = useT();
  const author = c.authorName || c.authorHandle || t(common.unknownAuthor);
  return (
    <li
      class={`card conv-row${sla.overdue ? ' overdue' : ''}${props.open ? ' open' : ''}`}
      data-testid="conversation-row"
      data-id={c.id}
      data-href={href}
      data-status={c.status}
      data-assignee={c.assigneeId ?? ''}
      data-snoozed-until={c.snoozedUntil?.toISOString() ?? ''}
    >
      {props.canWrite ? <input type="checkbox" name="ids" value={c.id} aria-label={t(m.selectRow)} /> : null}
      <div class="conv-main">
        <PriorityBadge priority={c.priority} reason={c.priorityReason} />
        <PlatformBadge platform={c.platform} />
        <strong
          class="conv-author"
          title={[
            c.authorHandle ? `@${c.authorHandle}` : '',
            c.authorFollowers
              ? t(common.followers, { count: c.authorFollowers, followers: compact(c.authorFollowers) })
              : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        >
          {author}
        </strong>
        <a
          class="conv-subject"
          href={href}
          data-testid="conversation-link"
          aria-current={props.open ? 'true' : undefined}
        >
          {c.subject || t(common.noText)}
        </a>
        <span class="conv-chips">
          {c.status !== 'open' ? <StatusBadge status={c.status} /> : null}
          <SentimentBadge
            label={c.sentimentLabel}
            confidence={c.sentimentConfidence}
            uncertain={uncertain}
            testid="conversation-sentiment"
          />
          <SlaBadge sla={sla} now={now} />
          <span class="conv-extra">
            <IntentBadges intents={c.intents} />
            {c.tags.map((tag) => (
              <span class="badge tag">#{tag}</span>
            ))}
            {c.topicIds
              .filter((id) => props.topicNames.has(id))
              .map((id) => (
                <span class="badge topic">{props.topicNames.get(id)}</span>
              ))}
            {c.mentionCount > 1 ? <span class="muted small">{t(m.posts, { count: c.mentionCount })}</span> : null}
          </span>
          <span class="muted small conv-assignee" data-testid="assignee">
            {c.assigneeId
              ? t(m.assignedTo, { name: props.names.get(c.assigneeId) ?? t(common.formerTeammate) })
              : t(common.unassigned)}
          </span>
        </span>
        <time class="muted small" datetime={c.lastInboundAt.toISOString()} title={dateTime(c.lastInboundAt)}>
          {c.waitingSince
            ? t(m.waiting, { duration: duration(now.getTime() - c.waitingSince.getTime()) })
            : t(m.ago, { duration: duration(now.getTime() - c.lastInboundAt.getTime()) })}
        </time>
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
  /** The label only for assistive technology (the bar's own line has no room for it). */
  quiet?: boolean;
}) {
  return (
    <label>
      {props.quiet ? null : props.label}
      <select name={props.name} aria-label={props.quiet ? props.label : undefined}>
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

/** The filters in the panel (the bar's line holds words, status and sort). */
const PANEL_KEYS = [
  'sentiment',
  'priority',
  'platform',
  'topic',
  'assignee',
  'intent',
  'tag',
  'language',
  'from',
  'to',
] as const;

/**
 * The filter bar: words, status, sort and a "Filters" disclosure holding the rest, in one line. A plain GET
 * form, so it works without the script; the chips below say what is set.
 */
function Filters(p: InboxPageProps) {
  const f = p.params;
  const set = PANEL_KEYS.filter((k) => f[k]).length;
  const { t, timeZone } = useT();
  return (
    <form class="filter-bar" method="get" action="/inbox" role="search" data-testid="inbox-filters">
      {f.view ? <input type="hidden" name="view" value={f.view} /> : null}
      <label class="grow">
        <input
          type="search"
          aria-label={t(m.search)}
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
        quiet
        value={p.query.status}
        options={[...CONVERSATION_STATUSES.map((s) => [s, statusLabel(s)] as const), ['any', t(m.anyStatus)]]}
      />
      <Select
        name="sort"
        label={t(m.sort)}
        quiet
        value={p.query.sort}
        options={Object.entries(SORT_LABELS).map(([v, l]) => [v, t(l)] as const)}
      />
      <details class="more-filters" data-testid="more-filters">
        <summary>{t(bar.filters, { count: set })}</summary>
        <div class="filter-panel card">
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
          <button type="submit">{t(m.filter)}</button>
        </div>
      </details>
      <button type="submit">{t(m.filter)}</button>
    </form>
  );
}

/** Each filter that is set as a chip whose ✕ drops it; "Clear filters" drops them all (the view stays). */
function FilterChips(p: InboxPageProps & { names: Map<string, string>; topicNames: Map<string, string> }) {
  const f = p.params;
  const { t, timeZone } = useT();
  const chips: { key: keyof InboxParams; filter: string; value: string }[] = [];
  const add = (key: keyof InboxParams, filter: string, value: string | undefined) => {
    if (f[key] && value) chips.push({ key, filter, value });
  };
  add('q', t(bar.words), f.q);
  if (f.status) add('status', t(m.status), p.query.status === 'any' ? t(m.anyStatus) : statusLabel(p.query.status));
  add('sentiment', t(m.sentiment), f.sentiment && t(common.sentiment, { label: f.sentiment }));
  add('priority', t(m.priority), p.query.priority && priorityLabel(p.query.priority));
  add('platform', t(m.platform), p.query.platform && platformLabel(p.query.platform));
  add('topic', t(m.topic), f.topic && (p.topicNames.get(f.topic) ?? f.topic));
  add('assignee', t(m.assignee), f.assignee && (p.names.get(f.assignee) ?? t(common.formerTeammate)));
  add('intent', t(m.intent), p.query.intent && intentLabel(p.query.intent));
  add('tag', t(m.tag), f.tag && `#${f.tag}`);
  add('language', t(m.language), f.language);
  add('from', t(m.from), dayField(f.from, timeZone));
  add('to', t(m.to), dayField(f.to, timeZone));
  if (f.sort) add('sort', t(m.sort), t(SORT_LABELS[p.query.sort]));
  if (chips.length === 0) return null;
  return (
    <ul class="filter-chips" aria-label={t(bar.activeFilters)} data-testid="filter-chips">
      {chips.map((c) => (
        <li class="chip">
          {t(bar.chip, { filter: c.filter, value: c.value })}
          <a
            href={inboxHref(f, { [c.key]: '' })}
            aria-label={t(bar.removeFilter, { filter: c.filter, value: c.value })}
          >
            ✕
          </a>
        </li>
      ))}
      <li>
        <a href={inboxHref({ view: f.view ?? '' })}>{t(m.clearFilters)}</a>
      </li>
    </ul>
  );
}

/**
 * The bulk bar: the select-all box, and the changes, shown (by the stylesheet, script or none) only once a
 * row is ticked.
 */
function BulkBar(props: { people: { id: string; name: string }[] }) {
  const { t } = useT();
  return (
    <div class="list-head" data-testid="bulk-bar">
      <label class="check">
        <input type="checkbox" data-action="select-all" aria-label={t(m.selectAll)} /> {t(m.all)}
      </label>
      <fieldset class="bulk-actions row" aria-label={t(bar.selected)}>
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
      </fieldset>
    </div>
  );
}
