import type { Child } from 'hono/jsx';
import type { ModerationAction } from '../../core/moderation';
import { platformLabel, PlatformBadge, safeHttpUrl } from '../../http/web/format';
import { useT } from '../../http/web/i18n';
import { AppShell, Flash } from '../../http/web/layout';
import { Csrf, type PageBase, when } from '../../http/web/settings-shell';
import type { MessageDescriptor } from '../../core/i18n/translator';
import { localDateTime } from '../../core/i18n/zoned-time';
import type { ThreadItem } from '../conversations.service';
import { SNOOZE_MENU, snoozePresetEnd } from '../page-forms';
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
  /** The connected account a reply is posted as (@brand, or the source's name), when one is connected. */
  replyAccount: string | null;
  /** The inbox list it was opened from (its query string, '' for the default): the back link and the next one. */
  list: string;
  /** What the platform lets staff do to a post from the thread. */
  moderates: readonly ModerationAction[];
  /** A sent response can be taken down again (Google reviews, the App Store). */
  retracts: boolean;
  canWrite: boolean;
  now: Date;
  ok?: string | undefined;
  error?: string | undefined;
}

/** What each snooze of the menu reads as, with the time it ends on the viewer's clock. */
const SNOOZE_LABELS: Record<(typeof SNOOZE_MENU)[number], MessageDescriptor> = {
  '1h': m.snooze1h,
  tomorrow: m.snoozeTomorrow,
  monday: m.snoozeMonday,
};

/**
 * One conversation: the thread in time order beside the author's card, with triage, notes and the
 * reply composer. The page works as plain forms; the inbox script makes it live (new posts, reply
 * status, who else is here), sends triage changes as they are chosen and counts the reply as the platform
 * will. Everything but the way back is one element, `#conversation-pane`, which the inbox's split view
 * shows beside the list; its forms and the script find their parts inside it.
 */
