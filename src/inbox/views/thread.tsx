import type { ModerationAction } from '../../core/moderation';
import type { MessageDescriptor } from '../../core/i18n/translator';
import { INTENTS } from '../../sentiment';
import { platformLabel, safeHttpUrl } from '../../http/web/format';
import { useT } from '../../http/web/i18n';
import { SentimentBadge, WhyDisclosure } from '../../http/web/sentiment';
import { isUncertain } from '../../mentions';
import { Csrf, when } from '../../http/web/settings-shell';
import type { ThreadItem } from '../conversations.service';
import { common, thread as m } from './messages';
import { intentLabel, IntentBadges, priorityLabel, statusLabel } from './parts';

type Names = Map<string, string>;

const who = (names: Names, id: string | null, fallback: MessageDescriptor = m.system) =>
  id ? (names.get(id) ?? useT().t(m.formerTeammate)) : useT().t(fallback);

/**
 * One line of history in words, from an event's kind and details, told to the viewer `me`: "You assigned it
 * to yourself", "Ana assigned it to you", "Ana assigned it to Bo".
 */
export function describeEvent(
  e: Extract<ThreadItem, { kind: 'event' }>,
  names: Names,
  platform = '',
  me: string | null = null,
): string {
  const { t, timeZone } = useT();
  const d = e.details as Record<string, unknown>;
  const by = me !== null && e.actorId === me ? 'you' : 'other';
  const actor = who(names, e.actorId);
  // Whom it went to: German says it in another case than the one who did it.
  const person = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? t(m.formerTeammateObject)) : t(m.nobody));
  const whom = (id: unknown) => (id === e.actorId && id ? 'self' : me !== null && id === me ? 'you' : 'other');
  switch (e.event) {
    case 'created':
      return t(m.created);
    case 'reopened':
      return t(m.reopened);
    case 'status': {
      if (d.reason === 'snooze ended') return t(m.snoozeEnded);
      if (d.until) return t(m.snoozed, { by, actor, time: when(String(d.until)), zone: timeZone });
      return t(m.statusChanged, { by, actor, from: statusLabel(String(d.from)), to: statusLabel(String(d.to)) });
    }
    case 'assigned':
      return d.to ? t(m.assigned, { by, actor, to: whom(d.to), person: person(d.to) }) : t(m.unassigned, { by, actor });
    case 'priority':
      return t(m.priority, { by, actor, priority: priorityLabel(String(d.to)) });
    case 'tags':
      return Array.isArray(d.to) && d.to.length
        ? t(m.tags, { by, actor, tags: d.to.join(', ') })
        : t(m.tagsRemoved, { by, actor });
    case 'rule': {
      const did: string[] = [];
      if (d.assignedTo) did.push(t(m.ruleAssigned, { person: person(d.assignedTo) }));
      else if (d.roundRobin) did.push(t(m.ruleNotAssigned, { reason: String(d.roundRobin) }));
      if (Array.isArray(d.tags)) did.push(t(m.ruleTagged, { tags: d.tags.join(', ') }));
      if (d.priority) did.push(t(m.rulePriority, { priority: priorityLabel(String(d.priority)) }));
      if (d.status === 'spam') did.push(t(m.ruleSpam));
      const rule = String(d.rule);
      return did.length ? t(m.rule, { rule, actions: did.join(', ') }) : t(m.ruleMatched, { rule });
    }
    case 'reply_retracted':
      return t(m.retracted, { by, actor });
    case 'moderated':
      return t(moderationWords(platform).done, { by, actor, action: String(d.action) });
    default:
      return e.event;
  }
}

export interface ThreadProps {
  items: ThreadItem[];
  /** The platform lets a sent response be taken down again (Google reviews, the App Store). */
  retracts?: boolean;
  names: Names;
  platform: string;
  conversationId: string;
  /** The workspace's sentiment confidence threshold (below it a label shows as uncertain). */
  confidenceThreshold: number;
  canWrite: boolean;
  csrf: string | undefined;
  /** The viewer: the history says "You" for what they did. */
  me?: string | null | undefined;
  /** What the platform lets staff do to a post from here (hide, unhide, delete, like). */
  moderates?: readonly ModerationAction[];
}

