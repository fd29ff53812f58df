import { platformLabel, PlatformBadge, safeHttpUrl } from '../../http/web/format';
import { AppShell, Flash } from '../../http/web/layout';
import { useT } from '../../http/web/i18n';
import { Csrf, type PageBase, PostButton, when } from '../../http/web/settings-shell';
import { contactMessages as m } from '../messages';
import { duplicateReasonText } from '../reasons';
import type { DuplicateReason } from '../schema';
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
  stageLabel,
} from './parts';
import { SentimentChart, type SentimentWeek } from './sentiment-chart';

export interface ContactPageProps extends PageBase {
  contact: Contact;
  /** Set when this contact was merged into another. */
  survivor: { id: string; name: string } | null;
  timeline: { items: TimelineItem[]; next: string | null; paged: boolean };
  history: SentimentWeek[];
  similar: { contact: Contact; reasons: DuplicateReason[]; confidence: number }[];
  /** The confidence from which a similar contact is likely the same person (below it: weak evidence). */
  likely: number;
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
  /** The profile form is open (?edit=1). */
  editing?: boolean | undefined;
  /** The profile form as posted, when it comes back with a problem. */
  values?: Record<string, string> | undefined;
  note?: string | undefined;
}

/** One contact: who they are, where they post, why they score what they do, and everything they said. */
export function ContactPage(p: ContactPageProps) {
  const { t, number, percent } = useT();
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
  const former = t(m.formerUser);
  return (
    <AppShell {...p} title={name} active="/contacts">
      <p class="small">
        <a href="/contacts">{t(m.backToContacts)}</a>
      </p>
      <div class="page-head">
        <h1 data-testid="contact-name">{name}</h1>
        <span class="badge">{stageLabel(c.lifecycleStage)}</span>
      </div>
      {p.survivor ? (
        <div class="flash ok" role="status" data-testid="merged-notice">
          {t(m.mergedInto)} <a href={`/contacts/${p.survivor.id}`}>{p.survivor.name}</a>
          {t(m.mergedThere)}
        </div>
      ) : null}
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />

      <div class="contact-grid">
        <section class="card" aria-labelledby="profile-h">
          <h2 id="profile-h">{t(m.profile)}</h2>
          <dl class="facts" data-testid="profile">
            <dt>{t(m.name)}</dt>
            <dd>{c.name || '–'}</dd>
            <dt>{t(m.emails)}</dt>
            <dd>{c.emails.length ? c.emails.join(', ') : '–'}</dd>
            <dt>{t(m.company)}</dt>
            <dd>{c.company ?? '–'}</dd>
            <dt>{t(m.title)}</dt>
            <dd>{c.title ?? '–'}</dd>
            <dt>{t(m.location)}</dt>
            <dd>{c.location ?? '–'}</dd>
            <dt>{t(m.stage)}</dt>
            <dd>{stageLabel(c.lifecycleStage)}</dd>
            <dt>{t(m.tags)}</dt>
            <dd>{c.tags.length ? c.tags.join(', ') : '–'}</dd>
          </dl>
          {editable ? (
            // Read first: the form opens on demand (no script needed), and stays open when it comes back
            // with a problem or the link asked for it (?edit=1).
            <details class="edit-profile" open={p.editing || p.values !== undefined} data-testid="profile-edit">
              <summary class="button secondary" data-testid="edit-profile">
                {t(m.editProfile)}
              </summary>
              <form class="stack" method="post" action={`/contacts/${c.id}`} data-testid="profile-form">
                <Csrf token={p.csrfToken} />
                <label>
                  {t(m.name)}
                  <input name="name" maxlength={300} value={v.name ?? ''} />
                </label>
                <label>
                  {t(m.emails)}
                  <input name="emails" value={v.emails ?? ''} placeholder={t(m.emailsPlaceholder)} />
                </label>
                <div class="row">
                  <label class="grow">
                    {t(m.company)}
                    <input name="company" maxlength={200} value={v.company ?? ''} />
                  </label>
                  <label class="grow">
                    {t(m.title)}
                    <input name="title" maxlength={200} value={v.title ?? ''} />
                  </label>
                </div>
                <div class="row">
                  <label class="grow">
                    {t(m.location)}
                    <input name="location" maxlength={200} value={v.location ?? ''} />
                  </label>
                  <label>
                    {t(m.stage)}
                    <select name="lifecycleStage">
                      {(p.stages.includes(c.lifecycleStage) ? p.stages : [c.lifecycleStage, ...p.stages]).map((s) => (
                        <option value={s} selected={s === v.lifecycleStage}>
                          {stageLabel(s)}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
                <label>
                  {t(m.tags)}
                  <input name="tags" value={v.tags ?? ''} placeholder={t(m.tagsPlaceholder)} />
                </label>
                <div>
                  <button type="submit">{t(m.saveProfile)}</button> <a href={`/contacts/${c.id}`}>{t(m.cancelEdit)}</a>
                </div>
              </form>
            </details>
          ) : null}
        </section>

        <section class="card" aria-labelledby="score-h">
          <h2 id="score-h">{t(m.score)}</h2>
          <div class="score" data-testid="score">
            <span class="score-value">{number(c.score)}</span>
            <span class="muted">/ 100</span>
          </div>
          <ScoreReasons score={c.score} reasons={c.scoreReasons} />
          <dl class="facts">
            <dt>{t(m.firstTouch)}</dt>
            <dd data-testid="first-touch">
              {c.firstTouchChannel ? `${platformLabel(c.firstTouchChannel)} · ${day(c.firstTouchAt)}` : '–'}
            </dd>
            <dt>{t(m.lastActivity)}</dt>
            <dd>{when(c.lastActivityAt)}</dd>
            <dt>{t(m.mentions)}</dt>
            <dd>{number(c.mentionCount)}</dd>
            <dt>{t(m.sentiment)}</dt>
            <dd>{mood ? <SentimentBadge label={mood} /> : '–'}</dd>
            {c.ownerId ? (
              <>
                <dt>{t(m.owner)}</dt>
                <dd>{p.people.get(c.ownerId) ?? former}</dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>

      <section class="card" aria-labelledby="ids-h">
        <h2 id="ids-h">{t(m.accounts)}</h2>
        <IdentityTable identities={c.identities} />
      </section>

      <section class="card" aria-labelledby="sentiment-h">
        <h2 id="sentiment-h">{t(m.sentimentByWeek)}</h2>
        <SentimentChart weeks={p.history} />
      </section>

      {!p.survivor ? (
        <section class="card" aria-labelledby="dups-h">
          <h2 id="dups-h">{t(m.possibleDuplicates)}</h2>
          {p.similar.length === 0 ? <p class="muted">{t(m.noneFound)}</p> : null}
          <ul class="plain" data-testid="similar">
            {p.similar.map((s) => (
              <li class="similar" data-testid="similar-item">
                <div>
                  <a href={`/contacts/${s.contact.id}`}>{displayName(s.contact)}</a>{' '}
                  <span class="muted small">{t(m.likely, { percent: percent(s.confidence) })}</span>
                  {s.confidence < p.likely ? (
                    <span class="badge" data-testid="similar-weak">
                      {t(m.weakSuggestion)}
                    </span>
                  ) : null}
                  <div>
                    <Handles identities={s.contact.identities} />
                  </div>
                  <div class="muted small">{s.reasons.map((r) => duplicateReasonText(useT(), r)).join(' · ')}</div>
                </div>
                {p.canWrite ? (
                  <PostButton
                    action={`/contacts/${c.id}/merge`}
                    label={t(m.mergeIntoThis)}
                    csrf={p.csrfToken}
                    fields={{ from: s.contact.id }}
                  />
                ) : null}
              </li>
            ))}
          </ul>
          {p.merges.length > 0 ? (
            <>
              <h3>{t(m.mergedIntoThis)}</h3>
              <ul class="plain" data-testid="merges">
                {p.merges.map((merge) => (
                  <li class="similar">
                    <div>
                      {merge.from.map((f, i) => (
                        <>
                          {i > 0 ? ', ' : ''}
                          <a href={`/contacts/${f.id}`}>{f.name}</a>
                        </>
                      ))}
                      <div class="muted small">
                        {merge.by
                          ? t(m.mergedBy, { at: when(merge.createdAt), name: merge.by })
                          : when(merge.createdAt)}
                        {merge.undoneAt ? ` · ${t(m.undone, { at: when(merge.undoneAt) })}` : ''}
                      </div>
                    </div>
                    {p.canWrite && !merge.undoneAt ? (
                      <PostButton
                        action={`/contacts/merges/${merge.id}/undo`}
                        label={t(m.undoMerge)}
                        csrf={p.csrfToken}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section class="card" aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t(m.timeline)}</h2>
        {editable ? (
          <form class="stack note-form" method="post" action={`/contacts/${c.id}/notes`}>
            <Csrf token={p.csrfToken} />
            <label>
              {t(m.addANote)}
              <textarea name="body" rows={2} maxlength={10000} required>
                {p.note ?? ''}
              </textarea>
            </label>
            <div>
              <button type="submit">{t(m.addNote)}</button>
            </div>
          </form>
        ) : null}
        {p.timeline.items.length === 0 ? (
          <p class="muted">{t(m.nothingYet)}</p>
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
                        <span class="badge">{t(m.intent, { intent: x })}</span>
                      ))}
                    </>
                  ) : (
                    <span class="badge note">
                      {t(m.note)}
                      {i.authorId ? ` · ${p.people.get(i.authorId) ?? former}` : ''}
                    </span>
                  )}
                  <time class="muted" datetime={i.at}>
                    {when(i.at)}
                  </time>
                </div>
                <p class="mention-text" dir="auto">
                  {i.text}
                </p>
                <p class="tl-links small">
                  {i.conversationId ? (
                    <a href={`/inbox/c/${i.conversationId}`} data-testid="timeline-conversation">
                      {t(m.openConversation)}
                    </a>
                  ) : null}
                  {i.ideaId ? (
                    <a href={`/community/ideas/${i.ideaId}`} data-testid="timeline-idea">
                      {t(m.openIdea)}
                    </a>
                  ) : null}
                  {safeHttpUrl(i.url) ? (
                    <a href={safeHttpUrl(i.url)!} rel="noopener noreferrer nofollow" target="_blank">
                      {t(m.openOriginal)}
                    </a>
                  ) : null}
                </p>
              </li>
            ))}
          </ol>
        )}
        {p.timeline.paged || p.timeline.next ? (
          <p class="row">
            {p.timeline.paged ? <a href={`/contacts/${c.id}`}>{t(m.newest)}</a> : null}
            {p.timeline.next ? (
              <a href={`/contacts/${c.id}?before=${encodeURIComponent(p.timeline.next)}`}>{t(m.older)}</a>
            ) : null}
          </p>
        ) : null}
      </section>
    </AppShell>
  );
}
