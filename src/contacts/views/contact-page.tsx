import { platformLabel, PlatformBadge, safeHttpUrl } from '../../http/web/format';
import { AppShell, Flash } from '../../http/web/layout';
import { Csrf, type PageBase, PostButton, when } from '../../http/web/settings-shell';
import type { TimelineItem } from '../timeline';
import {
  type Contact,
  day,
  displayName,
  Handles,
  IdentityTable,
  ScoreReasons,
  SentimentBadge,
  sentimentWord,
} from './parts';
import { SentimentChart, type SentimentWeek } from './sentiment-chart';

export interface ContactPageProps extends PageBase {
  contact: Contact;
  /** Set when this contact was merged into another. */
  survivor: { id: string; name: string } | null;
  timeline: { items: TimelineItem[]; next: string | null; paged: boolean };
  history: SentimentWeek[];
  similar: { contact: Contact; reasons: { code: string; detail: string }[]; confidence: number }[];
  merges: {
    id: string;
    createdAt: string;
    undoneAt: string | null;
    by: string | null;
    from: { id: string; name: string }[];
  }[];
  stages: string[];
  people: Map<string, string>;
  canWrite: boolean;
  ok?: string | undefined;
  error?: string | undefined;
  /** The profile form as posted, when it comes back with a problem. */
  values?: Record<string, string> | undefined;
  note?: string | undefined;
}

const pct = (n: number) => `${Math.round(n * 100)}%`;

