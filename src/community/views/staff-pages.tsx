import type { Child } from 'hono/jsx';
import { compact, platformLabel, PostItem } from '../../http/web/format';
import { AppShell, Flash } from '../../http/web/layout';
import { Csrf, type PageBase, PostButton, when } from '../../http/web/settings-shell';
import type { ideaEvidenceSummary, Suggestion } from '../evidence.service';
import { type IdeaDetail, type IdeaRow, STATUS_LABELS } from '../ideas.service';
import type { moderationQueue } from '../ideas.staff';
import { IDEA_STATUSES } from '../schema';
import { FLAG_LABELS } from '../spam';

const TABS = [
  ['/community', 'Ideas'],
  ['/community/moderation', 'Moderation'],
  ['/community/suggested', 'Suggested ideas'],
  ['/community/categories', 'Settings'],
  ['/community/mail', 'Email'],
] as const;

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
  return (
    <AppShell {...p} title={p.title} active="/community">
      <div class="page-head">
        <h1>Community</h1>
        <a href={`/c/${p.slug}`} target="_blank" rel="noopener">
          Open the public board
        </a>
      </div>
      <nav class="tabs" aria-label="Community">
        {TABS.map(([href, label]) => (
          <a href={href} aria-current={href === p.tab ? 'page' : undefined}>
            {label}
            {href === '/community/moderation' && p.counts?.held ? (
              <span class="badge count">{p.counts.held}</span>
            ) : null}
            {href === '/community/suggested' && p.counts?.suggested ? (
              <span class="badge count">{p.counts.suggested}</span>
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
  return (
    <CommunityStaffShell {...p} title="Community ideas" tab="/community">
      <form class="row card" method="get" action="/community" role="search">
        <label class="grow">
          Search
          <input type="search" name="q" value={p.q ?? ''} />
        </label>
        <label>
          Status
          <select name="status">
            <option value="">Any</option>
            {IDEA_STATUSES.map((s) => (
              <option value={s} selected={p.status === s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <div class="card flush">
        <table>
          <thead>
            <tr>
              <th class="num">Votes</th>
              <th>Idea</th>
              <th>Status</th>
              <th class="hide-narrow">Posted</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((i) => (
              <tr data-testid="staff-idea-row">
                <td class="num">{i.voteCount}</td>
                <td class="name-cell">
                  <a href={`/community/ideas/${i.id}`}>{i.title}</a>
                  {i.pinned ? <span class="badge">pinned</span> : null}
                  {i.visibility !== 'visible' ? <span class="badge">{i.visibility}</span> : null}
                </td>
                <td>
                  <span class={`badge idea-${i.status}`}>{STATUS_LABELS[i.status]}</span>
                </td>
                <td class="hide-narrow small">{when(i.createdAt).slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {p.items.length === 0 ? <p class="empty">No ideas yet.</p> : null}
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
  const i = p.idea;
  const s = p.evidence.sentiment;
  return (
    <CommunityStaffShell {...p} title={i.title} tab="/community">
      <p class="small">
        <a href="/community">← Ideas</a> · <a href={`/c/${p.slug}/ideas/${i.id}`}>Public page</a>
      </p>
      <div class="contact-grid">
        <section class="card">
          <h2 data-testid="staff-idea-title">{i.title}</h2>
          <p class="muted small">
            {i.voteCount} votes · {i.commentCount} comments · by {i.authorName ?? 'staff'} · {when(i.createdAt)}
            {i.mergedIntoId ? (
              <>
                {' '}
                · merged into <a href={`/community/ideas/${i.mergedIntoId}`}>another idea</a>
              </>
            ) : null}
          </p>
          {i.body ? <p class="idea-body">{i.body}</p> : null}
          {i.merged.length ? (
            <p class="small">Merged duplicates: {i.merged.map((m) => `${m.title} (${m.voteCount})`).join(', ')}</p>
          ) : null}
          <h3>Comments</h3>
          <ol class="comments">
            {i.comments.map((c) => (
              <li class="comment">
                <strong>{c.userId ? 'Team' : (c.memberName ?? 'A member')}</strong>{' '}
                <span class="muted small">{when(c.createdAt)}</span>
                {c.visibility !== 'visible' ? <span class="badge">{c.visibility}</span> : null}
                <p>{c.body}</p>
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
                Answer as the team (public)
                <textarea name="body" rows={3} required maxlength={3000} />
              </label>
              <div>
                <button type="submit" class="secondary">
                  Post answer
                </button>
              </div>
            </form>
          ) : null}
        </section>
        <aside class="stack">
          {p.canModerate && !i.mergedIntoId ? (
            <form method="post" action={`/community/ideas/${i.id}`} class="card stack" data-testid="idea-status-form">
              <h2>Status</h2>
              <Csrf token={p.csrfToken} />
              <label>
                Status
                <select name="status">
                  {IDEA_STATUSES.map((st) => (
                    <option value={st} selected={st === i.status}>
                      {STATUS_LABELS[st]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Public note (voters are told)
                <textarea name="statusNote" rows={3} maxlength={2000}>
                  {i.statusNote ?? ''}
                </textarea>
              </label>
              <label>
                Category
                <select name="categoryId">
                  <option value="">None</option>
                  {p.categories.map((cat) => (
                    <option value={cat.id} selected={cat.id === i.categoryId}>
                      {cat.name}
                    </option>
                  ))}
                </select>
              </label>
              <label class="check">
                <input type="checkbox" name="pinned" value="1" checked={i.pinned} /> Pinned to the top
              </label>
              <button type="submit">Save</button>
            </form>
          ) : null}
          {p.canModerate && !i.mergedIntoId && p.others.length ? (
            <form method="post" action={`/community/ideas/${i.id}/merge`} class="card stack" data-testid="merge-form">
              <h2>Merge into</h2>
              <Csrf token={p.csrfToken} />
              <label>
                The idea this one duplicates
                <select name="into">
                  {p.others.map((o) => (
                    <option value={o.id}>{`${o.title} (${o.voteCount} votes)`}</option>
                  ))}
                </select>
              </label>
              <p class="muted small">Votes, comments and evidence move over; someone who voted for both counts once.</p>
              <button type="submit" class="secondary">
                Merge
              </button>
            </form>
          ) : null}
          <section class="card" data-testid="idea-evidence">
            <h2>Evidence</h2>
            <dl class="facts">
              <dt>Votes</dt>
              <dd>{i.voteCount}</dd>
              <dt>Supporters</dt>
              <dd data-testid="supporters">{p.evidence.supporters}</dd>
              <dt>Their reach</dt>
              <dd>{compact(p.evidence.reach)} followers</dd>
              <dt>Stages</dt>
              <dd>
                {Object.entries(p.evidence.stages)
                  .map(([stage, n]) => `${n} ${stage}`)
                  .join(', ') || '–'}
              </dd>
              <dt>Said</dt>
              <dd>
                {s.positive} positive · {s.neutral} neutral · {s.negative} negative
              </dd>
            </dl>
            <h3>Linked mentions</h3>
            {p.evidence.mentions.length === 0 ? (
              <p class="muted small">None yet: link them from Suggested ideas.</p>
            ) : null}
            <ul class="plain">
              {p.evidence.mentions.map((m) => (
                <PostItem
                  platform={m.platform}
                  author={m.authorName ?? m.authorHandle ?? 'unknown'}
                  url={m.url}
                  text={m.text}
                  testid="evidence-mention"
                >
                  {' '}
                  {m.contactId ? <a href={`/contacts/${m.contactId}`}>contact</a> : null}
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
  return (
    <form method="post" action={`/community/moderation/${p.kind}/${p.id}`} class="row moderate">
      <Csrf token={p.csrf} />
      <input type="hidden" name="back" value={p.back} />
      <input name="reason" placeholder="Reason (kept)" maxlength={500} aria-label="Reason" />
      {p.visibility !== 'visible' ? (
        <button type="submit" name="action" value="restore" class="secondary" data-testid="approve">
          {p.visibility === 'held' ? 'Approve' : 'Restore'}
        </button>
      ) : (
        <button type="submit" name="action" value="hide" class="secondary">
          Hide
        </button>
      )}
      <button type="submit" name="action" value="delete" class="danger">
        Delete
      </button>
    </form>
  );
}

export function ModerationPage(
  p: StaffBase & { items: Awaited<ReturnType<typeof moderationQueue>>; counts: { held: number; suggested: number } },
) {
  return (
    <CommunityStaffShell {...p} title="Moderation" tab="/community/moderation">
      {p.items.length === 0 ? <div class="card empty">Nothing waits for a moderator.</div> : null}
      <ol class="plain">
        {p.items.map((x) => (
          <li class="card" data-testid="held-post">
            <div class="small muted">
              {x.kind} by {x.memberName ?? 'a member'} · {when(x.createdAt)}
              {x.flags.map((f) => (
                <span class="badge">{FLAG_LABELS[f] ?? f}</span>
              ))}
            </div>
            {x.title ? <strong>{x.title}</strong> : null}
            <p class="tl-text">{x.text}</p>
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

export function SuggestedPage(
  p: StaffBase & {
    items: Suggestion[];
    total: number;
    ideas: { id: string; title: string }[];
    counts: { held: number; suggested: number };
  },
) {
  return (
    <CommunityStaffShell {...p} title="Suggested ideas" tab="/community/suggested">
      <p class="muted">
        Mentions that ask for a feature. Link one to an idea (it becomes evidence, its author a supporter), make it a
        new idea, or set it aside.
      </p>
      {p.items.length === 0 ? <div class="card empty">No feature requests waiting.</div> : null}
      <ol class="plain">
        {p.items.map((m) => (
          <li class="card" data-testid="suggestion">
            <div class="small muted">
              {platformLabel(m.platform)} · {m.authorName ?? m.authorHandle ?? 'unknown'}
              {m.authorFollowers ? ` · ${compact(m.authorFollowers)} followers` : ''} · {when(m.postedAt)}
            </div>
            <p class="tl-text">{m.text}</p>
            {p.canModerate ? (
              <div class="row">
                {p.ideas.length ? (
                  <form method="post" action={`/community/suggested/${m.id}/link`} class="row">
                    <Csrf token={p.csrfToken} />
                    <label>
                      Idea
                      <select name="ideaId">
                        {p.ideas.map((i) => (
                          <option value={i.id}>{i.title}</option>
                        ))}
                      </select>
                    </label>
                    <button type="submit" data-testid="link-evidence">
                      Link as evidence
                    </button>
                  </form>
                ) : null}
                <form method="post" action={`/community/suggested/${m.id}/idea`} class="row">
                  <Csrf token={p.csrfToken} />
                  <label>
                    New idea
                    <input name="title" required minlength={3} maxlength={140} placeholder="Title in your words" />
                  </label>
                  <button type="submit" class="secondary">
                    Create idea
                  </button>
                </form>
                <PostButton action={`/community/suggested/${m.id}/dismiss`} label="Set aside" csrf={p.csrfToken} />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </CommunityStaffShell>
  );
}

export function CategoriesPage(
  p: StaffBase & { items: { id: string; name: string }[]; settings: { enabled: boolean; requireApproval: boolean } },
) {
  return (
    <CommunityStaffShell {...p} title="Categories" tab="/community/categories">
      {p.canManageBoard ? (
        <form method="post" action="/community/settings" class="card stack" data-testid="board-settings">
          <h2>Board</h2>
          <Csrf token={p.csrfToken} />
          <label class="check">
            <input type="checkbox" name="enabled" value="1" checked={p.settings.enabled} /> The public board is open at
            /c/{p.slug}
          </label>
          <label class="check">
            <input type="checkbox" name="requireApproval" value="1" checked={p.settings.requireApproval} /> New ideas,
            comments and reviews wait for a moderator
          </label>
          <div>
            <button type="submit">Save</button>
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
                  label="Delete"
                  kind="danger"
                  csrf={p.csrfToken}
                />
              ) : null}
            </li>
          ))}
        </ul>
        {p.items.length === 0 ? <p class="muted">No categories yet.</p> : null}
        {p.canModerate ? (
          <form method="post" action="/community/categories" class="row">
            <Csrf token={p.csrfToken} />
            <label>
              New category
              <input name="name" required maxlength={60} />
            </label>
            <button type="submit">Add</button>
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
  return (
    <CommunityStaffShell {...p} title="Community email" tab="/community/mail">
      <p class="muted">
        {p.smtp
          ? 'Email goes out through the SMTP server (SMTP_URL).'
          : 'SMTP_URL is not set: nothing is sent (the server’s operator can print a member’s link with the CLI).'}{' '}
        Each message is kept here with its links’ secrets hidden: a confirmation or reset link is for the member alone.
      </p>
      <ol class="plain">
        {p.items.map((m) => (
          <li class="card" data-testid="mail">
            <div class="small muted">
              {when(m.createdAt)} · {m.kind} · to {m.to} · <span class="badge">{m.status}</span>
              {m.error ? ` · ${m.error}` : ''}
            </div>
            <strong>{m.subject}</strong>
            <p class="tl-text small">{m.body}</p>
          </li>
        ))}
      </ol>
    </CommunityStaffShell>
  );
}
