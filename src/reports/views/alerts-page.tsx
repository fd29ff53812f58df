import { useT } from '../../http/web/i18n';
import { AppShell, Flash } from '../../http/web/layout';
import { Csrf, type PageBase } from '../../http/web/settings-shell';
import { reports as m } from '../messages';

export interface AlertsPageProps extends PageBase {
  alerts: {
    id: string;
    topicId: string;
    topic: string;
    reasons: string[];
    windowStart: Date;
    windowEnd: Date;
    volume: number;
    baselineVolume: number;
    negativeShare: number;
    baselineNegativeShare: number;
    webhookStatus: string;
    webhookError: string | null;
  }[];
  settings: {
    enabled: boolean;
    volumeFactor: number;
    minVolume: number;
    negativeShareRise: number;
    webhookUrl: string | null;
    webhookSecretSet: boolean;
  };
  canManage: boolean;
  ok?: string | undefined;
  error?: string | undefined;
}

// Kept out of the markup: an address to copy the form of, not words to translate.
const EXAMPLE_WEBHOOK_URL = 'https://hooks.example.com/social';

/** Spike alerts: what spiked, against what usual, with the mentions behind it; and the thresholds. */
export function AlertsPage(p: AlertsPageProps) {
  const s = p.settings;
  const { t, dateTime, number, percent, intl, timeZone } = useT();
  return (
    <AppShell {...p} title={t(m.alertsTitle)} active="/reports">
      <div class="page-head">
        <h1>{t(m.alertsTitle)}</h1>
        <a href="/reports">{t(m.back)}</a>
      </div>
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      {p.alerts.length === 0 ? <div class="card empty">{t(m.alertsEmpty)}</div> : null}
      <ol class="plain">
        {p.alerts.map((a) => (
          <li class="card" data-testid="alert">
            <div class="page-head">
              <strong>
                {t(m.alertHeading, {
                  topic: a.topic,
                  reasons: intl.formatList(
                    a.reasons.map((reason) => t(m.alertReason, { reason })),
                    { type: 'conjunction' },
                  ),
                })}
              </strong>
              <span class="muted small">
                {t(m.alertWindow, { start: dateTime(a.windowStart), end: dateTime(a.windowEnd), zone: timeZone })}
              </span>
            </div>
            <p>
              {t(m.alertSummary, {
                count: a.volume,
                usual: number(a.baselineVolume, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                share: percent(a.negativeShare),
                usualShare: percent(a.baselineNegativeShare),
              })}{' '}
              <a
                href={
                  `/inbox/mentions?topic=${a.topicId}` +
                  `&from=${a.windowStart.toISOString().slice(0, 10)}&to=${a.windowEnd.toISOString().slice(0, 10)}`
                }
              >
                {t(m.seeMentions)}
              </a>
            </p>
            <p class="muted small">
              {a.webhookError
                ? t(m.webhookWithError, {
                    status: t(m.webhookStatus, { status: a.webhookStatus }),
                    error: a.webhookError,
                  })
                : t(m.webhook, { status: t(m.webhookStatus, { status: a.webhookStatus }) })}
            </p>
          </li>
        ))}
      </ol>
      {p.canManage ? (
        <form method="post" action="/reports/alerts/settings" class="card stack narrow" data-testid="alert-settings">
          <h2>{t(m.settingsTitle)}</h2>
          <Csrf token={p.csrfToken} />
          <label class="check">
            <input type="checkbox" name="enabled" value="1" checked={s.enabled} /> {t(m.enabled)}
          </label>
          <label>
            {t(m.volumeFactor)}
            <input type="number" name="volumeFactor" min="1.5" max="100" step="0.5" value={String(s.volumeFactor)} />
          </label>
          <label>
            {t(m.minVolume)}
            <input type="number" name="minVolume" min="1" max="100000" value={String(s.minVolume)} />
          </label>
          <label>
            {t(m.negativeShareRise)}
            <input
              type="number"
              name="negativeShareRise"
              min="5"
              max="100"
              value={String(Math.round(s.negativeShareRise * 100))}
            />
          </label>
          <label>
            {t(m.webhookUrl)}
            <input type="url" name="webhookUrl" value={s.webhookUrl ?? ''} placeholder={EXAMPLE_WEBHOOK_URL} />
          </label>
          <label>
            {t(m.webhookSecret, { set: s.webhookSecretSet ? 'yes' : 'no' })}
            <input type="password" name="webhookSecret" minlength={16} maxlength={200} autocomplete="new-password" />
          </label>
          <p class="muted small">{t(m.signature)}</p>
          <div>
            <button type="submit">{t(m.save)}</button>
          </div>
        </form>
      ) : null}
    </AppShell>
  );
}