export function ConversationPage(p: ConversationPageProps) {
  const c = p.conversation;
  const names = new Map(p.people.map((u) => [u.id, u.name]));
  const { t } = useT();
  return (
    <AppShell {...p} title={c.subject.slice(0, 60) || t(m.title)} active="/inbox">
      <p class="small">
        <a href={p.list ? `/inbox?${p.list}` : '/inbox'} data-shortcut="back">
          {t(m.back)}
        </a>
      </p>
      <div id="conversation-pane" data-conversation-id={c.id} data-platform={c.platform} data-list={p.list}>
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
              me={p.user?.id ?? null}
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
          <span data-testid="reply-as">{replyHeading(p)}</span>
          <textarea
            name="text"
            id="reply-text"
            rows={4}
            required
            maxlength={20000}
            data-testid="reply-text"
            aria-keyshortcuts="r"
            aria-describedby="reply-count reply-over"
          >
            {p.composer.text}
          </textarea>
        </label>
        <div class="row composer-foot">
          {/* The count changes with each key: read on request, not announced; going over the limit is. */}
          <output id="reply-count" data-testid="reply-count" for="reply-text" aria-live="off">
            {t(m.charactersAllowed, { count: p.replyLimit })}
          </output>
          <span id="reply-over" class="error-text small" role="status" aria-live="polite" data-testid="reply-over" />
          <button type="submit" id="reply-send" data-testid="reply-send" aria-describedby="reply-over">
            {t(m.sendReply)}
          </button>
        </div>
      </form>
      {p.savedReplies.length ? (
        <form method="get" action={`/inbox/c/${c.id}`} class="row saved-replies" id="saved-reply-form">
          {p.list ? <input type="hidden" name="list" value={p.list} /> : null}
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

/** "Reply on X as @brand to @ana": where it goes, the account that posts it, and to whom. */
function replyHeading(p: ConversationPageProps): string {
  const { t } = useT();
  const platform = platformLabel(p.conversation.platform);
  const handle = p.conversation.authorHandle;
  const account = p.replyAccount;
  if (account) return handle ? t(m.replyOnAsTo, { platform, account, handle }) : t(m.replyOnAs, { platform, account });
  return handle ? t(m.replyOnTo, { platform, handle }) : t(m.replyOn, { platform });
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

/**
 * Triage: each control its own small form posting one change to `/update`, so a change is saved on its own
 * (the script sends it as soon as it is chosen and says "Saved" beside it; without script each has a button).
 * Snoozing is a menu of presets on the viewer's clock and a time of their own, not fields always open.
 */
function Triage(p: ConversationPageProps) {
  const c = p.conversation;
  const me = p.user?.id;
  const { t } = useT();
  const control = { id: c.id, csrf: p.csrfToken, list: p.list };
  // Snoozed is chosen from the snooze menu (it needs a time); the select names it only while it is so.
  const statuses = CONVERSATION_STATUSES.filter((s) => s !== 'snoozed' || c.status === 'snoozed');
  return (
    <div class="card triage" id="triage" data-live-region="triage" data-testid="triage">
      <h2>{t(m.triage)}</h2>
      <div class="row quick-actions">
        <TriageForm {...control} name="quick" class="row">
          {me && c.assigneeId !== me ? (
            <button type="submit" name="assigneeId" value={me} class="secondary" data-testid="assign-to-me">
              {t(m.assignToMe)}
            </button>
          ) : null}
          {c.status === 'closed' ? (
            <button type="submit" name="status" value="open" class="secondary" data-testid="reopen">
              {t(m.reopen)}
            </button>
          ) : (
            <button type="submit" name="status" value="closed" data-testid="close" data-shortcut="close">
              {t(m.close)}
            </button>
          )}
        </TriageForm>
        <SnoozeMenu {...p} />
      </div>
      <TriageForm {...control} name="assignee" save={t(m.setAssignee)}>
        <label>
          {t(m.assignee)}
          <select name="assigneeId" data-autosubmit data-testid="assignee-select" aria-keyshortcuts="a">
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
      </TriageForm>
      <TriageForm {...control} name="status" save={t(m.setStatus)}>
        <label>
          {t(m.status)}
          <select name="status" data-autosubmit data-testid="status-select">
            {statuses.map((s) => (
              <option value={s} selected={s === c.status}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
      </TriageForm>
      <TriageForm {...control} name="priority" save={t(m.setPriority)}>
        <label>
          {t(m.priority)}
          <select name="priority" data-autosubmit data-testid="priority-select">
            {PRIORITIES.map((s) => (
              <option value={s} selected={s === c.priority}>
                {priorityLabel(s)}
              </option>
            ))}
          </select>
        </label>
      </TriageForm>
      <TriageForm {...control} name="tags" save={t(m.saveTags)} keepButton>
        <label>
          {t(m.tags)}
          <input
            name="tags"
            value={c.tags.join(', ')}
            placeholder={t(m.tagsPlaceholder)}
            list="triage-tags"
            data-testid="tags-input"
          />
        </label>
        {p.tags.length ? (
          <p class="muted small">
            {t(m.tagsInUse, { tags: p.tags.slice(0, 15).join(', ') })}
            {p.tags.length > 15 ? ' …' : ''}
          </p>
        ) : null}
      </TriageForm>
      <datalist id="triage-tags">
        {p.tags.map((tag) => (
          <option value={tag} />
        ))}
      </datalist>
    </div>
  );
}

/**
 * One triage control: a form posting its own field (and the list the conversation was opened from, where the
 * next one is), with a status beside it the script fills ("Saved", or what went wrong). `save` is its button
 * without script; the script hides it for selects, which send themselves (`keepButton`: a text field keeps it).
 */
function TriageForm(props: {
  id: string;
  csrf: string | undefined;
  list: string;
  name: string;
  class?: string;
  save?: string;
  keepButton?: boolean;
  children: Child;
}) {
  return (
    <form
      method="post"
      action={`/inbox/c/${props.id}/update`}
      class={`triage-control ${props.class ?? 'stack'}`}
      data-triage={props.name}
      data-testid={`triage-${props.name}`}
    >
      <Csrf token={props.csrf} />
      {props.list ? <input type="hidden" name="list" value={props.list} /> : null}
      {props.children}
      <div class="control-foot">
        {props.save ? (
          <button type="submit" class={props.keepButton ? 'secondary' : 'secondary control-save'}>
            {props.save}
          </button>
        ) : null}
        <span class="control-status small" role="status" aria-live="polite" data-status />
      </div>
    </form>
  );
}

/**
 * The snooze menu: an hour, tomorrow 09:00 and next Monday 09:00 on the viewer's clock (each a button of one
 * form), or a time of their own, read in their zone (a form of its own: Enter in its field picks no preset).
 * A disclosure, so it works without script too.
 */
function SnoozeMenu(p: ConversationPageProps) {
  const c = p.conversation;
  const { t, time, dateTime, timeZone } = useT();
  const control = { id: c.id, csrf: p.csrfToken, list: p.list };
  return (
    <details class="snooze-menu" data-testid="snooze-menu">
      <summary class="button secondary">{t(m.snooze)}</summary>
      <div class="menu-panel">
        <TriageForm {...control} name="snooze" class="stack">
          <input type="hidden" name="status" value="snoozed" />
          <p class="small muted menu-title">{t(m.snoozeMenu)}</p>
          {SNOOZE_MENU.map((preset) => {
            const end = snoozePresetEnd(preset, p.now, timeZone);
            return (
              <button
                type="submit"
                name="snoozeFor"
                value={preset}
                class="secondary menu-item"
                data-testid={`snooze-${preset}`}
                title={dateTime(end)}
              >
                {t(SNOOZE_LABELS[preset], { time: time(end) })}
              </button>
            );
          })}
        </TriageForm>
        <TriageForm {...control} name="snooze-until" class="stack" save={t(m.snoozeCustom)} keepButton>
          <input type="hidden" name="status" value="snoozed" />
          <input type="hidden" name="snoozeFor" value="until" />
          <label>
            {t(m.snoozeUntil, { zone: timeZone })}
            <input
              type="datetime-local"
              name="snoozeUntil"
              value={c.snoozedUntil ? localDateTime(c.snoozedUntil, timeZone) : ''}
              required
              min={localDateTime(p.now, timeZone)}
              data-testid="snooze-until"
            />
          </label>
        </TriageForm>
      </div>
    </details>
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
