import { useT } from '../../http/web/i18n';
import { Flash } from '../../http/web/layout';
import { web } from '../../http/web/messages';
import { Csrf, type PageBase, SettingsShell } from '../../http/web/settings-shell';
import { LEXICON_TERM_MAX } from '../lexicon.input';
import type { publicEntry } from '../lexicon.service';
import { vocabularyMessages as m } from '../messages';
import type { LexiconPreview } from '../preview';

type Entry = ReturnType<typeof publicEntry>;

/**
 * The languages the analyzer scores, for the select (the API takes any code; the analyzer itself refuses
 * one it does not score, so this list only has to be friendly, not the truth).
 */
const LANGUAGES = ['', 'en', 'de', 'es', 'fr', 'it', 'nl', 'pt'] as const;
/** A language's name in the viewer's language ("All languages" for none); an unlisted code as it is. */
const languageLabel = (code: string | null) => {
  const { t } = useT();
  return code ? t(m.languageName, { code }) : t(m.allLanguages);
};
/** +2.5, −1: a weight with its sign, in the viewer's number format. */
const signed = (w: number) => useT().number(w, { signDisplay: 'exceptZero' });
/** A sentiment label as words ("negative"). */
const labelText = (label: string) => useT().t(web.sentiment, { label });

export interface VocabularyPageProps extends PageBase {
  entries: Entry[];
  pending: number;
  canManage: boolean;
  ok?: string | undefined;
  error?: string | undefined;
  values?: Record<string, string> | undefined;
  preview?: LexiconPreview | undefined;
}

export function VocabularyPage(p: VocabularyPageProps) {
  const { t } = useT();
  return (
    <SettingsShell {...p} title={t(m.title)} tab="/settings/vocabulary">
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      <p class="muted">{t(m.intro)}</p>
      <p class="muted small" role="status" aria-live="polite" data-testid="vocabulary-pending">
        {p.pending > 0 ? t(m.pending, { count: p.pending }) : t(m.upToDate)}
      </p>
      <section class="card">
        {p.entries.length === 0 ? (
          <p class="empty">{t(m.empty)}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t(m.term)}</th>
                <th scope="col">{t(m.language)}</th>
                <th scope="col" class="num">
                  {t(m.weight)}
                </th>
                {p.canManage ? <th scope="col">{t(m.actions)}</th> : null}
              </tr>
            </thead>
            <tbody>
              {p.entries.map((e) => (
                <tr data-testid="lexicon-row">
                  <td class="name-cell">
                    <code>{e.term}</code>
                  </td>
                  <td>{languageLabel(e.language)}</td>
                  <td class="num">{signed(e.weight)}</td>
                  {p.canManage ? (
                    <td>
                      {/* A short button on a narrow screen; its accessible name says which term. */}
                      <form class="inline" method="post" action={`/settings/vocabulary/${e.id}/delete`}>
                        <Csrf token={p.csrfToken} />
                        <button type="submit" class="danger" aria-label={t(m.removeTerm, { term: e.term })}>
                          {t(m.remove)}
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {p.canManage ? <EntryForm {...p} /> : null}
    </SettingsShell>
  );
}

function EntryForm(p: VocabularyPageProps) {
  const { t } = useT();
  const v = p.values ?? {};
  return (
    <section class="card" aria-labelledby="add-term">
      <h2 id="add-term">{t(m.addTerm)}</h2>
      <form class="row" method="post" action="/settings/vocabulary">
        <Csrf token={p.csrfToken} />
        <label class="grow">
          {t(m.termOrPhrase)}
          <input name="term" required maxlength={LEXICON_TERM_MAX} value={v.term ?? ''} autofocus={!!p.error} />
        </label>
        <label>
          {t(m.language)}
          <select name="language">
            {LANGUAGES.map((code) => (
              <option value={code} selected={code === (v.language ?? '')}>
                {languageLabel(code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(m.weightRange)}
          <input name="weight" type="number" required min={-4} max={4} step="0.1" value={v.weight ?? ''} />
        </label>
        <div class="row">
          <button type="submit" class="secondary" formaction="/settings/vocabulary/preview">
            {t(m.preview)}
          </button>
          <button type="submit">{t(m.submit)}</button>
        </div>
      </form>
      <p class="muted small">{t(m.help)}</p>
      <div aria-live="polite">{p.preview ? <PreviewResult preview={p.preview} term={v.term ?? ''} /> : null}</div>
    </section>
  );
}

function PreviewResult(p: { preview: LexiconPreview; term: string }) {
  const { t, number } = useT();
  const r = p.preview;
  return (
    <section class="status-note" data-testid="lexicon-preview" tabindex={-1} autofocus aria-labelledby="preview-title">
      <h3 id="preview-title">
        {t(m.previewTitle, {
          term: p.term,
          changed: number(r.changed),
          examined: r.examined,
          capped: r.capped ? 'yes' : 'no',
        })}
      </h3>
      {r.changes.length ? (
        <ul>
          {r.changes.map((ch) => (
            <li>{t(m.previewChange, { count: ch.count, from: labelText(ch.from), to: labelText(ch.to) })}</li>
          ))}
        </ul>
      ) : null}
      {r.corrected ? <p>{t(m.previewCorrected, { count: r.corrected })}</p> : null}
      {r.examples.length ? (
        <details>
          <summary>{t(m.previewExamples)}</summary>
          <ul>
            {r.examples.map((e) => (
              <li>
                <q>{e.text}</q> {labelText(e.from)} → {labelText(e.to)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p class="muted small">{t(m.previewNothingSaved)}</p>
    </section>
  );
}
