import type { ModerationAction } from '../../core/moderation';
import { platformLabel, PlatformBadge, safeHttpUrl } from '../../http/web/format';
import { useT } from '../../http/web/i18n';
import { AppShell, Flash } from '../../http/web/layout';
import { Csrf, type PageBase, PostButton, when } from '../../http/web/settings-shell';
import type { MessageDescriptor } from '../../core/i18n/translator';
import { localDateTime } from '../../core/i18n/zoned-time';
import type { ThreadItem } from '../conversations.service';
import { SNOOZE_PRESETS, type SnoozePreset, snoozePresetEnd } from '../page-forms';
import { priorityReasonText } from '../priority-reason';
import { slaState } from '../sla';
import { CONVERSATION_STATUSES, type ConversationRow, PRIORITIES } from '../schema';
import { AuthorCard, type AuthorCardProps } from './author-card';
import { common, conversation as m } from './messages';
import { KeyboardHelp, PriorityBadge, priorityLabel, SlaBadge, statusLabel, StatusBadge } from './parts';
import { Thread } from './thread';

export interface ComposerState {
  text: string;
  /** One key per composed reply: a double click or a resent form lands on the same outbox row. */
  idempotencyKey: string;
  error?: string | undefined;
  inReplyTo?: string | undefined;
}

export interface ConversationPageProps extends PageBase {
  conversation: ConversationRow;
  thread: ThreadItem[];
  /** The workspace's sentiment confidence threshold (below it a label shows as uncertain). */
  confidenceThreshold: number;
  people: { id: string; name: string }[];
  author: AuthorCardProps;
  topics: Map<string, string>;
  savedReplies: { id: string; name: string; shared: boolean }[];
  /** The workspace's tag vocabulary (shared with contacts). */
  tags: string[];
  composer: ComposerState;
  /** The platform's length limit, or null when replies cannot be sent there. */
  replyLimit: number | null;
  /** What the platform lets staff do to a post from the thread. */
  moderates: readonly ModerationAction[];
  /** A sent response can be taken down again (Google reviews, the App Store). */
  retracts: boolean;
  canWrite: boolean;
  now: Date;
  ok?: string | undefined;
  error?: string | undefined;
}

/** What each snooze preset reads as; the two at 09:00 name that time on the viewer's clock. */
const SNOOZE_LABELS: Record<SnoozePreset, MessageDescriptor> = {
  '1h': m.snooze1h,
  '4h': m.snooze4h,
  tomorrow: m.snoozeTomorrow,
  '24h': m.snooze24h,
  '72h': m.snooze72h,
  monday: m.snoozeMonday,
  '168h': m.snooze168h,
};

/**
 * One conversation: the thread in time order beside the author's card, with triage, notes and the
 * reply composer. The page works as plain forms; the inbox script makes it live (new posts, reply
 * status, who else is here) and counts the reply as the platform will.
 */
export function ConversationPage(p: ConversationPageProps) {
  const c = p.conversation;
  const names = new Map(p.people.map((u) => [u.id, u.name]));
  const { t } = useT();
  return (
    <AppShell {...p} title={c.subject.slice(0, 60) || t(m.title)} active="/inbox">
      <p class="small">
        <a href="/inbox" data-shortcut="back">
          {t(m.back)}
        </a>
      </p>
      <div id="conversation" data-conversation-id={c.id} data-platform={c.platform}>
        <div class="page-head">
          <h1 class="conv-title" data-testid="conversation-subject">
            {c.subject || t(common.noText)}
          </h1>
          <button type="button" class="secondary" data-action="help" aria-keyshortcuts="?">
            {t(common.shortcuts)}
          </button>
        </div>
        <Flash kind="ok" message={p.ok} />
        <Flash kind="error" message={p.error} />
        <Meta {...p} names={names} />
        <p id="presence" class="presence" data-testid="presence" aria-live="polite" />
        <div class="conversation-grid">
          <section aria-label={t(m.thread)}>
            <OnPost thread={p.thread} platform={c.platform} />
            <Thread
              items={p.thread}
              names={names}
              platform={c.platform}
              conversationId={c.id}
              confidenceThreshold={p.confidenceThreshold}
              canWrite={p.canWrite}
              csrf={p.csrfToken}
              moderates={p.moderates}
              retracts={p.retracts}
            />
            {p.canWrite ? <Composer {...p} /> : null}
            {p.canWrite ? <NoteForm id={c.id} csrf={p.csrfToken} /> : null}
          </section>
          <aside aria-label={t(m.details)}>
            {p.canWrite ? <Triage {...p} /> : null}
            <AuthorCard {...p.author} />
          </aside>
        </div>
      </div>
      <KeyboardHelp />
    </AppShell>
  );
}