/** One contact: who they are, where they post, why they score what they do, and everything they said. */
export function ContactPage(p: ContactPageProps) {
  const c = p.contact;
  const name = displayName(c);
  const editable = p.canWrite && !p.survivor;
  const v = p.values ?? {
    name: c.name,
    emails: c.emails.join(', '),
    company: c.company ?? '',
    title: c.title ?? '',
    location: c.location ?? '',
    lifecycleStage: c.lifecycleStage,
    tags: c.tags.join(', '),
  };
  const mood = sentimentWord(c.sentiment);
  return (
    <AppShell {...p} title={name} active="/contacts">
      <p class="small">
        <a href="/contacts">← Contacts</a>
      </p>
      <div class="page-head">
        <h1 data-testid="contact-name">{name}</h1>
        <span class="badge">{c.lifecycleStage}</span>
      </div>
      {p.survivor ? (
        <div class="flash ok" role="status" data-testid="merged-notice">
          This contact was merged into <a href={`/contacts/${p.survivor.id}`}>{p.survivor.name}</a>. Its accounts,
          mentions and notes are there now.
        </div>
      ) : null}
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />

      <div class="contact-grid">
        <section class="card" aria-labelledby="profile-h">
          <h2 id="profile-h">Profile</h2>
          {editable ? (
            <form class="stack" method="post" action={`/contacts/${c.id}`} data-testid="profile-form">
              <Csrf token={p.csrfToken} />
              <label>
                Name
                <input name="name" maxlength={300} value={v.name ?? ''} />
              </label>
              <label>
                Emails
                <input name="emails" value={v.emails ?? ''} placeholder="ana@example.com, ana@work.example" />
              </label>
              <div class="row">
                <label class="grow">
                  Company
                  <input name="company" maxlength={200} value={v.company ?? ''} />
                </label>
                <label class="grow">
                  Title
                  <input name="title" maxlength={200} value={v.title ?? ''} />
                </label>
              </div>
              <div class="row">
                <label class="grow">
                  Location
                  <input name="location" maxlength={200} value={v.location ?? ''} />
                </label>
                <label>
                  Stage
                  <select name="lifecycleStage">
                    {(p.stages.includes(c.lifecycleStage) ? p.stages : [c.lifecycleStage, ...p.stages]).map((s) => (
                      <option value={s} selected={s === v.lifecycleStage}>
                        {s}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <label>
                Tags
                <input name="tags" value={v.tags ?? ''} placeholder="vip, beta" />
              </label>
              <div>
                <button type="submit">Save profile</button>
              </div>
            </form>
          ) : (
            <dl class="facts" data-testid="profile">
              <dt>Name</dt>
              <dd>{c.name || '–'}</dd>
              <dt>Emails</dt>
              <dd>{c.emails.length ? c.emails.join(', ') : '–'}</dd>
              <dt>Company</dt>
              <dd>{c.company ?? '–'}</dd>
              <dt>Title</dt>
              <dd>{c.title ?? '–'}</dd>
              <dt>Location</dt>
              <dd>{c.location ?? '–'}</dd>
              <dt>Stage</dt>
              <dd>{c.lifecycleStage}</dd>
              <dt>Tags</dt>
              <dd>{c.tags.length ? c.tags.join(', ') : '–'}</dd>
            </dl>
          )}
        </section>

        <section class="card" aria-labelledby="score-h">
          <h2 id="score-h">Score</h2>
          <div class="score" data-testid="score">
            <span class="score-value">{c.score}</span>
            <span class="muted">/ 100</span>
          </div>
          <ScoreReasons reasons={c.scoreReasons} />
          <dl class="facts">
            <dt>First touch</dt>
            <dd data-testid="first-touch">
              {c.firstTouchChannel ? `${platformLabel(c.firstTouchChannel)} · ${day(c.firstTouchAt)}` : '–'}
            </dd>
            <dt>Last activity</dt>
            <dd>{when(c.lastActivityAt)}</dd>
            <dt>Mentions</dt>
            <dd>{c.mentionCount}</dd>
            <dt>Sentiment</dt>
            <dd>{mood ? <SentimentBadge label={mood} /> : '–'}</dd>
            {c.ownerId ? (
              <>
                <dt>Owner</dt>
                <dd>{p.people.get(c.ownerId) ?? 'a former user'}</dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>

      <section class="card" aria-labelledby="ids-h">
        <h2 id="ids-h">Accounts</h2>
        <IdentityTable identities={c.identities} />
      </section>

      <section class="card" aria-labelledby="sentiment-h">
        <h2 id="sentiment-h">Sentiment by week</h2>
        <SentimentChart weeks={p.history} />
      </section>

      {!p.survivor ? (
        <section class="card" aria-labelledby="dups-h">
          <h2 id="dups-h">Possible duplicates</h2>
          {p.similar.length === 0 ? <p class="muted">None found.</p> : null}
          <ul class="plain" data-testid="similar">
            {p.similar.map((s) => (
              <li class="similar" data-testid="similar-item">
                <div>
                  <a href={`/contacts/${s.contact.id}`}>{displayName(s.contact)}</a>{' '}
                  <span class="muted small">{pct(s.confidence)} likely</span>
                  <div>
                    <Handles identities={s.contact.identities} />
                  </div>
                  <div class="muted small">{s.reasons.map((r) => r.detail).join(' · ')}</div>
                </div>
                {p.canWrite ? (
                  <PostButton
                    action={`/contacts/${c.id}/merge`}
                    label="Merge into this contact"
                    csrf={p.csrfToken}
                    fields={{ from: s.contact.id }}
                  />
                ) : null}
              </li>
            ))}
          </ul>
          {p.merges.length > 0 ? (
            <>
              <h3>Merged into this contact</h3>
              <ul class="plain" data-testid="merges">
                {p.merges.map((m) => (
                  <li class="similar">
                    <div>
                      {m.from.map((f, i) => (
                        <>
                          {i > 0 ? ', ' : ''}
                          <a href={`/contacts/${f.id}`}>{f.name}</a>
                        </>
                      ))}
                      <div class="muted small">
                        {when(m.createdAt)}
                        {m.by ? ` by ${m.by}` : ''}
                        {m.undoneAt ? ` · undone ${when(m.undoneAt)}` : ''}
                      </div>
                    </div>
                    {p.canWrite && !m.undoneAt ? (
                      <PostButton action={`/contacts/merges/${m.id}/undo`} label="Undo merge" csrf={p.csrfToken} />
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section class="card" aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline</h2>
        {editable ? (
          <form class="stack note-form" method="post" action={`/contacts/${c.id}/notes`}>
            <Csrf token={p.csrfToken} />
            <label>
              Add a note
              <textarea name="body" rows={2} maxlength={10000} required>
                {p.note ?? ''}
              </textarea>
            </label>
            <div>
              <button type="submit">Add note</button>
            </div>
          </form>
        ) : null}
        {p.timeline.items.length === 0 ? (
          <p class="muted">Nothing yet.</p>
        ) : (
          <ol class="timeline" data-testid="timeline">
            {p.timeline.items.map((i) => (
              <li class={`tl-item tl-${i.kind}`} data-testid="timeline-item">
                <div class="mention-head">
                  {i.kind === 'mention' ? (
                    <>
                      {i.platform ? <PlatformBadge platform={i.platform} /> : null}
                      {i.handle ? <span class="muted">@{i.handle}</span> : null}
                      <SentimentBadge label={i.sentiment} />
                      {i.intents.map((x) => (
                        <span class="badge">{x.replace(/_/g, ' ')}</span>
                      ))}
                    </>
                  ) : (
                    <span class="badge note">
                      Note{i.authorId ? ` · ${p.people.get(i.authorId) ?? 'a former user'}` : ''}
                    </span>
                  )}
                  <time class="muted" datetime={i.at}>
                    {when(i.at)}
                  </time>
                </div>
                <p class="mention-text">{i.text}</p>
                {safeHttpUrl(i.url) ? (
                  <a class="small" href={safeHttpUrl(i.url)!} rel="noopener noreferrer nofollow" target="_blank">
                    Open original
                  </a>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {p.timeline.paged || p.timeline.next ? (
          <p class="row">
            {p.timeline.paged ? <a href={`/contacts/${c.id}`}>Newest</a> : null}
            {p.timeline.next ? (
              <a href={`/contacts/${c.id}?before=${encodeURIComponent(p.timeline.next)}`}>Older →</a>
            ) : null}
          </p>
        ) : null}
      </section>
    </AppShell>
  );
}
