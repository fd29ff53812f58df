import type { ModerationAction } from '../../core/moderation';
import { INTENTS } from '../../sentiment';
import { platformLabel, safeHttpUrl } from '../../http/web/format';
import { SentimentBadge, WhyDisclosure } from '../../http/web/sentiment';
import { isUncertain } from '../../mentions';
import { Csrf, when } from '../../http/web/settings-shell';
import type { ThreadItem } from '../conversations.service';
import { INTENT_LABELS, IntentBadges, STATUS_LABELS } from './parts';

type Names = Map<string, string>;

const who = (names: Names, id: string | null, fallback = 'System') =>
  id ? (names.get(id) ?? 'A former teammate') : fallback;

/** One line of history in words ("Ana assigned it to Bo"), from an event's kind and details. */
export function describeEvent(e: Extract<ThreadItem, { kind: 'event' }>, names: Names, platform = ''): string {
  const d = e.details as Record<string, unknown>;
  const actor = who(names, e.actorId);
  const person = (id: unknown) => (typeof id === 'string' ? who(names, id) : 'nobody');
  switch (e.event) {
    case 'created':
      return 'Conversation started';
    case 'reopened':
      return 'Reopened by a new post';
    case 'status':
      if (d.reason === 'snooze ended') return 'Snooze ended: open again';
      return (
        `${actor} changed the status from ${STATUS_LABELS[String(d.from)] ?? d.from} ` +
        `to ${STATUS_LABELS[String(d.to)] ?? d.to}${d.until ? ` until ${when(String(d.until))} UTC` : ''}`
      );
    case 'assigned':
      return d.to ? `${actor} assigned it to ${person(d.to)}` : `${actor} unassigned it`;
    case 'priority':
      return `${actor} set the priority to ${d.to}`;
    case 'tags':
      return Array.isArray(d.to) && d.to.length
        ? `${actor} set the tags: ${d.to.join(', ')}`
        : `${actor} removed the tags`;
    case 'rule': {
      const did: string[] = [];
      if (d.assignedTo) did.push(`assigned it to ${person(d.assignedTo)}`);
      else if (d.roundRobin) did.push(`could not assign it (${d.roundRobin})`);
      if (Array.isArray(d.tags)) did.push(`tagged it ${d.tags.join(', ')}`);
      if (d.priority) did.push(`set the priority to ${d.priority}`);
      if (d.status === 'spam') did.push('marked it spam');
      return `Rule “${d.rule}” ${did.length ? did.join(', ') : 'matched'}`;
    }
    case 'reply_retracted':
      return `${actor} took the response down on the platform`;
    case 'moderated': {
      const words = moderationWords(platform);
      const did = words.done[String(d.action) as ModerationAction];
      return `${actor} ${did ?? d.action} ${words.what}`;
    }
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
                  <span class="badge note">Internal note</span>
                  <strong>{who(p.names, item.authorId, 'An API key')}</strong>
                  <time class="muted small" datetime={item.at}>
                    {when(item.at)}
                  </time>
                </div>
                <p class="tl-text">{item.text}</p>
              </li>
            );
          default:
            // The history event; a new item kind fails to compile here (describeEvent takes events only).
            return (
              <li class="tl-event muted small" data-testid="thread-event">
                <time datetime={item.at}>{when(item.at)}</time> {describeEvent(item, p.names, p.platform)}
              </li>
            );
        }
      })}
    </ol>
  );
}

