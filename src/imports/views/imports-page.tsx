import { useT } from '../../http/web/i18n';
import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, SettingsShell, when } from '../../http/web/settings-shell';
import type { RowError } from '../../db/import-job';
import type { publicImport } from '../import.service';
import { importMessages as m } from '../messages';
import { IMPORT_FIELDS } from '../parse';
import { failureNoteText } from '../failure-note';
import { rowProblemText } from '../row-problems';

/** An import as the page shows it: its rows' problems with their codes, to say them in the reader's language. */
type Import = ReturnType<typeof publicImport> & { errors: RowError[] };

export function ImportsPage(p: PageBase & { imports: Import[]; error?: string | undefined }) {
  const translator = useT();
  const { t, number, percent } = translator;
  const running = p.imports.some((i) => i.status === 'queued' || i.status === 'running');
  return (
    <SettingsShell {...p} title={t(m.title)} tab="/settings/imports" refreshSeconds={running ? 2 : undefined}>
      <Flash kind="error" message={p.error} />
      <section class="card">
        <h2>{t(m.heading)}</h2>
        <form class="stack narrow" method="post" action="/settings/imports" enctype="multipart/form-data">
          <Csrf token={p.csrfToken} />
          <label>
            {t(m.file)}
            <input type="file" name="file" required accept=".csv,.jsonl,.ndjson,.json,text/csv" />
          </label>
          <label>
            {t(m.mapping)}
            <input name="map" placeholder={t(m.mappingPlaceholder)} />
            <span class="muted small">{t(m.mappingHelp, { fields: IMPORT_FIELDS.join(', ') })}</span>
          </label>
          <label class="check">
            <input type="checkbox" name="inbox" /> {t(m.inbox)}
            <span class="muted small">{t(m.inboxHelp)}</span>
          </label>
          <button type="submit">{t(m.submit)}</button>
        </form>
      </section>
      {p.imports.map((i) => (
        <section class="card stack" data-testid="import">
          <div>
            <strong>{i.filename}</strong> <span class="badge">{t(m.status, { status: i.status })}</span>{' '}
            <span class="muted">{when(i.createdAt)}</span>
          </div>
          <div>
            <progress max={100} value={i.progress} aria-label={t(m.progressOf, { filename: i.filename })} />{' '}
            {t(m.progress, {
              percent: percent(i.progress / 100, 1),
              processed: number(i.processed),
              total: i.total,
              inserted: number(i.inserted),
              duplicates: number(i.duplicates),
              failed: number(i.failed),
            })}
          </div>
          {i.error ? <p class="flash error">{failureNoteText(translator, i.error)}</p> : null}
          {i.errors.length ? (
            <details>
              <summary>{t(m.badRows, { count: i.failed })}</summary>
              <ul class="small">
                {i.errors.map((e) => (
                  <li>{t(m.badRow, { line: e.line, message: rowProblemText(translator, e) })}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ))}
    </SettingsShell>
  );
}
