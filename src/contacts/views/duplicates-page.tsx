import { compact } from '../../http/web/format';
import { AppShell, Flash } from '../../http/web/layout';
import type { MessageDescriptor } from '../../core/i18n/translator';
import { useT } from '../../http/web/i18n';
import { Csrf, type PageBase, PostButton } from '../../http/web/settings-shell';
import { CHOOSABLE_FIELDS, type ChoosableField } from '../merge.service';
import { contactMessages as m } from '../messages';
import { duplicateReasonText } from '../reasons';
import type { DuplicateReason } from '../schema';
import { type Contact, day, displayName, Handles, stageLabel } from './parts';

export interface Suggestion {
  id: string;
  confidence: number;
  reasons: DuplicateReason[];
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

const FIELD_LABELS: Record<ChoosableField, MessageDescriptor> = {
  name: m.name,
  company: m.company,
  title: m.title,
  location: m.location,
  lifecycleStage: m.stage,
  ownerId: m.owner,
};

const fieldValue = (c: Contact, f: ChoosableField, people: Map<string, string>) => {
  const v = c[f];
  if (f === 'ownerId' && v) return people.get(v) ?? useT().t(m.formerUser);
  if (f === 'lifecycleStage' && v) return stageLabel(v);
  return v ?? '';
};

function Side(props: { c: Contact; people: Map<string, string>; letter: string }) {
  const { t, number } = useT();
  const c = props.c;
  return (
    <div class="side" data-testid="suggestion-contact">
      <div class="side-head">
        <span class="badge">{props.letter}</span>
        <a href={`/contacts/${c.id}`}>
          <strong>{displayName(c)}</strong>
        </a>
        {c.mergedIntoId ? <span class="badge">{t(m.alreadyMerged)}</span> : null}
      </div>
      <Handles identities={c.identities} max={6} />
      <dl class="facts small">
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
        <dt>{t(m.score)}</dt>
        <dd>{number(c.score)}</dd>
        <dt>{t(m.followers)}</dt>
        <dd>{compact(c.followers)}</dd>
        <dt>{t(m.mentions)}</dt>
        <dd>{number(c.mentionCount)}</dd>
        <dt>{t(m.lastActivity)}</dt>
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
  const { t, percent } = useT();
  return (
    <AppShell {...p} title={t(m.duplicatesTitle)} active="/contacts">
      <p class="small">
        <a href="/contacts">{t(m.backToContacts)}</a>
      </p>
      <h1>{t(m.duplicatesHeading)}</h1>
      {p.ok ? (
        <div class="flash ok" role="status">
          {p.ok}
          {p.merged ? (
            <>
              {' '}
              <a href={`/contacts/${p.merged}`} data-testid="merged-contact-link">
                {t(m.openMerged)}
              </a>
            </>
          ) : null}
        </div>
      ) : null}
      <Flash kind="error" message={p.error} />
      <p class="muted small" data-testid="suggestions-count">
        {p.total === 0 ? t(m.nothingToReview) : t(m.suggestionsCount, { count: p.total })}
      </p>
      {p.items.length === 0 ? <div class="card empty">{t(m.noDuplicates)}</div> : null}
      {p.items.map((s) => {
        const [a, b] = s.contacts as [Contact, Contact];
        const differing = CHOOSABLE_FIELDS.filter((f) => (a[f] ?? '') !== (b[f] ?? ''));
        const formId = `merge-${s.id}`;
        return (
          <section
            class="card suggestion"
            data-testid="suggestion"
            aria-label={t(m.pair, { a: displayName(a), b: displayName(b) })}
          >
            <div class="suggestion-head">
              <strong>{t(m.likelySame, { percent: percent(s.confidence) })}</strong>
              {s.reasons.map((r) => (
                <span class="badge">{duplicateReasonText(useT(), r)}</span>
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
                    <legend>{t(m.keepAsMain)}</legend>
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
                          <th>{t(m.keep)}</th>
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
                              <th scope="row">{t(FIELD_LABELS[f])}</th>
                              <td>
                                <label class="check">
                                  <input type="radio" name={`field.${f}`} value={a.id} checked={!pickB} />{' '}
                                  {fieldValue(a, f, p.people) || <span class="muted">{t(m.emptyValue)}</span>}
                                </label>
                              </td>
                              <td>
                                <label class="check">
                                  <input type="radio" name={`field.${f}`} value={b.id} checked={pickB} />{' '}
                                  {fieldValue(b, f, p.people) || <span class="muted">{t(m.emptyValue)}</span>}
                                </label>
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  ) : null}
                  <p class="muted small">{t(m.bothKept)}</p>
                </form>
                <div class="row">
                  <button type="submit" form={formId}>
                    {t(m.merge)}
                  </button>
                  <PostButton
                    action={`/contacts/duplicates/${s.id}/dismiss`}
                    label={t(m.notSamePerson)}
                    csrf={p.csrfToken}
                  />
                </div>
              </>
            ) : null}
          </section>
        );
      })}
      {p.total > p.pageSize ? (
        <nav class="pager" aria-label={t(m.pages)}>
          {p.offset > 0 ? (
            <a href={`/contacts/duplicates?offset=${Math.max(0, p.offset - p.pageSize)}`}>{t(m.previous)}</a>
          ) : (
            <span />
          )}
          {p.offset + p.pageSize < p.total ? (
            <a href={`/contacts/duplicates?offset=${p.offset + p.pageSize}`}>{t(m.next)}</a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </AppShell>
  );
}
