import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, SettingsShell } from '../../http/web/settings-shell';

export interface AnalysisSettingsPageProps extends PageBase {
  threshold: number;
  canManage: boolean;
  ok?: string | undefined;
  error?: string | undefined;
  /** The posted text, to fill the form again after a problem. */
  value?: string | undefined;
}

/** Settings > Analysis: how sure a label must be before the inbox and the reports take it as sure. */
export function AnalysisSettingsPage(p: AnalysisSettingsPageProps) {
  return (
    <SettingsShell {...p} title="Analysis" tab="/settings/analysis">
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      <section class="card stack">
        <h2>Confidence threshold</h2>
        <p class="muted">
          The analyzer says how sure it is of each label (0 to 1). A label less sure than this is shown as uncertain,
          for example “negative? (uncertain, 0.42)”, is counted apart in the reports and does not raise a conversation’s
          priority. It is never turned neutral. A label staff corrected is never uncertain.
        </p>
        {p.canManage ? (
          <form class="row" method="post" action="/settings/analysis">
            <Csrf token={p.csrfToken} />
            <label>
              Threshold
              <input
                name="confidenceThreshold"
                type="number"
                inputmode="decimal"
                min="0"
                max="1"
                step="0.01"
                required
                value={p.value ?? String(p.threshold)}
                aria-describedby="threshold-help"
              />
            </label>
            <button type="submit">Save</button>
            <p id="threshold-help" class="muted small">
              0 to 1, e.g. 0.5. Reports and open conversations follow at once.
            </p>
          </form>
        ) : (
          <p data-testid="confidence-threshold">Threshold: {p.threshold}</p>
        )}
      </section>
    </SettingsShell>
  );
}