function Meta(p: ConversationPageProps & { names: Map<string, string> }) {
  const c = p.conversation;
  const sla = slaState(c, p.now);
  const { t, timeZone } = useT();
  return (
    <div class="conv-meta" id="conv-meta" data-live-region="meta">
      <PlatformBadge platform={c.platform} />
      <span data-testid="conversation-status">
        <StatusBadge status={c.status} />
      </span>
      {c.status === 'snoozed' && c.snoozedUntil ? (
        <span class="muted small">{t(m.snoozedUntil, { time: when(c.snoozedUntil), zone: timeZone })}</span>
      ) : null}
      <PriorityBadge priority={c.priority} reason={c.priorityReason} />
      <span class="muted small" data-testid="priority-reason">
        {priorityReasonText(useT(), c.priorityReason)}
      </span>
      <SlaBadge sla={sla} now={p.now} />
      <span class="small" data-testid="conversation-assignee">
        {c.assigneeId
          ? t(m.assignedTo, { name: p.names.get(c.assigneeId) ?? t(common.formerTeammate) })
          : t(common.unassigned)}
      </span>
      {c.tags.map((tag) => (
        <span class="badge tag">#{tag}</span>
      ))}
      {c.topicIds
        .filter((id) => p.topics.has(id))
        .map((id) => (
          <span class="badge topic">{p.topics.get(id)}</span>
        ))}
      <span class="muted small">
        {c.firstResponseAt ? t(m.firstResponse, { time: when(c.firstResponseAt) }) : t(m.notAnswered)}
        {c.resolvedAt ? ` · ${t(m.resolved, { time: when(c.resolvedAt) })}` : ''}
      </span>
    </div>
  );
}

function Composer(p: ConversationPageProps) {
  const c = p.conversation;
  const inbound = p.thread.filter((i): i is Extract<ThreadItem, { kind: 'inbound' }> => i.kind === 'inbound');
  const latest = inbound.at(-1);
  const { t } = useT();
  if (p.replyLimit === null) {
    return (
      <div class="card composer" id="composer">
        <p class="muted">{t(m.noReplies, { platform: platformLabel(c.platform) })}</p>
      </div>
    );
  }
  const target = p.composer.inReplyTo ?? latest?.id;
  return (
    <div class="card composer" id="composer">
      <form
        method="post"
        action={`/inbox/c/${c.id}/reply`}
        id="reply-form"
        class="stack"
        data-limit={String(p.replyLimit)}
        data-testid="reply-form"
      >
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="idempotencyKey" value={p.composer.idempotencyKey} />
        <div class="flash error" id="reply-error" role="alert" hidden={!p.composer.error}>
          {p.composer.error ?? ''}
        </div>
        {inbound.length > 1 ? (
          <label>
            {t(m.inReplyTo)}
            <select name="inReplyTo">
              {inbound.map((m) => (
                <option value={m.id} selected={m.id === target}>
                  {`${when(m.at)}: ${m.text.slice(0, 80)}`}
                </option>
              ))}
            </select>
          </label>
        ) : target ? (
          <input type="hidden" name="inReplyTo" value={target} />
        ) : null}
        <label>
          {c.authorHandle
            ? t(m.replyOnTo, { platform: platformLabel(c.platform), handle: c.authorHandle })
            : t(m.replyOn, { platform: platformLabel(c.platform) })}
          <textarea
            name="text"
            id="reply-text"
            rows={4}
            required
            maxlength={20000}
            data-testid="reply-text"
            aria-keyshortcuts="r"
          >
            {p.composer.text}
          </textarea>
        </label>
        <div class="row composer-foot">
          <output id="reply-count" data-testid="reply-count" for="reply-text">
            {t(m.charactersAllowed, { count: p.replyLimit })}
          </output>
          <button type="submit" id="reply-send" data-testid="reply-send">
            {t(m.sendReply)}
          </button>
        </div>
      </form>
      {p.savedReplies.length ? (
        <form method="get" action={`/inbox/c/${c.id}`} class="row saved-replies" id="saved-reply-form">
          <label>
            {t(m.savedReply)}
            <select name="saved">
              {p.savedReplies.map((s) => (
                <option value={s.id}>{s.shared ? s.name : t(m.savedReplyMine, { name: s.name })}</option>
              ))}
            </select>
          </label>
          <button type="submit" class="secondary">
            {t(m.insert)}
          </button>
        </form>
      ) : null}
    </div>
  );
}

