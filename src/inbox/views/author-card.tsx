import {
  type Contact,
  day,
  displayName,
  Handles,
  ScoreReasons,
  SentimentChart,
  type SentimentWeek,
} from '../../contacts';
import { compact, PlatformBadge, platformLabel } from '../../http/web/format';
import { StatusBadge } from './parts';

export interface OtherConversation {
  id: string;
  subject: string;
  status: string;
  platform: string;
  lastInboundAt: Date;
}

export interface AuthorCardProps {
  contact: Contact | null;
  fallback: { name: string | null; handle: string | null; followers: number | null };
  weeks: SentimentWeek[];
  others: OtherConversation[];
}

/** Who wrote: the CRM contact with all their accounts, score, mood over time and other open threads. */
export function AuthorCard(p: AuthorCardProps) {
  const c = p.contact;
  return (
    <div class="card author-card" id="author-card" data-testid="author-card">
      <h2>Author</h2>
      {c ? (
        <>
          <div class="author-name">
            <a href={`/contacts/${c.id}`} data-testid="author-contact">
              {displayName(c)}
            </a>
            <span class="badge">{c.lifecycleStage}</span>
          </div>
          {c.company || c.title ? (
            <div class="muted small">{[c.title, c.company].filter(Boolean).join(' · ')}</div>
          ) : null}
          <Handles identities={c.identities} />
          <dl class="facts small">
            <dt>Followers</dt>
            <dd>{compact(c.followers)}</dd>
            <dt>Mentions</dt>
            <dd>{c.mentionCount}</dd>
            <dt>First seen</dt>
            <dd>{c.firstTouchChannel ? `${platformLabel(c.firstTouchChannel)} · ${day(c.firstTouchAt)}` : '–'}</dd>
          </dl>
          <div class="score">
            <span class="score-value" data-testid="author-score">
              {c.score}
            </span>
            <span class="muted">/ 100 score</span>
          </div>
          <ScoreReasons reasons={c.scoreReasons.slice(0, 4)} />
          <h3>Sentiment over time</h3>
          <SentimentChart weeks={p.weeks} />
        </>
      ) : (
        <>
          <div class="author-name">{p.fallback.name || p.fallback.handle || 'Unknown author'}</div>
          {p.fallback.handle ? <div class="muted">@{p.fallback.handle}</div> : null}
          {p.fallback.followers !== null ? (
            <div class="muted small">{compact(p.fallback.followers)} followers</div>
          ) : null}
          <p class="muted small">Not linked to a contact.</p>
        </>
      )}
      <h3>Other conversations</h3>
      {p.others.length === 0 ? (
        <p class="muted small">None open.</p>
      ) : (
        <ul class="plain" data-testid="other-conversations">
          {p.others.map((o) => (
            <li class="other-conv">
              <PlatformBadge platform={o.platform} /> <StatusBadge status={o.status} />{' '}
              <a href={`/inbox/c/${o.id}`}>{o.subject || '(no text)'}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
