import type { Child } from 'hono/jsx';
import { compact, platformLabel, PostItem } from '../../http/web/format';
import { AppShell, Flash } from '../../http/web/layout';
import { useT } from '../../http/web/i18n';
import { Csrf, type PageBase, PostButton, when } from '../../http/web/settings-shell';
import type { ideaEvidenceSummary, Suggestion } from '../evidence.service';
import type { IdeaDetail, IdeaRow } from '../ideas.service';
import type { moderationQueue } from '../ideas.staff';
import { type IdeaMatch, subjectTerms } from '../suggestion-match';
import { IDEA_STATUSES } from '../schema';
import { staff as m } from '../staff.messages';

const TABS = [
  ['/community', m.tabIdeas],
  ['/community/moderation', m.tabModeration],
  ['/community/suggested', m.tabSuggested],
  ['/community/categories', m.tabSettings],
  ['/community/mail', m.tabEmail],
] as const;

/** The contacts' default lifecycle stages, said in the viewer's language; a workspace's own stages as named. */
const DEFAULT_STAGES = new Set(['subscriber', 'lead', 'customer', 'advocate', 'detractor', 'other']);

/**
 * A message that holds an element (a link) as its argument, in the two texts around it: the element's place
 * in the sentence is the language's to choose.
 */
function around(text: (placeholder: string) => string): [string, string] {
  const mark = '\u0000';
  const [before = '', after = ''] = text(mark).split(mark);
  return [before, after];
}

export interface StaffBase extends PageBase {
  slug: string;
  canModerate: boolean;
  /** Board settings (open or closed, approval) are a workspace setting. */
  canManageBoard: boolean;
  ok?: string | undefined;
  error?: string | undefined;
}

/** The staff side of the community board: one heading, tabs, and a link to the public board. */
export function CommunityStaffShell(
  p: StaffBase & {
    title: string;
    tab: (typeof TABS)[number][0];
    counts?: { held: number; suggested: number };
    children: Child;
  },
) {
  const { t, number } = useT();
  return (
    <AppShell {...p} title={p.title} active="/community">
      <div class="page-head">
        <h1>{t(m.heading)}</h1>
        <a href={`/c/${p.slug}`} target="_blank" rel="noopener">
          {t(m.openBoard)}
        </a>
      </div>
      <nav class="tabs" aria-label={t(m.heading)}>
        {TABS.map(([href, label]) => (
          <a href={href} aria-current={href === p.tab ? 'page' : undefined}>
            {t(label)}
            {href === '/community/moderation' && p.counts?.held ? (
              <span class="badge count">{number(p.counts.held)}</span>
            ) : null}
            {href === '/community/suggested' && p.counts?.suggested ? (
              <span class="badge count">{number(p.counts.suggested)}</span>
            ) : null}
          </a>
        ))}
      </nav>
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      {p.children}
    </AppShell>
  );
}