/** How the inbox words moderation: buttons, the history's past tense, the post's badges. */
interface ModerationWords {
  button: Record<ModerationAction, string>;
  done: Record<ModerationAction, string>;
  what: string;
  hidden: string;
  deleted: string;
}
const MODERATION_WORDS: ModerationWords = {
  button: { hide: 'Hide', unhide: 'Show again', delete: 'Delete', like: 'Like' },
  done: { hide: 'hid', unhide: 'showed again', delete: 'deleted', like: 'liked' },
  what: 'a post on the platform',
  hidden: 'hidden on the platform',
  deleted: 'deleted on the platform',
};
/** YouTube moderates by status: hiding is holding for review, showing again is publishing, deleting rejects. */
const PLATFORM_MODERATION_WORDS: Partial<Record<string, ModerationWords>> = {
  youtube: {
    button: { ...MODERATION_WORDS.button, hide: 'Hold for review', unhide: 'Publish', delete: 'Reject' },
    done: { ...MODERATION_WORDS.done, hide: 'held for review', unhide: 'published', delete: 'rejected' },
    what: 'a comment on YouTube',
    hidden: 'held for review',
    deleted: 'rejected or deleted',
  },
};
const moderationWords = (platform: string) => PLATFORM_MODERATION_WORDS[platform] ?? MODERATION_WORDS;