/** The thread in time order: their posts, our replies (with their send status), notes and history. */
export function Thread(p: ThreadProps) {
  return (
    <ol class="thread" id="thread" data-testid="thread" data-live-region="thread">
      {p.items.map((item) => {
        switch (item.kind) {
          case 'inbound':
            return <Inbound item={item} {...p} />;
          case 'reply':
            return <Reply item={item} {...p} />;
          case 'note':
            return (
              <li class="tl-item note" data-testid="thread-note">
                <div class="tl-head">
                  <span class="badge note">{useT().t(m.internalNote)}</span>
                  <strong>{who(p.names, item.authorId, m.apiKey)}</strong>
                  <time class="muted small" datetime={item.at}>
                    {when(item.at)}
                  </time>
                </div>
                <p class="tl-text" dir="auto">
                  {item.text}
                </p>
              </li>
            );
          default:
            // The history event; a new item kind fails to compile here (describeEvent takes events only).
            return (
              <li class="tl-event muted small" data-testid="thread-event">
                <time datetime={item.at}>{when(item.at)}</time> {describeEvent(item, p.names, p.platform, p.me ?? null)}
              </li>
            );
        }
      })}
    </ol>
  );
}

/**
 * How the inbox words moderation: buttons and the history's past tense (messages taking `action`), the
 * post's badges.
 */
interface ModerationWords {
  button: MessageDescriptor;
  done: MessageDescriptor;
  hidden: MessageDescriptor;
  deleted: MessageDescriptor;
}
const MODERATION_WORDS: ModerationWords = {
  button: m.moderate,
  done: m.moderated,
  hidden: m.hidden,
  deleted: m.deleted,
};
/** YouTube moderates by status: hiding is holding for review, showing again is publishing, deleting rejects. */
const PLATFORM_MODERATION_WORDS: Partial<Record<string, ModerationWords>> = {
  youtube: {
    button: m.moderateYoutube,
    done: m.moderatedYoutube,
    hidden: m.hiddenYoutube,
    deleted: m.deletedYoutube,
  },
};
const moderationWords = (platform: string) => PLATFORM_MODERATION_WORDS[platform] ?? MODERATION_WORDS;

/** Buttons acting on the post on its platform: hide or show again (whichever applies), delete, like. */
function Moderation(props: ThreadProps & { item: Extract<ThreadItem, { kind: 'inbound' }> }) {
  const { item } = props;
  const offered = (props.moderates ?? []).filter(
    (a) => !(a === 'hide' && item.hidden) && !(a === 'unhide' && !item.hidden) && !(a === 'like' && item.liked),
  );
  const { t } = useT();
  return (
    <form
      method="post"
      action={`/inbox/c/${props.conversationId}/mentions/${item.id}/moderate`}
      class="moderation"
      data-testid="moderation"
      aria-label={t(m.actOnPost, { platform: platformLabel(props.platform) })}
    >
      <Csrf token={props.csrf} />
      {offered.map((a) => (
        <button type="submit" name="action" value={a} class={a === 'delete' ? 'danger' : 'secondary'}>
          {t(moderationWords(props.platform).button, { action: a })}
        </button>
      ))}
    </form>
  );
}

/** Stars as drawn: 0 to 5, whatever a platform sent. */
const stars = (n: number) => Math.min(5, Math.max(0, Math.round(n)));

/**
 * An edit by the author: when it came after our sent reply (a reviewer who changed their stars or words after
 * the response), the agent should see that the answer may no longer fit.
 */
function EditedNote(p: { item: Extract<ThreadItem, { kind: 'inbound' }>; items: ThreadItem[] }) {
  const edited = p.item.editedAt;
  if (!edited) return null;
  const { t } = useT();
  const answered = p.items.some(
    (i) => i.kind === 'reply' && i.inReplyToMentionId === p.item.id && i.status === 'sent' && i.at < edited,
  );
  return answered ? (
    <p class="small" data-testid="edited-after-reply">
      <span class="badge">{t(m.updatedAfterReply)}</span> {t(m.changedAfterReply, { time: when(edited) })}
    </p>
  ) : (
    <p class="muted small" data-testid="post-edited">
      {t(m.edited, { time: when(edited) })}
    </p>
  );
}

