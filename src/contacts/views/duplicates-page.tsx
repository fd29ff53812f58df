import { compact } from '../../http/web/format';
import { AppShell, Flash } from '../../http/web/layout';
import { Csrf, type PageBase, PostButton } from '../../http/web/settings-shell';
import { CHOOSABLE_FIELDS, type ChoosableField } from '../merge.service';
import { type Contact, day, displayName, Handles } from './parts';

export interface Suggestion {
  id: string;
  confidence: number;
  reasons: { code: string; detail: string }[];
  contacts: Contact[];
}

export interface DuplicatesPageProps extends PageBase {
  items: Suggestion[];
  total: number;
  offset: number;
  pageSize: number;
  people: Map<string, string>;
  canWrite: boolean;
  ok?: string | undefined;
  /** After a merge: the contact that remains, to open. */
  merged?: string | undefined;
  error?: string | undefined;
}

const FIELD_LABELS: Record<ChoosableField, string> = {
  name: 'Name',
  company: 'Company',
  title: 'Title',
  location: 'Location',
  lifecycleStage: 'Stage',
  ownerId: 'Owner',
};

const fieldValue = (c: Contact, f: ChoosableField, people: Map<string, string>) => {
  const v = c[f];
  if (f === 'ownerId' && v) return people.get(v) ?? 'a former user';
  return v ?? '';
};

function Side(props: { c: Contact; people: Map<string, string>; letter: string }) {
  const c = props.c;
  return (
    <div class="side" data-testid="suggestion-contact">
      <div class="side-head">
        <span class="badge">{props.letter}</span>
        <a href={`/contacts/${c.id}`}>
          <strong>{displayName(c)}</strong>
        </a>
        {c.mergedIntoId ? <span class="badge">already merged</span> : null}
      </div>
      <Handles identities={c.identities} max={6} />
      <dl class="facts small">
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
        <dt>Score</dt>
        <dd>{c.score}</dd>
        <dt>Followers</dt>
        <dd>{compact(c.followers)}</dd>
        <dt>Mentions</dt>
        <dd>{c.mentionCount}</dd>
        <dt>Last activity</dt>
        <dd>{day(c.lastActivityAt)}</dd>
      </dl>
    </div>
  );
}

/**
 * The duplicate review queue: each suggestion shows both contacts side by side. Merging keeps
 * the chosen main contact (the first unless changed) and, per field that differs, the chosen value.
 */
export function DuplicatesPage(p: DuplicatesPageProps) {
  return (
    <AppShell {...p} title="Duplicates" active="/contacts">
      <p class="small">
        <a href="/contacts">← Contacts</a>
      </p>
      <h1>Duplicates to review</h1>
      {p.ok ? (
        <div class="flash ok" role="status">
          {p.ok}
          {p.merged ? (
            <>
              {' '}
              <a href={`/contacts/${p.merged}`} data-testid="merged-contact-link">
                Open the merged contact
              </a>
            </>
          ) : null}
        </div>
      ) : null}
      <Flash kind="error" message={p.error} />
      <p class="muted small" data-testid="suggestions-count">
        {p.total === 0
          ? 'Nothing to review.'
          : `${p.total} open suggestion${p.total === 1 ? '' : 's'}, most likely first.`}
      </p>
      {p.items.length === 0 ? (
        <div class="card empty">
          No possible duplicates right now. When two contacts look like one person (the same handle on two platforms, a
          similar name), they appear here.
        </div>
      ) : null}
      {p.items.map((s) => {
        const [a, b] = s.contacts as [Contact, Contact];
        const differing = CHOOSABLE_FIELDS.filter((f) => (a[f] ?? '') !== (b[f] ?? ''));
        const formId = `merge-${s.id}`;
        return (
          <section
            class="card suggestion"
            data-testid="suggestion"
            aria-label={`${displayName(a)} and ${displayName(b)}`}
          >
            <div class="suggestion-head">
              <strong>{Math.round(s.confidence * 100)}% likely the same person</strong>
              {s.reasons.map((r) => (
                <span class="badge">{r.detail}</span>
              ))}
            </div>
            <div class="side-by-side">
              <Side c={a} people={p.people} letter="A" />
              <Side c={b} people={p.people} letter="B" />
            </div>
            {p.canWrite ? (
              <>
                <form id={formId} method="post" action={`/contacts/duplicates/${s.id}/merge`} class="stack merge-form">
                  <Csrf token={p.csrfToken} />
                  <fieldset class="choices">
                    <legend>Keep as the main contact</legend>
                    <label class="check">
                      <input type="radio" name="into" value={a.id} checked /> A: {displayName(a)}
                    </label>
                    <label class="check">
                      <input type="radio" name="into" value={b.id} /> B: {displayName(b)}
                    </label>
                  </fieldset>
                  {differing.length > 0 ? (
                    <table class="choose">
                      <thead>
                        <tr>
                          <th>Keep</th>
                          <th>A</th>
                          <th>B</th>
                        </tr>
                      </thead>
                      <tbody>
                        {differing.map((f) => {
                          // The default is what a merge into A keeps: A's value unless A has none.
                          const pickB = !a[f] && !!b[f];
                          return (
                            <tr>
                              <th scope="row">{FIELD_LABELS[f]}</th>
                              <td>
                                <label class="check">
                                  <input type="radio" name={`field.${f}`} value={a.id} checked={!pickB} />{' '}
                                  {fieldValue(a, f, p.people) || <span class="muted">(empty)</span>}
                                </label>
                              </td>
                              <td>
                                <label class="check">
                                  <input type="radio" name={`field.${f}`} value={b.id} checked={pickB} />{' '}
                                  {fieldValue(b, f, p.people) || <span class="muted">(empty)</span>}
                                </label>
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  ) : null}
                  <p class="muted small">Accounts, mentions, notes, emails and tags of both are kept.</p>
                </form>
                <div class="row">
                  <button type="submit" form={formId}>
                    Merge
                  </button>
                  <PostButton
                    action={`/contacts/duplicates/${s.id}/dismiss`}
                    label="Not the same person"
                    csrf={p.csrfToken}
                  />
                </div>
              </>
            ) : null}
          </section>
        );
      })}
      {p.total > p.pageSize ? (
        <nav class="pager" aria-label="Pages">
          {p.offset > 0 ? (
            <a href={`/contacts/duplicates?offset=${Math.max(0, p.offset - p.pageSize)}`}>← Previous</a>
          ) : (
            <span />
          )}
          {p.offset + p.pageSize < p.total ? (
            <a href={`/contacts/duplicates?offset=${p.offset + p.pageSize}`}>Next →</a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </AppShell>
  );
}