export function StaffIdeasPage(
  p: StaffBase & {
    items: IdeaRow[];
    status: string | undefined;
    q: string | undefined;
    counts: { held: number; suggested: number };
  },
) {
  const { t, number, date } = useT();
  return (
    <CommunityStaffShell {...p} title={t(m.ideasTitle)} tab="/community">
      <form class="row card" method="get" action="/community" role="search">
        <label class="grow">
          {t(m.search)}
          <input type="search" name="q" value={p.q ?? ''} />
        </label>
        <label>
          {t(m.statusLabel)}
          <select name="status">
            <option value="">{t(m.anyStatus)}</option>
            {IDEA_STATUSES.map((s) => (
              <option value={s} selected={p.status === s}>
                {t(m.status, { status: s })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t(m.filter)}</button>
      </form>
      <div class="card flush">
        <table>
          <thead>
            <tr>
              <th class="num">{t(m.votes)}</th>
              <th>{t(m.idea)}</th>
              <th>{t(m.statusLabel)}</th>
              <th class="hide-narrow">{t(m.posted)}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((i) => (
              <tr data-testid="staff-idea-row">
                <td class="num">{number(i.voteCount)}</td>
                <td class="name-cell">
                  <a href={`/community/ideas/${i.id}`}>{i.title}</a>
                  {i.pinned ? <span class="badge">{t(m.pinned)}</span> : null}
                  {i.visibility !== 'visible' ? (
                    <span class="badge">{t(m.visibility, { visibility: i.visibility })}</span>
                  ) : null}
                </td>
                <td>
                  <span class={`badge idea-${i.status}`}>{t(m.status, { status: i.status })}</span>
                </td>
                <td class="hide-narrow small">{date(i.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {p.items.length === 0 ? <p class="empty">{t(m.noIdeas)}</p> : null}
      </div>
    </CommunityStaffShell>
  );
}

type Evidence = Awaited<ReturnType<typeof ideaEvidenceSummary>>;

export function StaffIdeaPage(
  p: StaffBase & {
    idea: IdeaDetail;
    evidence: Evidence;
    categories: { id: string; name: string }[];
    others: { id: string; title: string; voteCount: number }[];
  },
) {
  const { t, number } = useT();
  const i = p.idea;
  const s = p.evidence.sentiment;
  const [mergedBefore, mergedAfter] = around((link) => t(m.mergedInto, { link }));
  return (
    <CommunityStaffShell {...p} title={i.title} tab="/community">
      <p class="small">
        <a href="/community">{t(m.backToIdeas)}</a> · <a href={`/c/${p.slug}/ideas/${i.id}`}>{t(m.publicPage)}</a>
      </p>
      <div class="contact-grid">
        <section class="card">
          <h2 data-testid="staff-idea-title">{i.title}</h2>
          <p class="muted small">
            {t(m.facts, {
              votes: i.voteCount,
              comments: i.commentCount,
              author: i.authorName ?? t(m.byStaff),
              at: when(i.createdAt),
            })}
            {i.mergedIntoId ? (
              <>
                {' · '}
                {mergedBefore}
                <a href={`/community/ideas/${i.mergedIntoId}`}>{t(m.anotherIdea)}</a>
                {mergedAfter}
              </>
            ) : null}
          </p>
          {i.body ? (
            <p class="idea-body" dir="auto">
              {i.body}
            </p>
          ) : null}
          {i.merged.length ? (
            <p class="small">
              {t(m.mergedDuplicates, {
                list: i.merged.map((d) => `${d.title} (${number(d.voteCount)})`).join(', '),
              })}
            </p>
          ) : null}
          <h3>{t(m.comments)}</h3>
          <ol class="comments">
            {i.comments.map((c) => (
              <li class="comment">
                <strong>{c.userId ? t(m.team) : (c.memberName ?? t(m.aMember))}</strong>{' '}
                <span class="muted small">{when(c.createdAt)}</span>
                {c.visibility !== 'visible' ? (
                  <span class="badge">{t(m.visibility, { visibility: c.visibility })}</span>
                ) : null}
                <p dir="auto">{c.body}</p>
                {p.canModerate ? (
                  <ModerateButtons
                    kind="comment"
                    id={c.id}
                    visibility={c.visibility}
                    csrf={p.csrfToken}
                    back={`/community/ideas/${i.id}`}
                  />
                ) : null}
              </li>
            ))}
          </ol>
          {p.canModerate ? (
            <form
              method="post"
              action={`/community/ideas/${i.id}/comments`}
              class="stack"
              data-testid="team-comment-form"
            >
              <Csrf token={p.csrfToken} />
              <label>
                {t(m.answerLabel)}
                <textarea name="body" rows={3} required maxlength={3000} />
              </label>
              <div>
                <button type="submit" class="secondary">
                  {t(m.postAnswer)}
                </button>
              </div>
            </form>
          ) : null}
        </section>
        <aside class="stack">
          {p.canModerate && !i.mergedIntoId ? (
            <form method="post" action={`/community/ideas/${i.id}`} class="card stack" data-testid="idea-status-form">
              <h2>{t(m.statusLabel)}</h2>
              <Csrf token={p.csrfToken} />
              <label>
                {t(m.statusLabel)}
                <select name="status">
                  {IDEA_STATUSES.map((st) => (
                    <option value={st} selected={st === i.status}>
                      {t(m.status, { status: st })}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t(m.statusNote)}
                <textarea name="statusNote" rows={3} maxlength={2000}>
                  {i.statusNote ?? ''}
                </textarea>
              </label>
              <label>
                {t(m.category)}
                <select name="categoryId">
                  <option value="">{t(m.noCategory)}</option>
                  {p.categories.map((cat) => (
                    <option value={cat.id} selected={cat.id === i.categoryId}>
                      {cat.name}
                    </option>
                  ))}
                </select>
              </label>
              <label class="check">
                <input type="checkbox" name="pinned" value="1" checked={i.pinned} /> {t(m.pinnedToTop)}
              </label>
              <button type="submit">{t(m.save)}</button>
            </form>
          ) : null}
          {p.canModerate && !i.mergedIntoId && p.others.length ? (
            <form method="post" action={`/community/ideas/${i.id}/merge`} class="card stack" data-testid="merge-form">
              <h2>{t(m.mergeHeading)}</h2>
              <Csrf token={p.csrfToken} />
              <label>
                {t(m.mergeLabel)}
                <select name="into">
                  {p.others.map((o) => (
                    <option value={o.id}>{t(m.mergeOption, { title: o.title, votes: o.voteCount })}</option>
                  ))}
                </select>
              </label>
              <p class="muted small">{t(m.mergeHint)}</p>
              <button type="submit" class="secondary">
                {t(m.merge)}
              </button>
            </form>
          ) : null}
          <section class="card" data-testid="idea-evidence">
            <h2>{t(m.evidence)}</h2>
            <dl class="facts">
              <dt>{t(m.votes)}</dt>
              <dd>{number(i.voteCount)}</dd>
              <dt>{t(m.supporters)}</dt>
              <dd data-testid="supporters">{number(p.evidence.supporters)}</dd>
              <dt>{t(m.reach)}</dt>
              <dd>{t(m.followers, { count: p.evidence.reach, followers: compact(p.evidence.reach) })}</dd>
              <dt>{t(m.stages)}</dt>
              <dd>
                {Object.entries(p.evidence.stages)
                  .map(([stage, count]) =>
                    t(m.stageCount, {
                      stage: !DEFAULT_STAGES.has(stage) ? 'custom' : stage === 'other' ? 'other_stage' : stage,
                      name: stage,
                      count,
                    }),
                  )
                  .join(', ') || '–'}
              </dd>
              <dt>{t(m.said)}</dt>
              <dd>{t(m.saidCounts, { positive: s.positive, neutral: s.neutral, negative: s.negative })}</dd>
            </dl>
            <h3>{t(m.linkedMentions)}</h3>
            {p.evidence.mentions.length === 0 ? <p class="muted small">{t(m.noLinkedMentions)}</p> : null}
            <ul class="plain">
              {p.evidence.mentions.map((mention) => (
                <PostItem
                  platform={mention.platform}
                  author={mention.authorName ?? mention.authorHandle ?? t(m.unknownAuthor)}
                  url={mention.url}
                  text={mention.text}
                  testid="evidence-mention"
                >
                  {' '}
                  {mention.contactId ? <a href={`/contacts/${mention.contactId}`}>{t(m.contact)}</a> : null}
                </PostItem>
              ))}
            </ul>
          </section>
          {p.canModerate ? (
            <div class="card">
              <ModerateButtons
                kind="idea"
                id={i.id}
                visibility={i.visibility}
                csrf={p.csrfToken}
                back={`/community/ideas/${i.id}`}
              />
            </div>
          ) : null}
        </aside>
      </div>
    </CommunityStaffShell>
  );
}

function ModerateButtons(p: {
  kind: 'idea' | 'comment' | 'review';
  id: string;
  visibility: string;
  csrf: string | undefined;
  back: string;
}) {
  const { t } = useT();
  return (
    <form method="post" action={`/community/moderation/${p.kind}/${p.id}`} class="row moderate">
      <Csrf token={p.csrf} />
      <input type="hidden" name="back" value={p.back} />
      <input name="reason" placeholder={t(m.reasonPlaceholder)} maxlength={500} aria-label={t(m.reason)} />
      {p.visibility !== 'visible' ? (
        <button type="submit" name="action" value="restore" class="secondary" data-testid="approve">
          {p.visibility === 'held' ? t(m.approve) : t(m.restore)}
        </button>
      ) : (
        <button type="submit" name="action" value="hide" class="secondary">
          {t(m.hide)}
        </button>
      )}
      <button type="submit" name="action" value="delete" class="danger">
        {t(m.delete)}
      </button>
    </form>
  );
}

export function ModerationPage(
  p: StaffBase & { items: Awaited<ReturnType<typeof moderationQueue>>; counts: { held: number; suggested: number } },
) {
  const { t } = useT();
  return (
    <CommunityStaffShell {...p} title={t(m.moderationTitle)} tab="/community/moderation">
      {p.items.length === 0 ? <div class="card empty">{t(m.nothingHeld)}</div> : null}
      <ol class="plain">
        {p.items.map((x) => (
          <li class="card" data-testid="held-post">
            <div class="small muted">
              {t(m.heldBy, { kind: x.kind, author: x.memberName ?? t(m.byAMember) })} · {when(x.createdAt)}
              {x.flags.map((f) => (
                <span class="badge">{t(m.flag, { flag: f })}</span>
              ))}
            </div>
            {x.title ? <strong>{x.title}</strong> : null}
            <p class="tl-text" dir="auto">
              {x.text}
            </p>
            {p.canModerate ? (
              <ModerateButtons
                kind={x.kind}
                id={x.id}
                visibility="held"
                csrf={p.csrfToken}
                back="/community/moderation"
              />
            ) : null}
          </li>
        ))}
      </ol>
    </CommunityStaffShell>
  );
}

/** A suggestion as the queue shows it: the post, and the ideas that share its words, closest first. */
export type SuggestionWithMatches = Suggestion & { matches: IdeaMatch[] };

export function SuggestedPage(
  p: StaffBase & {
    items: SuggestionWithMatches[];
    total: number;
    ideas: { id: string; title: string }[];
    counts: { held: number; suggested: number };
  },
) {
  const i18n = useT();
  const { t } = i18n;
  const list = (terms: string[]) => i18n.intl.formatList(terms, { type: 'conjunction' });
  return (
    <CommunityStaffShell {...p} title={t(m.tabSuggested)} tab="/community/suggested">
      <p class="muted">{t(m.suggestedIntro)}</p>
      {p.items.length === 0 ? <div class="card empty">{t(m.noSuggestions)}</div> : null}
      <ol class="plain">
        {p.items.map((mention, at) => {
          const audience = mention.authorFollowers;
          const author = mention.authorName ?? mention.authorHandle ?? t(m.unknownAuthor);
          const best = mention.matches[0];
          // Only a close match is chosen for the person; anything weaker waits for their pick.
          const chosen = best?.strength === 'close' ? best.ideaId : '';
          const alike = new Set(mention.matches.map((x) => x.ideaId));
          const terms = subjectTerms(mention.keyTerms).slice(0, 5);
          // After a set-aside the page comes back at the next post, not at the top.
          const next = p.items[at + 1] ?? p.items[at - 1];
          return (
            <li class="card suggestion" id={`suggestion-${mention.id}`} data-testid="suggestion">
              <div class="small muted">
                {platformLabel(mention.platform)} · {author}
                {audience ? ` · ${t(m.followers, { count: audience, followers: compact(audience) })}` : ''}
                {' · '}
                {when(mention.postedAt)}
              </div>
              <p class="tl-text" dir="auto">
                {mention.text}
              </p>
              <p class="small suggestion-why" data-testid="suggestion-why">
                {t(m.suggestedWhy, { reason: mention.reason, terms: terms.length ? list(terms) : 'none' })}
              </p>
              <p class={`small suggestion-match match-${best?.strength ?? 'none'}`} data-testid="suggestion-match">
                {best
                  ? t(m.closestIdea, { title: best.title, strength: best.strength, terms: list(best.shared) })
                  : t(m.noCloseIdea)}
              </p>
              {p.canModerate ? (
                <div class="row suggestion-actions">
                  {p.ideas.length ? (
                    <form method="post" action={`/community/suggested/${mention.id}/link`} class="row">
                      <Csrf token={p.csrfToken} />
                      <label>
                        {t(m.idea)}
                        <select name="ideaId" required data-testid="link-idea">
                          <option value="" selected={!chosen}>
                            {t(m.chooseIdea)}
                          </option>
                          {mention.matches.length ? (
                            <optgroup label={t(m.alikeGroup)}>
                              {mention.matches.map((x) => (
                                <option value={x.ideaId} selected={x.ideaId === chosen}>
                                  {t(m.ideaOption, { title: x.title, strength: x.strength })}
                                </option>
                              ))}
                            </optgroup>
                          ) : null}
                          <optgroup label={t(m.otherGroup)}>
                            {p.ideas
                              .filter((i) => !alike.has(i.id))
                              .map((i) => (
                                <option value={i.id}>{i.title}</option>
                              ))}
                          </optgroup>
                        </select>
                      </label>
                      <button type="submit" class={chosen ? undefined : 'secondary'} data-testid="link-evidence">
                        {t(m.linkAsEvidence)}
                      </button>
                    </form>
                  ) : null}
                  <form method="post" action={`/community/suggested/${mention.id}/idea`} class="row">
                    <Csrf token={p.csrfToken} />
                    <label>
                      {t(m.newIdea)}
                      <input name="title" required minlength={3} maxlength={140} placeholder={t(m.titlePlaceholder)} />
                    </label>
                    <button type="submit" class={chosen ? 'secondary' : undefined}>
                      {t(m.createIdea)}
                    </button>
                  </form>
                  <form method="post" action={`/community/suggested/${mention.id}/dismiss`} class="inline">
                    <Csrf token={p.csrfToken} />
                    {next ? <input type="hidden" name="next" value={next.id} /> : null}
                    <button
                      type="submit"
                      class="secondary"
                      aria-label={t(m.setAsideName, { author })}
                      data-testid="dismiss-suggestion"
                    >
                      {t(m.setAside)}
                    </button>
                  </form>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </CommunityStaffShell>
  );
}

export function CategoriesPage(
  p: StaffBase & { items: { id: string; name: string }[]; settings: { enabled: boolean; requireApproval: boolean } },
) {
  const { t } = useT();
  return (
    <CommunityStaffShell {...p} title={t(m.categoriesTitle)} tab="/community/categories">
      {p.canManageBoard ? (
        <form method="post" action="/community/settings" class="card stack" data-testid="board-settings">
          <h2>{t(m.board)}</h2>
          <Csrf token={p.csrfToken} />
          <label class="check">
            <input type="checkbox" name="enabled" value="1" checked={p.settings.enabled} />{' '}
            {t(m.boardOpen, { slug: p.slug })}
          </label>
          <label class="check">
            <input type="checkbox" name="requireApproval" value="1" checked={p.settings.requireApproval} />{' '}
            {t(m.requireApproval)}
          </label>
          <div>
            <button type="submit">{t(m.save)}</button>
          </div>
        </form>
      ) : null}
      <div class="card">
        <ul class="plain">
          {p.items.map((cat) => (
            <li class="row similar">
              <span>{cat.name}</span>
              {p.canModerate ? (
                <PostButton
                  action={`/community/categories/${cat.id}/delete`}
                  label={t(m.delete)}
                  kind="danger"
                  csrf={p.csrfToken}
                />
              ) : null}
            </li>
          ))}
        </ul>
        {p.items.length === 0 ? <p class="muted">{t(m.noCategories)}</p> : null}
        {p.canModerate ? (
          <form method="post" action="/community/categories" class="row">
            <Csrf token={p.csrfToken} />
            <label>
              {t(m.newCategory)}
              <input name="name" required maxlength={60} />
            </label>
            <button type="submit">{t(m.add)}</button>
          </form>
        ) : null}
      </div>
    </CommunityStaffShell>
  );
}

export function MailPage(
  p: StaffBase & {
    smtp: boolean;
    items: {
      id: string;
      kind: string;
      to: string;
      subject: string;
      body: string;
      status: string;
      error: string | null;
      createdAt: Date;
    }[];
  },
) {
  const { t } = useT();
  return (
    <CommunityStaffShell {...p} title={t(m.mailTitle)} tab="/community/mail">
      <p class="muted">
        {t(p.smtp ? m.smtpSet : m.smtpUnset)} {t(m.mailKept)}
      </p>
      <ol class="plain">
        {p.items.map((mail) => (
          <li class="card" data-testid="mail">
            <div class="small muted">
              {when(mail.createdAt)} · {t(m.mailKind, { kind: mail.kind })} · {t(m.mailTo, { to: mail.to })} ·{' '}
              <span class="badge">{t(m.mailStatus, { status: mail.status })}</span>
              {mail.error ? ` · ${mail.error}` : ''}
            </div>
            <strong>{mail.subject}</strong>
            <p class="tl-text small">{mail.body}</p>
          </li>
        ))}
      </ol>
    </CommunityStaffShell>
  );
}
