import { when } from '../../http/web/settings-shell';
import { type IdeaDetail, type IdeaListItem, type IdeaRow, LIMITS, STATUS_LABELS } from '../ideas.service';
import { IDEA_STATUSES, type IdeaStatus } from '../schema';
import { CommunityShell, MemberCsrf, type PublicBase } from './public-shell';

const StatusTag = (props: { status: IdeaStatus }) => (
  <span class={`badge idea-${props.status}`}>{STATUS_LABELS[props.status]}</span>
);

/** The vote button: a form, so it works without script; a signed-out visitor is sent to log in. */
function VoteButton(p: PublicBase & { idea: { id: string; voteCount: number }; voted: boolean; back: string }) {
  const base = `/c/${p.slug}`;
  if (!p.member) {
    return (
      <a
        class="vote"
        href={`${base}/login?next=${encodeURIComponent(p.back)}`}
        title="Log in to vote"
        data-testid="vote-count"
      >
        <span aria-hidden="true">▲</span> {p.idea.voteCount}
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
        title={p.voted ? 'Take your vote back' : 'Vote for this idea'}
        data-testid="vote-button"
      >
        <span aria-hidden="true">▲</span> <span data-testid="vote-count">{p.idea.voteCount}</span>
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
  return (
    <CommunityShell {...p} title="Ideas" active="">
      <div class="page-head">
        <h1>Ideas</h1>
        <a class="button" href={`${base}/ideas/new`} data-testid="new-idea">
          Share an idea
        </a>
      </div>
      <nav class="tabs" aria-label="Sort">
        {(['top', 'new', 'trending'] as const).map((s) => (
          <a href={href({ sort: s, page: '1' })} aria-current={p.params.sort === s ? 'page' : undefined}>
            {s === 'top' ? 'Top' : s === 'new' ? 'New' : 'Trending'}
          </a>
        ))}
      </nav>
      <form class="row card" method="get" action={base} role="search">
        <input type="hidden" name="sort" value={p.params.sort} />
        <label class="grow">
          Search
          <input type="search" name="q" value={p.params.q ?? ''} />
        </label>
        <label>
          Status
          <select name="status">
            <option value="active" selected={p.params.status === 'active'}>
              Open and planned
            </option>
            <option value="all" selected={p.params.status === 'all'}>
              Any status
            </option>
            {IDEA_STATUSES.map((s) => (
              <option value={s} selected={p.params.status === s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        {p.categories.length ? (
          <label>
            Category
            <select name="category">
              <option value="">All</option>
              {p.categories.map((cat) => (
                <option value={cat.id} selected={p.params.category === cat.id}>
                  {cat.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit">Filter</button>
      </form>
      {p.items.length === 0 ? (
        <div class="card empty">No ideas here yet. Be the first to share one.</div>
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
                  {i.pinned ? <span class="badge">pinned</span> : null}
                  {i.categoryName ? <span class="badge">{i.categoryName}</span> : null}
                  <span>{i.commentCount === 1 ? '1 comment' : `${i.commentCount} comments`}</span>
                  <span>by {i.authorName ?? 'the team'}</span>
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
      <div class="pager">
        {p.params.page > 1 ? <a href={href({ page: String(p.params.page - 1) })}>Previous</a> : <span />}
        {p.params.page * p.pageSize < p.total ? <a href={href({ page: String(p.params.page + 1) })}>Next</a> : null}
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
  return (
    <CommunityShell {...p} title={i.title} active="">
      <p class="small">
        <a href={base}>← All ideas</a>
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
                by {i.authorName ?? 'the team'} · {when(i.createdAt).slice(0, 10)}
              </span>
            </div>
          </div>
        </div>
        {i.visibility === 'held' ? <p class="flash ok">Waiting for a moderator: only you can see it for now.</p> : null}
        {i.body ? <p class="idea-body">{i.body}</p> : null}
        {i.statusNote ? (
          <div class="status-note" data-testid="status-note">
            <strong>{STATUS_LABELS[i.status]}:</strong> {i.statusNote}
          </div>
        ) : null}
        {i.merged.length ? (
          <div class="small muted" data-testid="merged-ideas">
            Merged into this idea: {i.merged.map((m, n) => (n ? `, ${m.title}` : m.title))}
          </div>
        ) : null}
      </article>
      <section class="card">
        <h2>{i.comments.length === 1 ? '1 comment' : `${i.comments.length} comments`}</h2>
        <ol class="comments" data-testid="comments">
          {i.comments.map((c) => (
            <li id={`comment-${c.id}`} class="comment">
              <strong>{c.userId ? 'Team' : (c.memberName ?? 'A member')}</strong>{' '}
              <span class="muted small">{when(c.createdAt)}</span>
              <p>{c.body}</p>
            </li>
          ))}
        </ol>
        {p.member ? (
          <form method="post" action={`${base}/ideas/${i.id}/comments`} class="stack">
            <MemberCsrf member={p.member} />
            <label>
              Add a comment
              <textarea name="body" rows={3} required maxlength={LIMITS.comment}>
                {p.comment ?? ''}
              </textarea>
            </label>
            <div>
              <button type="submit">Comment</button>
            </div>
          </form>
        ) : (
          <p>
            <a href={`${base}/login?next=${encodeURIComponent(`${base}/ideas/${i.id}`)}`}>Log in</a> to comment.
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
  return (
    <CommunityShell {...p} title="Share an idea" active="">
      <form method="post" action={`${base}/ideas`} class="card stack" data-testid="idea-form">
        <h1>Share an idea</h1>
        <MemberCsrf member={p.member} />
        <label>
          Title
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
          Details (what would it let you do?)
          <textarea name="body" rows={5} maxlength={LIMITS.body}>
            {v.body ?? ''}
          </textarea>
        </label>
        {p.categories.length ? (
          <label>
            Category
            <select name="categoryId">
              <option value="">None</option>
              {p.categories.map((cat) => (
                <option value={cat.id} selected={v.categoryId === cat.id}>
                  {cat.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div>
          <button type="submit">Post idea</button>
        </div>
      </form>
    </CommunityShell>
  );
}

/** Ideas like the title being typed; also served on its own to the board's script. */
export function SimilarList(p: { slug: string; items: { id: string; title: string; voteCount: number }[] }) {
  return (
    <div>
      <p class="small muted">Similar ideas (a vote there counts more than a duplicate):</p>
      <ul class="plain">
        {p.items.map((s) => (
          <li>
            <a href={`/c/${p.slug}/ideas/${s.id}`} data-testid="similar-idea">
              {s.title}
            </a>{' '}
            <span class="muted small">▲ {s.voteCount}</span>
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
  return (
    <CommunityShell {...p} title="Roadmap" active="/roadmap">
      <h1>Roadmap</h1>
      <div class="roadmap">
        {(['planned', 'in_progress', 'shipped'] as const).map((col) => (
          <section class="card roadmap-col" data-testid={`roadmap-${col}`}>
            <h2>{STATUS_LABELS[col]}</h2>
            {p.columns[col].length === 0 ? <p class="muted small">Nothing yet.</p> : null}
            <ul class="plain">
              {p.columns[col].map((i) => (
                <li class="roadmap-item">
                  <a href={`${base}/ideas/${i.id}`}>{i.title}</a> <span class="muted small">▲ {i.voteCount}</span>
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
  return (
    <CommunityShell {...p} title="Changelog" active="/changelog">
      <h1>Changelog</h1>
      {p.items.length === 0 ? <div class="card empty">Nothing shipped yet.</div> : null}
      <ol class="plain changelog">
        {p.items.map((i) => (
          <li class="card">
            <div class="small muted">{when(i.statusChangedAt ?? i.updatedAt).slice(0, 10)}</div>
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
    items: { id: string; ideaId: string | null; text: string; readAt: Date | null; createdAt: Date }[];
  },
) {
  return (
    <CommunityShell {...p} title="Notifications" active="/notifications">
      <h1>Notifications</h1>
      {p.items.length === 0 ? (
        <div class="card empty">Nothing yet: you hear here when an idea you voted for changes.</div>
      ) : null}
      <ol class="plain" data-testid="member-notification-list">
        {p.items.map((n) => (
          <li class={`card${n.readAt ? '' : ' unread'}`} data-testid="member-notification">
            <div class="small muted">{when(n.createdAt)}</div>
            {n.ideaId ? <a href={`/c/${p.slug}/ideas/${n.ideaId}`}>{n.text}</a> : n.text}
          </li>
        ))}
      </ol>
    </CommunityShell>
  );
}
