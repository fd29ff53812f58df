import { useT } from '../../http/web/i18n';
import { when } from '../../http/web/settings-shell';
import { board } from '../board.messages';
import { type IdeaDetail, type IdeaListItem, type IdeaRow, LIMITS } from '../ideas.service';
import { notificationText } from '../mail';
import { IDEA_STATUSES, type IdeaStatus } from '../schema';
import { CommunityShell, MemberCsrf, type PublicBase, WithLink } from './public-shell';

const StatusTag = (props: { status: IdeaStatus }) => (
  <span class={`badge idea-${props.status}`}>{useT().t(board.status, { status: props.status })}</span>
);

/**
 * The vote button: a form, so it works without script; a signed-out visitor is sent to log in. It shows the
 * count and says "Vote" or "Voted" under it; a screen reader hears both with the count in words, and whether
 * it is pressed.
 */
function VoteButton(p: PublicBase & { idea: { id: string; voteCount: number }; voted: boolean; back: string }) {
  const base = `/c/${p.slug}`;
  const { t, number } = useT();
  const count = p.idea.voteCount;
  const inside = (voted: boolean) => (
    <>
      <span aria-hidden="true">▲</span>
      <span class="vote-count" data-testid="vote-count">
        {number(count)}
      </span>
      <span class="vote-word" data-testid="vote-word">
        {t(board.voteWord, { voted: voted ? 'yes' : 'no' })}
      </span>
    </>
  );
  if (!p.member) {
    return (
      <a
        class="vote"
        href={`${base}/login?next=${encodeURIComponent(p.back)}`}
        title={t(board.logInToVote)}
        aria-label={t(board.voteSignedOut, { count })}
        data-testid="vote-link"
      >
        {inside(false)}
      </a>
    );
  }
  return (
    <form method="post" action={`${base}/ideas/${p.idea.id}/${p.voted ? 'unvote' : 'vote'}`} class="inline">
      <MemberCsrf member={p.member} />
      <input type="hidden" name="back" value={p.back} />
      <button
        type="submit"
        class={`vote${p.voted ? ' voted' : ''}`}
        aria-pressed={p.voted ? 'true' : 'false'}
        aria-label={t(board.voteName, { voted: p.voted ? 'yes' : 'no', count })}
        title={t(p.voted ? board.unvote : board.vote)}
        data-testid="vote-button"
      >
        {inside(p.voted)}
      </button>
    </form>
  );
}

export interface IdeasPageProps extends PublicBase {
  items: IdeaListItem[];
  total: number;
  params: { sort: string; status: string; category?: string | undefined; q?: string | undefined; page: number };
  categories: { id: string; name: string }[];
  pageSize: number;
  ok?: string | undefined;
}