function Inbound(props: ThreadProps & { item: Extract<ThreadItem, { kind: 'inbound' }> }) {
  const { item } = props;
  const url = safeHttpUrl(item.url);
  const label = item.sentimentOverride ?? item.sentiment;
  const sentiment = { override: item.sentimentOverride, label: item.sentiment, confidence: item.sentimentConfidence };
  const intents = item.intentsOverride ?? item.intents;
  const { t, number } = useT();
  return (
    <li class="tl-item inbound" id={`post-${item.id}`} data-testid="thread-inbound" data-mention-id={item.id}>
      <div class="tl-head">
        <strong>{item.authorName || item.authorHandle || t(common.unknownAuthor)}</strong>
        {item.authorHandle ? <span class="muted">@{item.authorHandle}</span> : null}
        <time class="muted small" datetime={item.at}>
          {when(item.at)}
        </time>
        {url ? (
          <a class="small" href={url} rel="noopener noreferrer nofollow" target="_blank">
            {t(m.openOn, { platform: platformLabel(props.platform) })}
          </a>
        ) : null}
      </div>
      {item.rating !== null ? (
        <div
          class="review-stars"
          data-testid="post-rating"
          role="img"
          aria-label={t(m.stars, { rating: number(item.rating) })}
        >
          {'★'.repeat(stars(item.rating))}
          {'☆'.repeat(5 - stars(item.rating))}
        </div>
      ) : null}
      {item.title ? <div class="mention-title">{item.title}</div> : null}
      <p class="tl-text" dir="auto">
        {item.text}
      </p>
      <EditedNote item={item} items={props.items} />
      {item.truncated ? (
        <p class="muted small" data-testid="post-truncated">
          {t(m.truncated)}{' '}
          {url ? (
            <a href={url} rel="noopener noreferrer nofollow" target="_blank">
              {t(m.readAll, { platform: platformLabel(props.platform) })}
            </a>
          ) : null}
        </p>
      ) : null}
      <div class="tl-foot">
        <SentimentBadge
          label={label}
          confidence={item.sentimentOverride ? null : item.sentimentConfidence}
          uncertain={isUncertain(sentiment, props.confidenceThreshold)}
          corrected={item.sentimentOverride !== null}
          testid="post-sentiment"
        />
        <IntentBadges intents={intents} />
        {item.intentsOverride ? <span class="muted small">{t(m.intentsCorrected)}</span> : null}
        {item.deleted ? <span class="badge">{t(moderationWords(props.platform).deleted)}</span> : null}
        {item.hidden && !item.deleted ? (
          <span class="badge" data-testid="post-hidden">
            {t(moderationWords(props.platform).hidden)}
          </span>
        ) : null}
        {item.liked ? <span class="badge">{t(m.liked)}</span> : null}
      </div>
      <WhyDisclosure mentionId={item.id} label={item.sentiment} corrected={item.sentimentOverride !== null} />
      {props.canWrite && !item.deleted && props.moderates?.length ? <Moderation {...props} /> : null}
      {props.canWrite ? (
        <details class="correct">
          <summary class="small">{t(m.correct)}</summary>
          <form
            method="post"
            action={`/inbox/c/${props.conversationId}/mentions/${item.id}/analysis`}
            class="stack"
            data-testid="correct-form"
          >
            <Csrf token={props.csrf} />
            <label>
              {t(m.sentiment)}
              <select name="sentiment">
                <option value="model" selected={!item.sentimentOverride}>
                  {t(m.asAnalysed, {
                    label: item.sentiment ? t(common.sentiment, { label: item.sentiment }) : t(m.none),
                  })}
                </option>
                {(['positive', 'neutral', 'negative'] as const).map((s) => (
                  <option value={s} selected={item.sentimentOverride === s}>
                    {t(common.sentiment, { label: s })}
                  </option>
                ))}
              </select>
            </label>
            <fieldset class="choices">
              <legend>{t(m.intents)}</legend>
              {INTENTS.map((i) => (
                <label class="check">
                  <input type="checkbox" name="intents" value={i} checked={intents.includes(i)} /> {intentLabel(i)}
                </label>
              ))}
            </fieldset>
            <label class="check">
              <input type="checkbox" name="resetIntents" value="1" />{' '}
              {t(m.resetIntents, { intents: item.intents.map(intentLabel).join(', ') || t(m.none) })}
            </label>
            <button type="submit" class="secondary">
              {t(m.saveCorrection)}
            </button>
          </form>
        </details>
      ) : null}
    </li>
  );
}

