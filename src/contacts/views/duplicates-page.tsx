import type { Child } from 'hono/jsx';
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
  /** Open suggestions below `likely`, hidden unless `weak`. */
  weaker: number;
  /** The weaker suggestions are listed too. */
  weak: boolean;
  /** The confidence from which a suggestion is likely (duplicates.service.ts LIKELY_DUPLICATE). */
  likely: number;
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

const COMPARED_LABELS: Record<Compared, MessageDescriptor> = {
  name: m.name,
  emails: m.emails,
  company: m.company,
  title: m.title,
  location: m.location,
  lifecycleStage: m.stage,
};

const fieldValue = (c: Contact, f: ChoosableField, people: Map<string, string>) => {
  const v = c[f];
  if (f === 'ownerId' && v) return people.get(v) ?? useT().t(m.formerUser);
  if (f === 'lifecycleStage' && v) return stageLabel(v);
  return v ?? '';
};

/** The profile fields compared between the two sides (what a merge chooses between, and the emails it joins). */
const COMPARED = ['name', 'emails', 'company', 'title', 'location', 'lifecycleStage'] as const;
type Compared = (typeof COMPARED)[number];

const comparable = (c: Contact, f: Compared) =>
  f === 'emails' ? [...c.emails].sort().join(',') : f === 'name' ? c.name.trim().toLowerCase() : (c[f] ?? '');

/** The fields where the two contacts differ (a name differing only in case counts as the same). */
export const differingFields = (a: Contact, b: Contact): Set<Compared> =>
  new Set(COMPARED.filter((f) => comparable(a, f) !== comparable(b, f)));

/** "differs": said in words beside the highlight, so it is not told by colour alone. */
function DiffersMark() {
  return <span class="differs-mark">{useT().t(m.differs)}</span>;
}

/** One fact of a side; a field that differs from the other side is highlighted and marked in words. */
function Fact(props: { label: string; differs?: boolean; children: Child }) {
  const cls = props.differs ? 'differs' : undefined;
  return (
    <>
      <dt class={cls}>{props.label}</dt>
      <dd class={cls} data-differs={props.differs ? 'yes' : undefined}>
        {props.children} {props.differs ? <DiffersMark /> : null}
      </dd>
    </>
  );
}

function Side(props: { c: Contact; differs: Set<Compared>; letter: string }) {
  const { t, number } = useT();
  const c = props.c;
  const d = props.differs;
  return (
    <div class="side" data-testid="suggestion-contact">
      <div class={d.has('name') ? 'side-head differs' : 'side-head'}>
        <span class="badge">{props.letter}</span>
        <a href={`/contacts/${c.id}`}>
          <strong>{displayName(c)}</strong>
        </a>
        {d.has('name') ? <DiffersMark /> : null}
        {c.mergedIntoId ? <span class="badge">{t(m.alreadyMerged)}</span> : null}
      </div>
      <Handles identities={c.identities} max={6} />
      <dl class="facts small">
        <Fact label={t(m.emails)} differs={d.has('emails')}>
          {c.emails.length ? c.emails.join(', ') : '–'}
        </Fact>
        <Fact label={t(m.company)} differs={d.has('company')}>
          {c.company ?? '–'}
        </Fact>
        <Fact label={t(m.title)} differs={d.has('title')}>
          {c.title ?? '–'}
        </Fact>
        <Fact label={t(m.location)} differs={d.has('location')}>
          {c.location ?? '–'}
        </Fact>
        <Fact label={t(m.stage)} differs={d.has('lifecycleStage')}>
          {stageLabel(c.lifecycleStage)}
        </Fact>
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
  const weakQuery = p.weak ? 'weak=1&' : '';
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
        {p.total === 0 ? t(m.nothingToReview) : t(m.suggestionsCount, { count: p.total })}{' '}
        {p.weak ? (
          <a href="/contacts/duplicates" data-testid="hide-weak">
            {t(m.hideWeak, { percent: percent(p.likely) })}
          </a>
        ) : p.weaker > 0 ? (
          <a href="/contacts/duplicates?weak=1" data-testid="show-weak">
            {t(m.showWeak, { count: p.weaker, percent: percent(p.likely) })}
          </a>
        ) : null}
      </p>
      {p.items.length === 0 ? <div class="card empty">{t(m.noDuplicates)}</div> : null}
      {p.items.map((s) => {
        const [a, b] = s.contacts as [Contact, Contact];
        const differing = CHOOSABLE_FIELDS.filter((f) => (a[f] ?? '') !== (b[f] ?? ''));
        const differs = differingFields(a, b);
        const formId = `merge-${s.id}`;
        // A weak suggestion is more often two people: telling them apart is the first button, merging the second.
        const weak = s.confidence < p.likely;
        const back = p.weak ? '?weak=1' : '';
        return (
          <section
            class={weak ? 'card suggestion weak' : 'card suggestion'}
            data-testid="suggestion"
            data-weak={weak ? 'yes' : undefined}
            aria-label={t(m.pair, { a: displayName(a), b: displayName(b) })}
          >
            <div class="suggestion-head">
              <strong>{t(m.likelySame, { percent: percent(s.confidence) })}</strong>
              {weak ? <span class="badge weak-badge">{t(m.weakSuggestion)}</span> : null}
              {s.reasons.map((r) => (
                <span class="badge">{duplicateReasonText(useT(), r)}</span>
              ))}
            </div>
            {differs.size > 0 ? (
              <p class="muted small" data-testid="differing-summary">
                {t(m.differingFields, { fields: [...differs].map((f) => t(COMPARED_LABELS[f])).join(', ') })}
              </p>
            ) : null}
            <div class="side-by-side">
              <Side c={a} differs={differs} letter="A" />
              <Side c={b} differs={differs} letter="B" />
            </div>
            {p.canWrite ? (
              <>
                <form
                  id={formId}
                  method="post"
                  action={`/contacts/duplicates/${s.id}/merge${back}`}
                  class="stack merge-form"
                >
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
                  {weak ? (
                    <PostButton
                      action={`/contacts/duplicates/${s.id}/dismiss${back}`}
                      label={t(m.notSamePerson)}
                      csrf={p.csrfToken}
                      kind="primary"
                    />
                  ) : null}
                  <button type="submit" form={formId} class={weak ? 'secondary' : undefined} data-testid="merge">
                    {t(m.merge)}
                  </button>
                  {weak ? null : (
                    <PostButton
                      action={`/contacts/duplicates/${s.id}/dismiss${back}`}
                      label={t(m.notSamePerson)}
                      csrf={p.csrfToken}
                    />
                  )}
                </div>
              </>
            ) : null}
          </section>
        );
      })}
      {p.total > p.pageSize ? (
        <nav class="pager" aria-label={t(m.pages)}>
          {p.offset > 0 ? (
            <a href={`/contacts/duplicates?${weakQuery}offset=${Math.max(0, p.offset - p.pageSize)}`}>
              {t(m.previous)}
            </a>
          ) : (
            <span />
          )}
          {p.offset + p.pageSize < p.total ? (
            <a href={`/contacts/duplicates?${weakQuery}offset=${p.offset + p.pageSize}`}>{t(m.next)}</a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </AppShell>
  );
}