export function IdeasPage(p: IdeasPageProps) {
  const base = `/c/${p.slug}`;
  const href = (change: Record<string, string>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({
      sort: p.params.sort,
      status: p.params.status,
      category: p.params.category ?? '',
      q: p.params.q ?? '',
      ...change,
    }))
      if (v && !(k === 'page' && v === '1')) q.set(k, v);
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  const back = href({ page: String(p.params.page) });
  const { t } = useT();
  return (
    <CommunityShell {...p} title={t(board.ideas)} active="">
      <div class="page-head">
        <h1>{t(board.ideas)}</h1>
        <a class="button" href={`${base}/ideas/new`} data-testid="new-idea">
          {t(board.shareIdea)}
        </a>
      </div>
      <nav class="tabs" aria-label={t(board.sort)}>
        {(['top', 'new', 'trending'] as const).map((s) => (
          <a href={href({ sort: s, page: '1' })} aria-current={p.params.sort === s ? 'page' : undefined}>
            {t(board.sortBy, { sort: s })}
          </a>
        ))}
      </nav>
      <form class="row card" method="get" action={base} role="search">
        <input type="hidden" name="sort" value={p.params.sort} />
        <label class="grow">
          {t(board.search)}
          <input type="search" name="q" value={p.params.q ?? ''} />
        </label>
        <label>
          {t(board.statusLabel)}
          <select name="status">
            <option value="active" selected={p.params.status === 'active'}>
              {t(board.openAndPlanned)}
            </option>
            <option value="all" selected={p.params.status === 'all'}>
              {t(board.anyStatus)}
            </option>
            {IDEA_STATUSES.map((s) => (
              <option value={s} selected={p.params.status === s}>
                {t(board.status, { status: s })}
              </option>
            ))}
          </select>
        </label>
        {p.categories.length ? (
          <label>
            {t(board.category)}
            <select name="category">
              <option value="">{t(board.allCategories)}</option>
              {p.categories.map((cat) => (
                <option value={cat.id} selected={p.params.category === cat.id}>
                  {cat.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit">{t(board.filter)}</button>
      </form>
      {p.items.length === 0 ? (
        <div class="card empty">{t(board.noIdeas)}</div>
      ) : (
        <ol class="ideas" data-testid="ideas">
          {p.items.map((i) => (
            <li class="card idea-row" data-testid="idea-row" data-id={i.id}>
              <VoteButton {...p} idea={i} voted={i.voted} back={back} />
              <div class="idea-main">
                <a class="idea-title" href={`${base}/ideas/${i.id}`}>
                  {i.title}
                </a>
                <div class="idea-meta small muted">
                  <StatusTag status={i.status} />
                  {i.pinned ? <span class="badge">{t(board.pinned)}</span> : null}
                  {i.categoryName ? <span class="badge">{i.categoryName}</span> : null}
                  <span>{t(board.comments, { count: i.commentCount })}</span>
                  <span>{i.authorName ? t(board.byAuthor, { author: i.authorName }) : t(board.byTeam)}</span>
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
      <div class="pager">
        {p.params.page > 1 ? <a href={href({ page: String(p.params.page - 1) })}>{t(board.previous)}</a> : <span />}
        {p.params.page * p.pageSize < p.total ? (
          <a href={href({ page: String(p.params.page + 1) })}>{t(board.next)}</a>
        ) : null}
      </div>
    </CommunityShell>
  );
}

export function IdeaPage(
  p: PublicBase & {
    idea: IdeaDetail;
    ok?: string | undefined;
    error?: string | undefined;
    comment?: string | undefined;
  },
) {
  const i = p.idea;
  const base = `/c/${p.slug}`;
  const { t, date } = useT();
  return (
    <CommunityShell {...p} title={i.title} active="">
      <p class="small">
        <a href={base}>{t(board.allIdeas)}</a>
      </p>
      <article class="card idea-page" data-testid="idea">
        <div class="idea-head">
          <VoteButton {...p} idea={i} voted={i.voted} back={`${base}/ideas/${i.id}`} />
          <div class="idea-main">
            <h1 data-testid="idea-title">{i.title}</h1>
            <div class="idea-meta small muted">
              <span data-testid="idea-status">
                <StatusTag status={i.status} />
              </span>
              {i.categoryName ? <span class="badge">{i.categoryName}</span> : null}
              <span>
                {i.authorName ? t(board.byAuthor, { author: i.authorName }) : t(board.byTeam)} · {date(i.createdAt)}
              </span>
            </div>
            {p.member && i.memberId === p.member.id && i.voted ? (
              <p class="small muted own-vote" data-testid="own-vote">
                {t(board.yourVote)}
              </p>
            ) : null}
          </div>
        </div>
        {i.visibility === 'held' ? <p class="flash ok">{t(board.held)}</p> : null}
        {i.body ? (
          <p class="idea-body" dir="auto">
            {i.body}
          </p>
        ) : null}
        {i.statusNote ? (
          <div class="status-note" data-testid="status-note">
            <strong>{t(board.status, { status: i.status })}:</strong> {i.statusNote}
          </div>
        ) : null}
        {i.merged.length ? (
          <div class="small muted" data-testid="merged-ideas">
            {t(board.merged, { titles: i.merged.map((m) => m.title).join(', ') })}
          </div>
        ) : null}
      </article>
      <section class="card">
        <h2>{t(board.comments, { count: i.comments.length })}</h2>
        <ol class="comments" data-testid="comments">
          {i.comments.map((c) => (
            <li id={`comment-${c.id}`} class="comment">
              <strong>{c.userId ? t(board.team) : (c.memberName ?? t(board.aMember))}</strong>{' '}
              <span class="muted small">{when(c.createdAt)}</span>
              <p dir="auto">{c.body}</p>
            </li>
          ))}
        </ol>
        {p.member ? (
          <form method="post" action={`${base}/ideas/${i.id}/comments`} class="stack">
            <MemberCsrf member={p.member} />
            <label>
              {t(board.addComment)}
              <textarea name="body" rows={3} required maxlength={LIMITS.comment}>
                {p.comment ?? ''}
              </textarea>
            </label>
            <div>
              <button type="submit">{t(board.comment)}</button>
            </div>
          </form>
        ) : (
          <p>
            <WithLink
              message={board.logInToComment}
              href={`${base}/login?next=${encodeURIComponent(`${base}/ideas/${i.id}`)}`}
              link={t(board.logInLink)}
            />
          </p>
        )}
      </section>
    </CommunityShell>
  );
}

export function NewIdeaPage(
  p: PublicBase & {
    categories: { id: string; name: string }[];
    values?: Record<string, string>;
    error?: string | undefined;
    similar?: { id: string; title: string; voteCount: number }[];
  },
) {
  const v = p.values ?? {};
  const base = `/c/${p.slug}`;
  const { t } = useT();
  return (
    <CommunityShell {...p} title={t(board.shareIdea)} active="">
      <form method="post" action={`${base}/ideas`} class="card stack" data-testid="idea-form">
        <h1>{t(board.shareIdea)}</h1>
        <MemberCsrf member={p.member} />
        <label>
          {t(board.title)}
          <input
            name="title"
            required
            minlength={3}
            maxlength={LIMITS.title}
            value={v.title ?? ''}
            data-similar-ideas={`${base}/ideas/similar`}
            autocomplete="off"
          />
        </label>
        <div id="similar-ideas" class="similar-ideas" aria-live="polite" data-testid="similar-ideas">
          {p.similar?.length ? <SimilarList slug={p.slug} items={p.similar} /> : null}
        </div>
        <label>
          {t(board.details)}
          <textarea name="body" rows={5} maxlength={LIMITS.body}>
            {v.body ?? ''}
          </textarea>
        </label>
        {p.categories.length ? (
          <label>
            {t(board.category)}
            <select name="categoryId">
              <option value="">{t(board.noCategory)}</option>
              {p.categories.map((cat) => (
                <option value={cat.id} selected={v.categoryId === cat.id}>
                  {cat.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <p class="small muted" data-testid="starts-with-vote">
          {t(board.startsWithVote)}
        </p>
        <div>
          <button type="submit">{t(board.postIdea)}</button>
        </div>
      </form>
    </CommunityShell>
  );
}

/** Ideas like the title being typed; also served on its own to the board's script. */
export function SimilarList(p: { slug: string; items: { id: string; title: string; voteCount: number }[] }) {
  const { t } = useT();
  return (
    <div>
      <p class="small muted">{t(board.similar)}</p>
      <ul class="plain">
        {p.items.map((s) => (
          <li>
            <a href={`/c/${p.slug}/ideas/${s.id}`} data-testid="similar-idea">
              {s.title}
            </a>{' '}
            <span class="muted small">{t(board.votes, { count: s.voteCount })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RoadmapPage(
  p: PublicBase & { columns: { planned: IdeaRow[]; in_progress: IdeaRow[]; shipped: IdeaRow[] } },
) {
  const base = `/c/${p.slug}`;
  const { t } = useT();
  return (
    <CommunityShell {...p} title={t(board.roadmap)} active="/roadmap">
      <h1>{t(board.roadmap)}</h1>
      <div class="roadmap">
        {(['planned', 'in_progress', 'shipped'] as const).map((col) => (
          <section class="card roadmap-col" data-testid={`roadmap-${col}`}>
            <h2>{t(board.status, { status: col })}</h2>
            {p.columns[col].length === 0 ? <p class="muted small">{t(board.nothingYet)}</p> : null}
            <ul class="plain">
              {p.columns[col].map((i) => (
                <li class="roadmap-item">
                  <a href={`${base}/ideas/${i.id}`}>{i.title}</a>{' '}
                  <span class="muted small">{t(board.votes, { count: i.voteCount })}</span>
                  {i.statusNote ? <div class="small muted">{i.statusNote}</div> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </CommunityShell>
  );
}

export function ChangelogPage(p: PublicBase & { items: IdeaRow[] }) {
  const base = `/c/${p.slug}`;
  const { t, date } = useT();
  return (
    <CommunityShell {...p} title={t(board.changelog)} active="/changelog">
      <h1>{t(board.changelog)}</h1>
      {p.items.length === 0 ? <div class="card empty">{t(board.nothingShipped)}</div> : null}
      <ol class="plain changelog">
        {p.items.map((i) => (
          <li class="card">
            <div class="small muted">{date(i.statusChangedAt ?? i.updatedAt)}</div>
            <a class="idea-title" href={`${base}/ideas/${i.id}`}>
              {i.title}
            </a>
            {i.statusNote ? <p>{i.statusNote}</p> : null}
          </li>
        ))}
      </ol>
    </CommunityShell>
  );
}

export function MemberNotificationsPage(
  p: PublicBase & {
    items: (Parameters<typeof notificationText>[1] & {
      id: string;
      ideaId: string | null;
      readAt: Date | null;
      createdAt: Date;
    })[];
  },
) {
  const i18n = useT();
  const { t } = i18n;
  return (
    <CommunityShell {...p} title={t(board.notifications)} active="/notifications">
      <h1>{t(board.notifications)}</h1>
      {p.items.length === 0 ? <div class="card empty">{t(board.noNotifications)}</div> : null}
      <ol class="plain" data-testid="member-notification-list">
        {p.items.map((n) => (
          <li class={`card${n.readAt ? '' : ' unread'}`} data-testid="member-notification">
            <div class="small muted">{when(n.createdAt)}</div>
            {n.ideaId ? (
              <a href={`/c/${p.slug}/ideas/${n.ideaId}`}>{notificationText(i18n, n)}</a>
            ) : (
              notificationText(i18n, n)
            )}
          </li>
        ))}
      </ol>
    </CommunityShell>
  );
}
