import { AppShell, Flash } from '../../http/web/layout';
import { Csrf, type PageBase, when } from '../../http/web/settings-shell';

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

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Spike alerts: what spiked, against what usual, with the mentions behind it; and the thresholds. */
export function AlertsPage(p: AlertsPageProps) {
  const s = p.settings;
  return (
    <AppShell {...p} title="Spike alerts" active="/reports">
      <div class="page-head">
        <h1>Spike alerts</h1>
        <a href="/reports">← Reports</a>
      </div>
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      {p.alerts.length === 0 ? (
        <div class="card empty">
          No spikes yet. Each topic's last hour is compared with its usual hour every five minutes.
        </div>
      ) : null}
      <ol class="plain">
        {p.alerts.map((a) => (
          <li class="card" data-testid="alert">
            <div class="page-head">
              <strong>
                {a.topic}:{' '}
                {a.reasons.map((r) => (r === 'volume' ? 'volume spike' : 'negative sentiment')).join(' and ')}
              </strong>
              <span class="muted small">
                {when(a.windowStart)} – {when(a.windowEnd)} UTC
              </span>
            </div>
            <p>
              {a.volume} mentions in an hour (usually {a.baselineVolume.toFixed(1)}), {pct(a.negativeShare)} negative
              (usually {pct(a.baselineNegativeShare)}).{' '}
              <a
                href={
                  `/inbox/mentions?topic=${a.topicId}` +
                  `&from=${a.windowStart.toISOString().slice(0, 10)}&to=${a.windowEnd.toISOString().slice(0, 10)}`
                }
              >
                See the mentions
              </a>
            </p>
            <p class="muted small">
              Webhook: {a.webhookStatus}
              {a.webhookError ? ` (${a.webhookError})` : ''}
            </p>
          </li>
        ))}
      </ol>
      {p.canManage ? (
        <form method="post" action="/reports/alerts/settings" class="card stack narrow" data-testid="alert-settings">
          <h2>Thresholds and webhook</h2>
          <Csrf token={p.csrfToken} />
          <label class="check">
            <input type="checkbox" name="enabled" value="1" checked={s.enabled} /> Raise spike alerts
          </label>
          <label>
            Volume: alert at this many times the usual hour
            <input type="number" name="volumeFactor" min="1.5" max="100" step="0.5" value={String(s.volumeFactor)} />
          </label>
          <label>
            …and at least this many mentions
            <input type="number" name="minVolume" min="1" max="100000" value={String(s.minVolume)} />
          </label>
          <label>
            Negative share: alert when it rises this many points over usual
            <input
              type="number"
              name="negativeShareRise"
              min="5"
              max="100"
              value={String(Math.round(s.negativeShareRise * 100))}
            />
          </label>
          <label>
            Webhook URL (optional)
            <input
              type="url"
              name="webhookUrl"
              value={s.webhookUrl ?? ''}
              placeholder="https://hooks.example.com/social"
            />
          </label>
          <label>
            Signing secret {s.webhookSecretSet ? '(set; leave empty to keep it)' : '(at least 16 characters)'}
            <input type="password" name="webhookSecret" minlength={16} maxlength={200} autocomplete="new-password" />
          </label>
          <p class="muted small">
            Each call carries X-Social-CRM-Signature: t=&lt;unix time&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;.
          </p>
          <div>
            <button type="submit">Save</button>
          </div>
        </form>
      ) : null}
    </AppShell>
  );
}
