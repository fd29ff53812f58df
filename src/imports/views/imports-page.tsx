import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, SettingsShell, when } from '../../http/web/settings-shell';
import type { publicImport } from '../import.service';
import { IMPORT_FIELDS } from '../parse';

type Import = ReturnType<typeof publicImport>;

export function ImportsPage(p: PageBase & { imports: Import[]; error?: string | undefined }) {
  const running = p.imports.some((i) => i.status === 'queued' || i.status === 'running');
  return (
    <SettingsShell {...p} title="Imports" tab="/settings/imports" refreshSeconds={running ? 2 : undefined}>
      <Flash kind="error" message={p.error} />
      <section class="card">
        <h2>Import exported mentions</h2>
        <form class="stack narrow" method="post" action="/settings/imports" enctype="multipart/form-data">
          <Csrf token={p.csrfToken} />
          <label>
            File (CSV or JSON Lines, up to 50 MiB)
            <input type="file" name="file" required accept=".csv,.jsonl,.ndjson,.json,text/csv" />
          </label>
          <label>
            Column mapping (optional)
            <input name="map" placeholder="text=Message, createdAt=Date, authorHandle=Author" />
            <span class="muted small">
              Fields: {IMPORT_FIELDS.join(', ')}. Common column names are recognised without a mapping.
            </span>
          </label>
          <label class="check">
            <input type="checkbox" name="inbox" /> Open inbox conversations for these mentions
            <span class="muted small">
              Off: they go to listening, contacts and reports only, as history. On: each one waits for an answer.
            </span>
          </label>
          <button type="submit">Import</button>
        </form>
      </section>
      {p.imports.map((i) => (
        <section class="card stack" data-testid="import">
          <div>
            <strong>{i.filename}</strong> <span class="badge">{i.status}</span>{' '}
            <span class="muted">{when(i.createdAt)}</span>
          </div>
          <div>
            <progress max={100} value={i.progress} aria-label={`Progress of ${i.filename}`} /> {i.progress}% ·{' '}
            {i.processed}/{i.total} rows · {i.inserted} new · {i.duplicates} already stored · {i.failed} bad
          </div>
          {i.error ? <p class="flash error">{i.error}</p> : null}
          {i.errors.length ? (
            <details>
              <summary>{i.failed} bad rows</summary>
              <ul class="small">
                {i.errors.map((e) => (
                  <li>
                    line {e.line}: {e.message}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ))}
    </SettingsShell>
  );
}
