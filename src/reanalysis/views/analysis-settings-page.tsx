import { useT } from '../../http/web/i18n';
import { Flash } from '../../http/web/layout';
import { sentimentText } from '../../http/web/sentiment';
import { Csrf, type PageBase, SettingsShell } from '../../http/web/settings-shell';
import { m } from '../messages';

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
  const { t, number } = useT();
  const example = sentimentText({ label: 'negative', confidence: 0.42, uncertain: true });
  return (
    <SettingsShell {...p} title={t(m.settingsTitle)} tab="/settings/analysis">
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      <section class="card stack">
        <h2>{t(m.thresholdHeading)}</h2>
        <p class="muted">{t(m.thresholdIntro, { example })}</p>
        {p.canManage ? (
          <form class="row" method="post" action="/settings/analysis">
            <Csrf token={p.csrfToken} />
            <label>
              {t(m.threshold)}
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
            <button type="submit">{t(m.save)}</button>
            <p id="threshold-help" class="muted small">
              {t(m.thresholdHelp, { example: number(0.5) })}
            </p>
          </form>
        ) : (
          <p data-testid="confidence-threshold">{t(m.thresholdShown, { threshold: number(p.threshold) })}</p>
        )}
      </section>
    </SettingsShell>
  );
}
