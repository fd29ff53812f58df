import { compact, platformLabel } from '../../http/web/format';
import { AppShell, Flash } from '../../http/web/layout';
import { useT } from '../../http/web/i18n';
import { web } from '../../http/web/messages';
import { Csrf, type PageBase, PostButton } from '../../http/web/settings-shell';
import { CONTACT_SORTS } from '../filter';
import { contactMessages as m } from '../messages';
import { transferMessages as tm } from '../transfer.messages';
import { FILTER_KEYS, type ListParams, listHref, PAGE_SIZE } from '../page-forms';
import { type Contact, day, displayName, Handles, stageLabel } from './parts';

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

/** The API's CSV export of the contacts these filters list. */
const exportHref = (filters: Record<string, unknown>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') params.set(k, String(v));
  const q = params.toString();
  return q ? `/api/v1/contacts/export?${q}` : '/api/v1/contacts/export';
};

/** The contacts list: search, filters, saved segments, sort and pages; import and export. */
export function ContactsPage(p: ContactsPageProps) {
  const { t, number } = useT();
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
    <AppShell {...p} title={t(m.listTitle)} active="/contacts">
      <div class="page-head">
        <h1>{t(m.listTitle)}</h1>
        <div class="row head-actions">
          <a href="/contacts/duplicates" data-testid="duplicates-link">
            {t(m.duplicatesLink)} <span class="badge">{number(p.openDuplicates)}</span>
          </a>
          {p.canWrite ? (
            <>
              <a class="button secondary" href="/contacts/imports" data-testid="import-link">
                {t(tm.importButton)}
              </a>
              {/* The API's CSV (a session may read it), with the list's filters: what is listed is exported. */}
              <a class="button secondary" href={exportHref(filterOnly)} download data-testid="export-link">
                {t(tm.exportButton, { filtered: filtered ? 'yes' : 'no' })}
              </a>
            </>
          ) : null}
        </div>
      </div>
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      {p.segments.length > 0 ? (
        <nav class="segment-list" aria-labelledby="segments-h" data-testid="segments">
          <h2 id="segments-h" class="small">
            {t(tm.segments)}
          </h2>
          <ul class="pill-list">
            <li>
              <a
                class={f.segment ? 'pill' : 'pill active'}
                href={listHref({ sort: f.sort })}
                aria-current={f.segment ? undefined : 'page'}
              >
                {t(tm.allContacts)}
              </a>
            </li>
            {p.segments.map((s) => (
              <li>
                <a
                  class={s.id === f.segment ? 'pill active' : 'pill'}
                  href={listHref({ segment: s.id, sort: f.sort })}
                  aria-current={s.id === f.segment ? 'page' : undefined}
                  data-testid="segment-link"
                >
                  {s.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <form class="card filters" method="get" action="/contacts" role="search">
        <div class="row">
          <label class="grow">
            {t(m.search)}
            <input type="search" name="q" value={f.q ?? ''} maxlength={200} placeholder={t(m.searchPlaceholder)} />
          </label>
          <label>
            {t(m.segment)}
            <select name="segment">
              <option value="">{t(m.allContacts)}</option>
              {p.segments.map((s) => (
                <option value={s.id} selected={s.id === f.segment}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t(m.sortBy)}
            <select name="sort">
              {CONTACT_SORTS.map((s) => (
                <option value={s} selected={s === f.sort}>
                  {t(m.sort, { sort: s })}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t(m.filter)}</button>
          {filtered ? <a href={listHref({ sort: f.sort })}>{t(m.clear)}</a> : null}
        </div>
        <details open={more}>
          <summary>{t(m.moreFilters)}</summary>
          <div class="row">
            <label>
              {t(m.stage)}
              <select name="stage">
                <option value="">{t(m.anyStage)}</option>
                {p.stages.map((s) => (
                  <option value={s} selected={s === f.stage}>
                    {stageLabel(s)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t(m.tag)}
              <input name="tag" value={f.tag ?? ''} maxlength={60} size={10} />
            </label>
            <label>
              {t(m.platform)}
              <select name="platform">
                <option value="">{t(m.anyPlatform)}</option>
                {p.platforms.map((pl) => (
                  <option value={pl} selected={pl === f.platform}>
                    {platformLabel(pl)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t(m.minFollowers)}
              <input type="number" name="minFollowers" min={0} value={f.minFollowers ?? ''} size={8} />
            </label>
            <label>
              {t(m.sentiment)}
              <select name="sentiment">
                <option value="">{t(m.anySentiment)}</option>
                {['positive', 'neutral', 'negative'].map((s) => (
                  <option value={s} selected={s === f.sentiment}>
                    {t(web.sentiment, { label: s })}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t(m.activeWithin)}
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
                {t(m.saveFiltersAs)}
                <input name="name" required maxlength={80} placeholder={t(m.segmentPlaceholder)} />
              </label>
              <button class="secondary" type="submit">
                {t(m.saveSegment)}
              </button>
            </form>
          ) : null}
          {segment ? (
            <PostButton
              action={`/contacts/segments/${segment.id}/delete`}
              label={t(m.deleteSegment, { name: segment.name })}
              kind="danger"
              csrf={p.csrfToken}
            />
          ) : null}
        </div>
      ) : null}
      <p class="muted small" data-testid="contacts-count">
        {p.total === 0 ? t(m.noneMatch) : t(m.count, { from: number(from), to: number(to), total: p.total })}
      </p>
      {p.items.length === 0 ? (
        <div class="card empty">{filtered ? t(m.noneMatchFilters) : t(m.empty)}</div>
      ) : (
        <div class="card flush">
          <table class="contacts" data-testid="contacts">
            <thead>
              <tr>
                <th>{t(m.name)}</th>
                <th class="hide-narrow">{t(m.accounts)}</th>
                <th>{t(m.stage)}</th>
                <th class="num">{t(m.score)}</th>
                <th class="num hide-narrow">{t(m.followers)}</th>
                <th class="hide-narrow">{t(m.lastActivity)}</th>
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
                    <span class="badge">{stageLabel(c.lifecycleStage)}</span>
                  </td>
                  <td class="num">{number(c.score)}</td>
                  <td class="num hide-narrow">{compact(c.followers)}</td>
                  <td class="hide-narrow">{day(c.lastActivityAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.total > PAGE_SIZE ? (
        <nav class="pager" aria-label={t(m.pages)}>
          {f.offset > 0 ? (
            <a href={listHref({ ...filterOnly, sort: f.sort, offset: Math.max(0, f.offset - PAGE_SIZE) })}>
              {t(m.previous)}
            </a>
          ) : (
            <span />
          )}
          {f.offset + PAGE_SIZE < p.total ? (
            <a href={listHref({ ...filterOnly, sort: f.sort, offset: f.offset + PAGE_SIZE })}>{t(m.next)}</a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </AppShell>
  );
}