/** Buttons acting on the post on its platform: hide or show again (whichever applies), delete, like. */
function Moderation(props: ThreadProps & { item: Extract<ThreadItem, { kind: 'inbound' }> }) {
  const { item } = props;
  const offered = (props.moderates ?? []).filter(
    (a) => !(a === 'hide' && item.hidden) && !(a === 'unhide' && !item.hidden) && !(a === 'like' && item.liked),
  );
  return (
    <form
      method="post"
      action={`/inbox/c/${props.conversationId}/mentions/${item.id}/moderate`}
      class="moderation"
      data-testid="moderation"
      aria-label={`Act on this post on ${platformLabel(props.platform)}`}
    >
      <Csrf token={props.csrf} />
      {offered.map((a) => (
        <button type="submit" name="action" value={a} class={a === 'delete' ? 'danger' : 'secondary'}>
          {moderationWords(props.platform).button[a]}
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
  const answered = p.items.some(
    (i) => i.kind === 'reply' && i.inReplyToMentionId === p.item.id && i.status === 'sent' && i.at < edited,
  );
  return answered ? (
    <p class="small" data-testid="edited-after-reply">
      <span class="badge">Updated after our reply</span> The author changed this {when(edited)}; the response may need
      another look.
    </p>
  ) : (
    <p class="muted small" data-testid="post-edited">
      Edited {when(edited)}
    </p>
  );
}

function Inbound(props: ThreadProps & { item: Extract<ThreadItem, { kind: 'inbound' }> }) {
  const { item } = props;
  const url = safeHttpUrl(item.url);
  const label = item.sentimentOverride ?? item.sentiment;
  const sentiment = { override: item.sentimentOverride, label: item.sentiment, confidence: item.sentimentConfidence };
  const intents = item.intentsOverride ?? item.intents;
  return (
    <li class="tl-item inbound" id={`post-${item.id}`} data-testid="thread-inbound" data-mention-id={item.id}>
      <div class="tl-head">
        <strong>{item.authorName || item.authorHandle || 'Unknown author'}</strong>
        {item.authorHandle ? <span class="muted">@{item.authorHandle}</span> : null}
        <time class="muted small" datetime={item.at}>
          {when(item.at)}
        </time>
        {url ? (
          <a class="small" href={url} rel="noopener noreferrer nofollow" target="_blank">
            Open on {platformLabel(props.platform)}
          </a>
        ) : null}
      </div>
      {item.rating !== null ? (
        <div class="review-stars" data-testid="post-rating" role="img" aria-label={`${item.rating} of 5 stars`}>
          {'★'.repeat(stars(item.rating))}
          {'☆'.repeat(5 - stars(item.rating))}
        </div>
      ) : null}
      {item.title ? <div class="mention-title">{item.title}</div> : null}
      <p class="tl-text">{item.text}</p>
      <EditedNote item={item} items={props.items} />
      {item.truncated ? (
        <p class="muted small" data-testid="post-truncated">
          Shown in part: the post is longer than we keep.{' '}
          {url ? (
            <a href={url} rel="noopener noreferrer nofollow" target="_blank">
              Read it all on {platformLabel(props.platform)}
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
        {item.intentsOverride ? <span class="muted small">intents corrected</span> : null}
        {item.deleted ? <span class="badge">{moderationWords(props.platform).deleted}</span> : null}
        {item.hidden && !item.deleted ? (
          <span class="badge" data-testid="post-hidden">
            {moderationWords(props.platform).hidden}
          </span>
        ) : null}
        {item.liked ? <span class="badge">liked</span> : null}
      </div>
      <WhyDisclosure mentionId={item.id} label={item.sentiment} corrected={item.sentimentOverride !== null} />
      {props.canWrite && !item.deleted && props.moderates?.length ? <Moderation {...props} /> : null}
      {props.canWrite ? (
        <details class="correct">
          <summary class="small">Correct sentiment or intent</summary>
          <form
            method="post"
            action={`/inbox/c/${props.conversationId}/mentions/${item.id}/analysis`}
            class="stack"
            data-testid="correct-form"
          >
            <Csrf token={props.csrf} />
            <label>
              Sentiment
              <select name="sentiment">
                <option value="model" selected={!item.sentimentOverride}>
                  As analysed ({item.sentiment ?? 'none'})
                </option>
                {(['positive', 'neutral', 'negative'] as const).map((s) => (
                  <option value={s} selected={item.sentimentOverride === s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <fieldset class="choices">
              <legend>Intents</legend>
              {INTENTS.map((i) => (
                <label class="check">
                  <input type="checkbox" name="intents" value={i} checked={intents.includes(i)} /> {INTENT_LABELS[i]}
                </label>
              ))}
            </fieldset>
            <label class="check">
              <input type="checkbox" name="resetIntents" value="1" /> Use the analysed intents again (
              {item.intents.map((i) => INTENT_LABELS[i] ?? i).join(', ') || 'none'})
            </label>
            <button type="submit" class="secondary">
              Save correction
            </button>
          </form>
        </details>
      ) : null}
    </li>
  );
}

const REPLY_STATUS: Record<string, string> = { queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed' };

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
  return (
    <li
      class={`tl-item reply reply-${item.status}`}
      data-testid="thread-reply"
      data-status={item.status}
      data-reply-id={item.id}
    >
      <div class="tl-head">
        <span class="badge reply-badge">Reply</span>
        <strong>{who(props.names, item.authorId, 'An API key')}</strong>
        <time class="muted small" datetime={item.at}>
          {when(item.at)}
        </time>
        <span class={`badge reply-status-${item.status}`} data-testid="reply-status">
          {REPLY_STATUS[item.status] ?? item.status}
        </span>
      </div>
      <p class="tl-text">{item.text}</p>
      {item.uncertain && item.status !== 'sent' ? (
        <p class="muted small" data-testid="reply-uncertain">
          <span class="badge reply-uncertain">Uncertain</span> An earlier attempt may have reached{' '}
          {platformLabel(props.platform)} without an answer: it is looked up there before anything is sent again.
        </p>
      ) : null}
      {item.retracted ? (
        <p class="muted small" data-testid="reply-retracted">
          <span class="badge">Taken down</span> No longer shown on {platformLabel(props.platform)}.
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
            Delete response
          </button>
        </form>
      ) : null}
      {item.status === 'sent' && url && !item.retracted ? (
        <a class="small" href={url} rel="noopener noreferrer nofollow" target="_blank" data-testid="reply-link">
          View on {platformLabel(props.platform)}
        </a>
      ) : null}
      {item.status === 'queued' && item.error ? <p class="muted small">Will retry: {item.error}</p> : null}
      {item.status === 'sent' && item.error ? <p class="muted small">{item.error}</p> : null}
      {item.status === 'failed' ? (
        <div class="reply-failed">
          <p class="error-text" data-testid="reply-error">
            Not sent: {item.error ?? 'no reason given'}
          </p>
          {props.canWrite ? (
            <form method="post" action={`/inbox/replies/${item.id}/retry`} class="inline">
              <Csrf token={props.csrf} />
              <button type="submit" class="secondary" data-testid="reply-retry">
                Retry
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
