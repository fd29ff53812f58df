import {
  type Contact,
  day,
  displayName,
  Handles,
  ScoreReasons,
  SentimentChart,
  type SentimentWeek,
  stageLabel,
} from '../../contacts';
import { compact, PlatformBadge, platformLabel } from '../../http/web/format';
import { useT } from '../../http/web/i18n';
import { author as m, common } from './messages';
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
  const { t, number } = useT();
  return (
    <div class="card author-card" id="author-card" data-testid="author-card">
      <h2>{t(m.title)}</h2>
      {c ? (
        <>
          <div class="author-name">
            <a href={`/contacts/${c.id}`} data-testid="author-contact">
              {displayName(c)}
            </a>
            <span class="badge">{stageLabel(c.lifecycleStage)}</span>
          </div>
          {c.company || c.title ? (
            <div class="muted small">{[c.title, c.company].filter(Boolean).join(' · ')}</div>
          ) : null}
          <Handles identities={c.identities} />
          <dl class="facts small">
            <dt>{t(m.followers)}</dt>
            <dd>{compact(c.followers)}</dd>
            <dt>{t(m.mentions)}</dt>
            <dd>{number(c.mentionCount)}</dd>
            <dt>{t(m.firstSeen)}</dt>
            <dd>{c.firstTouchChannel ? `${platformLabel(c.firstTouchChannel)} · ${day(c.firstTouchAt)}` : '–'}</dd>
          </dl>
          <div class="score">
            <span class="score-value" data-testid="author-score">
              {number(c.score)}
            </span>
            <span class="muted">{t(m.score)}</span>
          </div>
          {/* Every part is listed (the rest folded after four), so the score above is their sum. */}
          <ScoreReasons score={c.score} reasons={c.scoreReasons} shown={4} />
          <h3>{t(m.sentimentOverTime)}</h3>
          <SentimentChart weeks={p.weeks} />
        </>
      ) : (
        <>
          <div class="author-name">{p.fallback.name || p.fallback.handle || t(common.unknownAuthor)}</div>
          {p.fallback.handle ? <div class="muted">@{p.fallback.handle}</div> : null}
          {p.fallback.followers !== null ? (
            <div class="muted small">
              {t(common.followers, { count: p.fallback.followers, followers: compact(p.fallback.followers) })}
            </div>
          ) : null}
          <p class="muted small">{t(m.notLinked)}</p>
        </>
      )}
      <h3>{t(m.others)}</h3>
      {p.others.length === 0 ? (
        <p class="muted small">{t(m.noneOpen)}</p>
      ) : (
        <ul class="plain" data-testid="other-conversations">
          {p.others.map((o) => (
            <li class="other-conv">
              <PlatformBadge platform={o.platform} /> <StatusBadge status={o.status} />{' '}
              <a href={`/inbox/c/${o.id}`}>{o.subject || t(common.noText)}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