function NoteForm(props: { id: string; csrf: string | undefined }) {
  const { t } = useT();
  return (
    <form method="post" action={`/inbox/c/${props.id}/note`} class="card stack note-form" data-testid="note-form">
      <Csrf token={props.csrf} />
      <label>
        {t(m.internalNote)}
        <textarea name="body" rows={2} required maxlength={10000} placeholder={t(m.notePlaceholder)} />
      </label>
      <div>
        <button type="submit" class="secondary">
          {t(m.addNote)}
        </button>
      </div>
    </form>
  );
}

function Triage(p: ConversationPageProps) {
  const c = p.conversation;
  const me = p.user?.id;
  const { t, time, timeZone } = useT();
  return (
    <div class="card" id="triage" data-live-region="triage">
      <h2>{t(m.triage)}</h2>
      <div class="row quick-actions">
        {me && c.assigneeId !== me ? (
          <PostButton
            action={`/inbox/c/${c.id}/update`}
            label={t(m.assignToMe)}
            csrf={p.csrfToken}
            fields={{ assigneeId: me }}
          />
        ) : null}
        {c.status === 'closed' ? (
          <PostButton
            action={`/inbox/c/${c.id}/update`}
            label={t(m.reopen)}
            csrf={p.csrfToken}
            fields={{ status: 'open' }}
          />
        ) : (
          <PostButton
            action={`/inbox/c/${c.id}/update`}
            label={t(m.close)}
            csrf={p.csrfToken}
            fields={{ status: 'closed' }}
            kind="primary"
          />
        )}
      </div>
      <form method="post" action={`/inbox/c/${c.id}/update`} class="stack" id="triage-form" data-testid="triage-form">
        <Csrf token={p.csrfToken} />
        <label>
          {t(m.assignee)}
          <select name="assigneeId" id="assignee-select" data-testid="assignee-select">
            <option value="none" selected={!c.assigneeId}>
              {t(common.unassigned)}
            </option>
            {p.people.map((u) => (
              <option value={u.id} selected={u.id === c.assigneeId}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(m.status)}
          <select name="status">
            {CONVERSATION_STATUSES.map((s) => (
              <option value={s} selected={s === c.status}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(m.snoozeFor)}
          <select name="snoozeFor">
            {SNOOZE_PRESETS.map((preset) => (
              <option value={preset}>
                {t(SNOOZE_LABELS[preset], { time: time(snoozePresetEnd(preset, p.now, timeZone)) })}
              </option>
            ))}
            <option value="until">{t(m.snoozeUntilBelow)}</option>
          </select>
        </label>
        <label>
          {t(m.snoozeUntil, { zone: timeZone })}
          <input
            type="datetime-local"
            name="snoozeUntil"
            value={c.snoozedUntil ? localDateTime(c.snoozedUntil, timeZone) : ''}
          />
        </label>
        <label>
          {t(m.priority)}
          <select name="priority">
            {PRIORITIES.map((s) => (
              <option value={s} selected={s === c.priority}>
                {priorityLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(m.tags)}
          <input name="tags" value={c.tags.join(', ')} placeholder={t(m.tagsPlaceholder)} />
        </label>
        {p.tags.length ? (
          <p class="muted small">
            {t(m.tagsInUse, { tags: p.tags.slice(0, 15).join(', ') })}
            {p.tags.length > 15 ? ' …' : ''}
          </p>
        ) : null}
        <div>
          <button type="submit" class="secondary">
            {t(m.save)}
          </button>
        </div>
      </form>
    </div>
  );
}

/** The post the conversation's comments are under, shown above them (what "yes, in blue too" answers). */
function OnPost(p: { thread: ThreadItem[]; platform: string }) {
  const first = p.thread.find((i): i is Extract<ThreadItem, { kind: 'inbound' }> => i.kind === 'inbound' && !!i.onPost);
  const post = first?.onPost;
  if (!post) return null;
  const url = safeHttpUrl(post.url);
  const { t } = useT();
  return (
    <figure class="original-post" data-testid="original-post">
      <figcaption class="muted small">
        {t(m.onPost)}{' '}
        {url ? (
          <a href={url} rel="noopener noreferrer nofollow" target="_blank">
            {t(m.openOnPlatform, { platform: platformLabel(p.platform) })}
          </a>
        ) : null}
      </figcaption>
      <blockquote class="tl-text" dir="auto">
        {post.message ?? t(m.postTextMissing)}
      </blockquote>
    </figure>
  );
}
