import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, SettingsShell } from '../../http/web/settings-shell';
import { LEXICON_TERM_MAX } from '../lexicon.input';
import type { publicEntry } from '../lexicon.service';
import type { LexiconPreview } from '../preview';

type Entry = ReturnType<typeof publicEntry>;

/**
 * The languages the analyzer scores, for the select (the API takes any code; the analyzer itself refuses
 * one it does not score, so this list only has to be friendly, not the truth).
 */
const LANGUAGES: [string, string][] = [
  ['', 'All languages'],
  ['en', 'English'],
  ['de', 'German'],
  ['es', 'Spanish'],
  ['fr', 'French'],
  ['it', 'Italian'],
  ['nl', 'Dutch'],
  ['pt', 'Portuguese'],
];
const languageLabel = (code: string | null) => LANGUAGES.find(([c]) => c === (code ?? ''))?.[1] ?? code;
const signed = (w: number) => (w > 0 ? `+${w}` : String(w));

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
  return (
    <SettingsShell {...p} title="Vocabulary" tab="/settings/vocabulary">
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      <p class="muted">
        Words that mean something else in your world: "sick" is praise for a skate brand, a product name is neutral. A
        term here replaces what the analyzer made of its words, in new posts and, after a change, in past ones.
      </p>
      <p class="muted small" role="status" aria-live="polite" data-testid="vocabulary-pending">
        {p.pending > 0
          ? `${p.pending.toLocaleString('en')} mentions are waiting to be re-scored with the vocabulary.`
          : 'Every mention is scored with the vocabulary as it is.'}
      </p>
      <section class="card">
        {p.entries.length === 0 ? (
          <p class="empty">No terms yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Term</th>
                <th scope="col">Language</th>
                <th scope="col" class="num">
                  Weight
                </th>
                {p.canManage ? <th scope="col">Actions</th> : null}
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
                        <button type="submit" class="danger" aria-label={`Remove ${e.term}`}>
                          Remove
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
  const v = p.values ?? {};
  return (
    <section class="card" aria-labelledby="add-term">
      <h2 id="add-term">Add a term</h2>
      <form class="row" method="post" action="/settings/vocabulary">
        <Csrf token={p.csrfToken} />
        <label class="grow">
          Term or phrase
          <input name="term" required maxlength={LEXICON_TERM_MAX} value={v.term ?? ''} autofocus={!!p.error} />
        </label>
        <label>
          Language
          <select name="language">
            {LANGUAGES.map(([code, name]) => (
              <option value={code} selected={code === (v.language ?? '')}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Weight (−4 to +4)
          <input name="weight" type="number" required min={-4} max={4} step="0.1" value={v.weight ?? ''} />
        </label>
        <div class="row">
          <button type="submit" class="secondary" formaction="/settings/vocabulary/preview">
            Preview
          </button>
          <button type="submit">Add term</button>
        </div>
      </form>
      <p class="muted small">
        −4 very negative … 0 neutral … +4 very positive, one decimal at most. Whole words, any case; a phrase matches
        its words in order. Preview shows what the term would change in your latest mentions before you add it.
      </p>
      <div aria-live="polite">{p.preview ? <PreviewResult preview={p.preview} term={v.term ?? ''} /> : null}</div>
    </section>
  );
}

function PreviewResult(p: { preview: LexiconPreview; term: string }) {
  const r = p.preview;
  return (
    <section class="status-note" data-testid="lexicon-preview" tabindex={-1} autofocus aria-labelledby="preview-title">
      <h3 id="preview-title">
        "{p.term}" would change {r.changed.toLocaleString('en')} of {r.examined.toLocaleString('en')} mentions
        {r.capped ? ' (the latest examined)' : ''}
      </h3>
      {r.changes.length ? (
        <ul>
          {r.changes.map((ch) => (
            <li>
              {ch.count.toLocaleString('en')} from {ch.from} to {ch.to}
            </li>
          ))}
        </ul>
      ) : null}
      {r.corrected ? <p>{r.corrected} more would change, but staff corrected them: they keep the correction.</p> : null}
      {r.examples.length ? (
        <details>
          <summary>Examples</summary>
          <ul>
            {r.examples.map((e) => (
              <li>
                <q>{e.text}</q> {e.from} → {e.to}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p class="muted small">Nothing is saved until you add the term.</p>
    </section>
  );
}
