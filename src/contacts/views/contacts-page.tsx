import { compact, platformLabel } from '../../http/web/format';
import { AppShell, Flash } from '../../http/web/layout';
import { Csrf, type PageBase, PostButton } from '../../http/web/settings-shell';
import { CONTACT_SORTS } from '../filter';
import { FILTER_KEYS, type ListParams, listHref, PAGE_SIZE } from '../page-forms';
import { type Contact, day, displayName, Handles } from './parts';

export interface ContactsPageProps extends PageBase {
  items: Contact[];
  total: number;
  params: ListParams;
  stages: string[];
  platforms: readonly string[];
  segments: { id: string; name: string }[];
  openDuplicates: number;
  canWrite: boolean;
  ok?: string | undefined;
  error?: string | undefined;
}

const SORT_LABELS: Record<string, string> = {
  recent: 'Recent activity',
  score: 'Score',
  name: 'Name',
  followers: 'Followers',
  created: 'Newest',
};

/** The contacts list: search, filters, saved segments, sort and pages. */
export function ContactsPage(p: ContactsPageProps) {
  const f = p.params;
  const filterOnly = Object.fromEntries(FILTER_KEYS.map((k) => [k, f[k]]));
  const filtered = FILTER_KEYS.some((k) => f[k] !== undefined);
  const from = p.total === 0 ? 0 : f.offset + 1;
  const to = Math.min(f.offset + PAGE_SIZE, p.total);
  const segment = p.segments.find((s) => s.id === f.segment);
  // The finer filters fold away (no script needed) until one is in use.
  const more = (['stage', 'tag', 'platform', 'minFollowers', 'sentiment', 'activeWithinDays'] as const).some(
    (k) => f[k] !== undefined,
  );
  return (
    <AppShell {...p} title="Contacts" active="/contacts">
      <div class="page-head">
        <h1>Contacts</h1>
        <a href="/contacts/duplicates" data-testid="duplicates-link">
          Duplicates to review <span class="badge">{p.openDuplicates}</span>
        </a>
      </div>
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      <form class="card filters" method="get" action="/contacts" role="search">
        <div class="row">
          <label class="grow">
            Search
            <input
              type="search"
              name="q"
              value={f.q ?? ''}
              maxlength={200}
              placeholder="name, email, company or handle"
            />
          </label>
          <label>
            Segment
            <select name="segment">
              <option value="">All contacts</option>
              {p.segments.map((s) => (
                <option value={s.id} selected={s.id === f.segment}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Sort by
            <select name="sort">
              {CONTACT_SORTS.map((s) => (
                <option value={s} selected={s === f.sort}>
                  {SORT_LABELS[s] ?? s}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Filter</button>
          {filtered ? <a href={listHref({ sort: f.sort })}>Clear</a> : null}
        </div>
        <details open={more}>
          <summary>More filters</summary>
          <div class="row">
            <label>
              Stage
              <select name="stage">
                <option value="">Any stage</option>
                {p.stages.map((s) => (
                  <option value={s} selected={s === f.stage}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Tag
              <input name="tag" value={f.tag ?? ''} maxlength={60} size={10} />
            </label>
            <label>
              Platform
              <select name="platform">
                <option value="">Any platform</option>
                {p.platforms.map((pl) => (
                  <option value={pl} selected={pl === f.platform}>
                    {platformLabel(pl)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Min followers
              <input type="number" name="minFollowers" min={0} value={f.minFollowers ?? ''} size={8} />
            </label>
            <label>
              Sentiment
              <select name="sentiment">
                <option value="">Any</option>
                {['positive', 'neutral', 'negative'].map((s) => (
                  <option value={s} selected={s === f.sentiment}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Active within (days)
              <input
                type="number"
                name="activeWithinDays"
                min={1}
                max={3650}
                value={f.activeWithinDays ?? ''}
                size={6}
              />
            </label>
          </div>
        </details>
      </form>
      {p.canWrite && (filtered || segment) ? (
        <div class="card row segment-tools">
          {filtered ? (
            <form class="row" method="post" action="/contacts/segments" data-testid="save-segment">
              <Csrf token={p.csrfToken} />
              {Object.entries(filterOnly).map(([k, v]) =>
                v === undefined ? null : <input type="hidden" name={k} value={String(v)} />,
              )}
              <label>
                Save these filters as a segment
                <input name="name" required maxlength={80} placeholder="Detractors with reach" />
              </label>
              <button class="secondary" type="submit">
                Save segment
              </button>
            </form>
          ) : null}
          {segment ? (
            <PostButton
              action={`/contacts/segments/${segment.id}/delete`}
              label={`Delete segment “${segment.name}”`}
              kind="danger"
              csrf={p.csrfToken}
            />
          ) : null}
        </div>
      ) : null}
      <p class="muted small" data-testid="contacts-count">
        {p.total === 0
          ? 'No contacts match.'
          : `${from}–${to} of ${p.total.toLocaleString('en-US')} contact${p.total === 1 ? '' : 's'}`}
      </p>
      {p.items.length === 0 ? (
        <div class="card empty">
          {filtered
            ? 'No contacts match these filters.'
            : 'No contacts yet. Authors of mentions become contacts automatically.'}
        </div>
      ) : (
        <div class="card flush">
          <table class="contacts" data-testid="contacts">
            <thead>
              <tr>
                <th>Name</th>
                <th class="hide-narrow">Accounts</th>
                <th>Stage</th>
                <th class="num">Score</th>
                <th class="num hide-narrow">Followers</th>
                <th class="hide-narrow">Last activity</th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((c) => (
                <tr data-testid="contact-row">
                  <td class="name-cell">
                    <a href={`/contacts/${c.id}`}>{displayName(c)}</a>
                    {c.company ? <div class="muted small">{c.company}</div> : null}
                  </td>
                  <td class="hide-narrow">
                    <Handles identities={c.identities} max={3} />
                  </td>
                  <td>
                    <span class="badge">{c.lifecycleStage}</span>
                  </td>
                  <td class="num">{c.score}</td>
                  <td class="num hide-narrow">{compact(c.followers)}</td>
                  <td class="hide-narrow">{day(c.lastActivityAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.total > PAGE_SIZE ? (
        <nav class="pager" aria-label="Pages">
          {f.offset > 0 ? (
            <a href={listHref({ ...filterOnly, sort: f.sort, offset: Math.max(0, f.offset - PAGE_SIZE) })}>
              ← Previous
            </a>
          ) : (
            <span />
          )}
          {f.offset + PAGE_SIZE < p.total ? (
            <a href={listHref({ ...filterOnly, sort: f.sort, offset: f.offset + PAGE_SIZE })}>Next →</a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </AppShell>
  );
}