/** The newest sent answer to the same post: the one live on the platform (a review has one response). */
const isLatestSent = (items: ThreadItem[], reply: Extract<ThreadItem, { kind: 'reply' }>) =>
  !items.some(
    (i) =>
      i.kind === 'reply' &&
      i.status === 'sent' &&
      i.id !== reply.id &&
      i.inReplyToMentionId === reply.inReplyToMentionId &&
      i.at > reply.at,
  );

function Reply(props: ThreadProps & { item: Extract<ThreadItem, { kind: 'reply' }> }) {
  const { item } = props;
  const url = safeHttpUrl(item.url);
  const { t } = useT();
  const platform = platformLabel(props.platform);
  return (
    <li
      class={`tl-item reply reply-${item.status}`}
      data-testid="thread-reply"
      data-status={item.status}
      data-reply-id={item.id}
    >
      <div class="tl-head">
        <span class="badge reply-badge">{t(m.reply)}</span>
        <strong>{who(props.names, item.authorId, m.apiKey)}</strong>
        <time class="muted small" datetime={item.at}>
          {when(item.at)}
        </time>
        <span class={`badge reply-status-${item.status}`} data-testid="reply-status">
          {t(m.replyStatus, { status: item.status })}
        </span>
      </div>
      <p class="tl-text" dir="auto">
        {item.text}
      </p>
      {item.uncertain && item.status !== 'sent' ? (
        <p class="muted small" data-testid="reply-uncertain">
          <span class="badge reply-uncertain">{t(m.uncertain)}</span> {t(m.uncertainText, { platform })}
        </p>
      ) : null}
      {item.retracted ? (
        <p class="muted small" data-testid="reply-retracted">
          <span class="badge">{t(m.takenDown)}</span> {t(m.noLongerShown, { platform })}
        </p>
      ) : null}
      {item.status === 'sent' &&
      !item.retracted &&
      props.canWrite &&
      props.retracts &&
      isLatestSent(props.items, item) ? (
        <form method="post" action={`/inbox/replies/${item.id}/retract`} class="inline" data-testid="reply-retract">
          <Csrf token={props.csrf} />
          <button type="submit" class="secondary">
            {t(m.deleteResponse)}
          </button>
        </form>
      ) : null}
      {item.status === 'sent' && url && !item.retracted ? (
        <a class="small" href={url} rel="noopener noreferrer nofollow" target="_blank" data-testid="reply-link">
          {t(m.viewOn, { platform })}
        </a>
      ) : null}
      {item.status === 'queued' && item.error ? (
        <p class="muted small">{t(m.willRetry, { error: item.error })}</p>
      ) : null}
      {item.status === 'sent' && item.error ? <p class="muted small">{item.error}</p> : null}
      {item.status === 'failed' ? (
        <div class="reply-failed">
          <p class="error-text" data-testid="reply-error">
            {t(m.notSent, { error: item.error ?? t(m.noReason) })}
          </p>
          {props.canWrite ? (
            <form method="post" action={`/inbox/replies/${item.id}/retry`} class="inline">
              <Csrf token={props.csrf} />
              <button type="submit" class="secondary" data-testid="reply-retry">
                {t(m.retry)}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
