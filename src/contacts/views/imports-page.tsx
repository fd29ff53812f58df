import type { RowError } from '../../db/import-job';
import { useT } from '../../http/web/i18n';
import { AppShell, Flash } from '../../http/web/layout';
import { Csrf, type PageBase, when } from '../../http/web/settings-shell';
import { CONTACT_IMPORT_FIELDS, CUSTOM_PREFIX } from '../import';
import { contactImportNoteText } from '../import-note';
import { contactRowProblemText } from '../import-problems';
import type { publicContactImport } from '../import.service';
import { contactMessages } from '../messages';
import { transferMessages as m } from '../transfer.messages';

/** An import as the page shows it: its rows' problems with their codes, to say them in the reader's language. */
export type ContactImportView = ReturnType<typeof publicContactImport> & { rowErrors: RowError[] };

export interface ContactImportsPageProps extends PageBase {
  imports: ContactImportView[];
  /** The import just started, shown first and open. */
  started?: string | undefined;
  error?: string | undefined;
  ok?: string | undefined;
}

const isRunning = (i: ContactImportView) => i.status === 'queued' || i.status === 'running';

function ImportCard(props: { i: ContactImportView; open: boolean }) {
  const translator = useT();
  const { t, number, percent } = translator;
  const i = props.i;
  return (
    <section class="card stack" data-testid="contact-import" id={`import-${i.id}`}>
      <div>
        <strong>{i.filename}</strong>{' '}
        <span class="badge" data-testid="import-status">
          {t(m.status, { status: i.status })}
        </span>{' '}
        <span class="muted">{when(i.createdAt)}</span>
      </div>
      <div role="status" aria-live="polite">
        <progress max={100} value={i.progress} aria-label={t(m.progressOf, { filename: i.filename })} />{' '}
        <span data-testid="import-progress">
          {t(m.progress, {
            percent: percent(i.progress / 100),
            processed: number(i.processed),
            total: i.total,
            imported: number(i.imported),
            merged: number(i.merged),
            failed: number(i.failed),
          })}
        </span>
      </div>
      {i.error ? (
        <p class="flash error" data-testid="import-error">
          {contactImportNoteText(translator, i.error)}
        </p>
      ) : null}
      {i.rowErrors.length ? (
        <details open={props.open}>
          <summary>{t(m.badRows, { count: i.failed })}</summary>
          <ul class="small" data-testid="import-problems">
            {i.rowErrors.map((e) => (
              <li>{t(m.badRow, { line: e.line, message: contactRowProblemText(translator, e) })}</li>
            ))}
          </ul>
          {i.failed > i.rowErrors.length ? (
            <p class="muted small">{t(m.moreBadRows, { count: i.failed - i.rowErrors.length })}</p>
          ) : null}
        </details>
      ) : null}
    </section>
  );
}

/**
 * Contacts > Import: upload a CSV, watch it run (the page reloads itself while one runs; no script needed),
 * read the rows that were skipped and why.
 */
export function ContactImportsPage(p: ContactImportsPageProps) {
  const { t } = useT();
  const running = p.imports.some(isRunning);
  return (
    <AppShell {...p} title={t(m.importTitle)} active="/contacts" refreshSeconds={running ? 2 : undefined}>
      <p class="small">
        <a href="/contacts">{t(contactMessages.backToContacts)}</a>
      </p>
      <h1>{t(m.importTitle)}</h1>
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      <section class="card">
        <form
          class="stack narrow"
          method="post"
          action="/contacts/imports"
          enctype="multipart/form-data"
          data-testid="import-form"
        >
          <Csrf token={p.csrfToken} />
          <label>
            {t(m.file)}
            <input type="file" name="file" required accept=".csv,text/csv" />
            <span class="muted small">{t(m.fileHelp)}</span>
          </label>
          <label>
            {t(m.mapping)}
            <input name="map" maxlength={5000} placeholder={t(m.mappingPlaceholder)} />
            <span class="muted small">
              {t(m.mappingHelp, { fields: CONTACT_IMPORT_FIELDS.join(', '), custom: `${CUSTOM_PREFIX}<key>` })}
            </span>
          </label>
          <div>
            <button type="submit">{t(m.startImport)}</button>
          </div>
        </form>
      </section>
      {p.imports.length === 0 ? null : <h2>{t(m.recentImports)}</h2>}
      {p.imports.map((i, n) => (
        <ImportCard i={i} open={i.id === p.started || (n === 0 && !isRunning(i))} />
      ))}
    </AppShell>
  );
}
